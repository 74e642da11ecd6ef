package org.borrowck4j.maven;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.WriteSteps;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.Report;
import org.borrowck4j.analyzer.report.SarifWriter;

/**
 * Checks the module's sources for use after move, conflicting borrows and references outliving
 * their owners, with the module's classpath; writes SARIF; fails the build on error-level
 * findings beyond {@code maxAllowedViolations}. Test-scoped dependencies are resolved so that
 * {@code includeTests} can use them; they are on the analysis classpath only when tests are
 * analysed.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AnalysisMojo {

  /** Fail the build when there are error-level findings (parse errors included). */
  @Parameter(property = "borrowck.failOnError", defaultValue = "true")
  boolean failOnError;

  /** Fail the build when there are warnings (owned-value-leaked, rules set to warning). */
  @Parameter(property = "borrowck.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * How many findings that would fail the build are tolerated (errors, and warnings with {@code
   * failOnWarning}): the build fails only above it, as PMD's and Checkstyle's thresholds.
   */
  @Parameter(property = "borrowck.maxAllowedViolations", defaultValue = "0")
  int maxAllowedViolations;

  /** Where the SARIF report is written (always, for a module with sources). */
  @Parameter(property = "borrowck.sarifOutput", defaultValue = "${project.build.directory}/borrowck.sarif")
  File sarifOutput;

  /** How files are written: the real disk, or a faulty one in tests. */
  WriteSteps disk = WriteSteps.DISK;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("borrowck: skipped");
      return;
    }
    if (nothingToAnalyse()) {
      getLog().info("borrowck: nothing to analyse in a pom project without sources");
      return;
    }
    Run run = analyse();
    Report report = run.report();
    List<Baseline.Entry> stale = run.baseline() == null ? List.of() : run.baseline().stale(Baseline.scope(report.sourceRoot(), uris(run)));
    FindingLog.log(getLog(), report, stale, failOnError);
    writeSarif(report);
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    long baselined = report.baselinedCount();
    getLog()
        .info(
            "borrowck: " + plural(errors, "error") + ", " + plural(warnings, "warning") + " in "
                + plural(run.inputs().size(), "file") + (baselined > 0 ? " (" + baselined + " baselined)" : "")
                + "; SARIF report: " + sarifOutput);
    if (!report.executionSuccessful()) {
      throw new MojoExecutionException("borrowck could not analyse every file (see the errors above)");
    }
    long violations = (failOnError ? errors : 0) + (failOnWarning ? warnings : 0);
    if (violations > maxAllowedViolations) {
      throw new MojoFailureException(
          "borrowck found " + plural(errors, "error") + (failOnWarning ? " and " + plural(warnings, "warning") : "")
              + (maxAllowedViolations > 0 ? " (at most " + maxAllowedViolations + " allowed)" : "")
              + "; the report is in " + sarifOutput);
    }
    if (violations > 0) {
      getLog().warn("borrowck: " + plural(violations, "violation") + ", within maxAllowedViolations (" + maxAllowedViolations + ")");
    }
  }

  private static List<String> uris(Run run) {
    return run.inputs().stream().map(InputFile::displayPath).map(f -> Report.uri(run.report().sourceRoot(), f)).toList();
  }

  /**
   * Writes the SARIF report whole or not at all, its run named after the module so that code
   * scanning keeps the modules' runs apart. One that cannot be written fails the goal in one line
   * with the OS's reason (the findings are already in the log); a previous report is kept.
   */
  private void writeSarif(Report report) throws MojoExecutionException {
    SarifWriter writer = new SarifWriter().withAutomationId("borrowck/" + project.getArtifactId() + "/");
    try {
      new AtomicWriter(getLog()::warn, disk).replace(sarifOutput.toPath(), writer.write(report));
    } catch (InterruptedIOException e) {
      throw cancelled();
    } catch (IOException e) {
      // CannotWrite: its message names the file and the reason; a stack trace would add nothing.
      throw new MojoExecutionException("borrowck: " + e.getMessage());
    }
  }
}
