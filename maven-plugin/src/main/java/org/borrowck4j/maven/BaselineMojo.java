package org.borrowck4j.maven;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.Report;

/**
 * Accepts the module's current findings into the baseline: {@code mvn compile borrowck:baseline}
 * once, then {@code check} reports only new findings. Paths in it are relative to the reactor's
 * root, so one file serves every module: each module replaces its own entries and keeps the
 * others'. The file is the {@code baseline} parameter, else borrowck.toml's {@code baseline}, else
 * {@code borrowck-baseline.json} at the reactor's root.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class BaselineMojo extends AnalysisMojo {
  /** Modules built in parallel (-T) update one file in turn: a lock per file in this build. */
  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

  @Override
  boolean readsBaseline() {
    return false;
  }

  @Override
  public void execute() throws MojoExecutionException {
    if (skip || nothingToAnalyse()) {
      getLog().info("borrowck: skipped");
      return;
    }
    Run run = analyse();
    Report report = run.report();
    Path file = baselineFile().orElse(reactorRoot().resolve("borrowck-baseline.json")).toAbsolutePath().normalize();
    // The module's entries are those under its directory, whether or not the file is still there.
    String module = Report.uri(report.sourceRoot(), project.getBasedir().getPath());
    String prefix = module.isEmpty() ? "" : module + "/";
    synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
      try {
        int kept = Baseline.update(report, file, uri -> uri.startsWith(prefix), new AtomicWriter(getLog()::warn));
        getLog()
            .info(
                "borrowck: wrote " + plural(report.results().size(), "finding") + " of " + project.getArtifactId() + " to the baseline " + file
                    + (kept > 0 ? " (kept " + kept + (kept == 1 ? " entry" : " entries") + " of other modules)" : ""));
      } catch (InterruptedIOException e) {
        throw cancelled();
      } catch (Baseline.InvalidBaseline e) {
        throw new MojoExecutionException("borrowck: " + e.getMessage());
      } catch (IOException e) {
        throw new MojoExecutionException("borrowck: " + e.getMessage());
      }
    }
  }
}
