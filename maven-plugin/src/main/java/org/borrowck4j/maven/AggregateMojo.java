package org.borrowck4j.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.report.SarifWriter;

/**
 * Merges the SARIF reports that {@code check} wrote in every module of the reactor into one run
 * in the root's {@code target/borrowck.sarif}: one file to upload for the repository. It runs
 * once, at the reactor's root, and must come after the modules' checks: {@code mvn verify
 * borrowck:aggregate} (Maven runs a goal that aggregates, named on the command line, after every
 * module has finished the phases named before it, also with {@code -T}). A module without a
 * report (skipped, or a {@code pom} module) is left out with a line saying so; a report older than
 * this build is merged with a warning.
 */
@Mojo(name = "aggregate", aggregator = true, threadSafe = true)
public class AggregateMojo extends BorrowckMojo {
  /** What the aggregate's {@code automationDetails.id} says: the whole repository's run. */
  static final String AUTOMATION_ID = "borrowck/";

  /** Where the merged report is written. */
  @Parameter(property = "borrowck.aggregateOutput", defaultValue = "${project.build.directory}/borrowck.sarif")
  File aggregateOutput;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("borrowck: skipped");
      return;
    }
    Path output = aggregateOutput.toPath().toAbsolutePath().normalize();
    SarifMerge merge = new SarifMerge(reactorRoot());
    int merged = 0;
    ObjectMapper mapper = new ObjectMapper();
    for (MavenProject module : session.getProjects()) {
      Path report = Path.of(module.getBuild().getDirectory(), "borrowck.sarif").toAbsolutePath().normalize();
      if (!Files.isRegularFile(report)) {
        getLog().info("borrowck: no report in " + module.getArtifactId() + " (" + report + "); left out");
        continue;
      }
      JsonNode log = read(mapper, report);
      if (AUTOMATION_ID.equals(log.path("runs").path(0).path("automationDetails").path("id").asText())) {
        continue; // an earlier aggregate in the same place
      }
      if (stale(report)) {
        getLog().warn("borrowck: the report of " + module.getArtifactId() + " is from an earlier build: " + report);
      }
      merge.add(log);
      merged++;
    }
    ObjectNode result = merge.result(AUTOMATION_ID);
    if (result == null) {
      throw new MojoExecutionException(
          "borrowck: no module has a report to aggregate; run the checks first: mvn verify borrowck:aggregate");
    }
    try {
      new AtomicWriter(getLog()::warn).replace(output, new SarifWriter().text(result));
    } catch (InterruptedIOException e) {
      throw AnalysisMojo.cancelled();
    } catch (IOException e) {
      throw new MojoExecutionException("borrowck: " + e.getMessage());
    }
    int results = result.path("runs").path(0).path("results").size();
    getLog().info("borrowck: aggregated " + AnalysisMojo.plural(merged, "module report") + " (" + AnalysisMojo.plural(results, "result") + ") into " + output);
  }

  private static JsonNode read(ObjectMapper mapper, Path report) throws MojoExecutionException {
    try {
      return mapper.readTree(report.toFile());
    } catch (IOException e) {
      throw new MojoExecutionException("borrowck: cannot read the report " + report + ": " + e.getMessage());
    }
  }

  /** Written before this build started. */
  private boolean stale(Path report) {
    try {
      java.util.Date start = session.getRequest().getStartTime();
      return start != null && Files.getLastModifiedTime(report).toMillis() < start.getTime();
    } catch (IOException e) {
      return false;
    }
  }
}
