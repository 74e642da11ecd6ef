package org.borrowck4j.maven;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.engine.Notification;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.WriteSteps;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.Report;
import org.borrowck4j.analyzer.report.SarifWriter;
import org.borrowck4j.rules.RuleCatalog;
import org.borrowck4j.rules.settings.InvalidSettings;
import org.borrowck4j.rules.settings.RuleSelection;
import org.borrowck4j.rules.settings.SettingNames;
import org.borrowck4j.rules.settings.Settings;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * Checks the module's sources for use after move, conflicting borrows and references outliving
 * their owners, with the module's classpath; writes SARIF; fails the build on error-level
 * findings. Test-scoped dependencies are resolved so that {@code includeTests} can use them; they
 * are on the analysis classpath only when tests are analysed.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /** Skip the check. */
  @Parameter(property = "borrowck.skip", defaultValue = "false")
  private boolean skip;

  /** Fail the build when there are error-level findings (parse errors included). */
  @Parameter(property = "borrowck.failOnError", defaultValue = "true")
  private boolean failOnError;

  /** Fail the build when there are warnings (owned-value-leaked). */
  @Parameter(property = "borrowck.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /** Analyse the test sources too, with the test classpath. */
  @Parameter(property = "borrowck.includeTests", defaultValue = "false")
  private boolean includeTests;

  /** Analyse generated sources (source roots under the build directory) too. */
  @Parameter(property = "borrowck.includeGenerated", defaultValue = "false")
  private boolean includeGenerated;

  /** Ant patterns of the files to analyse, relative to each source root (default: all Java files). */
  @Parameter private List<String> includes;

  /** Ant patterns of files not to analyse. */
  @Parameter private List<String> excludes;

  /** Model files ({@code .astub}) or directories of them, for libraries without annotations. */
  @Parameter(property = "borrowck.stubs")
  private List<File> stubs;

  /** Rules not to run, by id ({@code use-after-move}) or code ({@code BC001}). */
  @Parameter(property = "borrowck.disabledRules")
  private List<String> disabledRules;

  /** Stricter guesses: unannotated parameters of owned types are borrows. */
  @Parameter(property = "borrowck.strict", defaultValue = "false")
  private boolean strict;

  /** Report only findings that are not in this baseline (see docs/output.md). */
  @Parameter(property = "borrowck.baseline")
  private File baseline;

  /** Where the SARIF report is written (always). */
  @Parameter(property = "borrowck.sarifOutput", defaultValue = "${project.build.directory}/borrowck.sarif")
  private File sarifOutput;

  /** Java language level of the sources; defaults to the compiler's release, else its source. */
  @Parameter(property = "borrowck.sourceLevel", defaultValue = "${maven.compiler.release}")
  private String sourceLevel;

  /** Encoding of the source files. */
  @Parameter(property = "borrowck.encoding", defaultValue = "${project.build.sourceEncoding}")
  private String encoding;

  /** Files analysed in parallel within this module (default: the number of processors). */
  @Parameter(property = "borrowck.jobs")
  private Integer jobs;

  /** Work one method may take before it is skipped with a warning, in steps (default: 10,000,000). */
  @Parameter(property = "borrowck.analysisBudget")
  private Long analysisBudget;

  /** How files are written: the real disk, or a faulty one in tests. */
  WriteSteps disk = WriteSteps.DISK;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("borrowck: skipped");
      return;
    }
    Settings settings = settings();
    AnalyzerConfig config;
    try {
      config = settings.analyzerConfig(parameterNames());
    } catch (InvalidSettings e) {
      throw new MojoExecutionException("borrowck: " + e.getMessage(), e);
    }
    List<InputFile> inputs = sources();
    AnalysisResult result;
    try {
      result = settings.rules().applyTo(new Analyzer(config).analyze(inputs));
    } catch (InterruptedException e) {
      throw cancelled();
    }
    Baseline accepted = null;
    if (baseline != null) {
      try {
        accepted = Baseline.read(baseline.toPath());
      } catch (Baseline.InvalidBaseline e) {
        throw new MojoExecutionException(e.getMessage(), e);
      }
    }
    Report report =
        Report.of(
            result,
            RuleCatalog.descriptors(),
            project.getBasedir().toPath(),
            accepted,
            plugin.getVersion());
    log(report, accepted);
    writeSarif(report);
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    getLog()
        .info(
            "borrowck: " + plural(errors, "error") + ", " + plural(warnings, "warning") + " in "
                + plural(inputs.size(), "file") + "; SARIF report: " + sarifOutput);
    if (!report.executionSuccessful()) {
      throw new MojoExecutionException("borrowck could not analyse every file (see the errors above)");
    }
    if ((failOnError && errors > 0) || (failOnWarning && warnings > 0)) {
      throw new MojoFailureException(
          "borrowck found " + plural(errors, "error") + (failOnWarning ? " and " + plural(warnings, "warning") : "")
              + "; the report is in " + sarifOutput);
    }
  }

  /** The module's source roots (and test roots), without generated ones unless asked. */
  private List<InputFile> sources() {
    List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
    if (includeTests) {
      roots.addAll(project.getTestCompileSourceRoots());
    }
    Path buildDirectory = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    Set<Path> files = new LinkedHashSet<>();
    for (String root : roots) {
      Path dir = Path.of(root).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir) || (!includeGenerated && dir.startsWith(buildDirectory))) {
        continue;
      }
      DirectoryScanner scanner = new DirectoryScanner();
      scanner.setBasedir(dir.toFile());
      scanner.setIncludes(includes == null || includes.isEmpty() ? new String[] {"**/*.java"} : includes.toArray(String[]::new));
      if (excludes != null && !excludes.isEmpty()) {
        scanner.setExcludes(excludes.toArray(String[]::new));
      }
      scanner.addDefaultExcludes();
      scanner.scan();
      for (String file : scanner.getIncludedFiles()) {
        if (file.endsWith(".java")) {
          files.add(dir.resolve(file));
        }
      }
    }
    List<InputFile> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(new InputFile(f, f.toString()));
    }
    inputs.sort(java.util.Comparator.comparing(InputFile::displayPath));
    return inputs;
  }

  private List<Path> classpath() throws MojoExecutionException {
    try {
      List<String> elements = new ArrayList<>(includeTests ? project.getTestClasspathElements() : project.getCompileClasspathElements());
      List<Path> out = new ArrayList<>();
      for (String e : elements) {
        out.add(Path.of(e));
      }
      return out;
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the classpath is not resolved: " + e.getMessage(), e);
    }
  }

  /** The parameters that decide what the analysis does; parameters not set keep the defaults. */
  private Settings settings() throws MojoExecutionException {
    return Settings.builder()
        .classpath(classpath())
        .stubs(stubs == null ? List.of() : stubs.stream().map(File::toPath).toList())
        .rules(new RuleSelection(disabledRules == null ? List.of() : disabledRules))
        .strict(strict)
        .sourceLevel(firstNonBlank(sourceLevel, compilerSource()))
        .encoding(firstNonBlank(encoding))
        .jobs(jobs)
        .analysisBudget(analysisBudget)
        .build();
  }

  /**
   * Messages name the parameter the user can change; a source level taken from the compiler's
   * {@code maven.compiler.source} is named so ({@code sourceLevel} itself defaults to
   * {@code maven.compiler.release}).
   */
  private SettingNames parameterNames() {
    String level = isBlank(sourceLevel) ? "maven.compiler.source" : "sourceLevel";
    return new SettingNames(level, "jobs", "analysisBudget", "encoding");
  }

  /** The compiler's source level: what {@code sourceLevel} falls back to when the release is unset. */
  private String compilerSource() {
    return project.getProperties().getProperty("maven.compiler.source");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** The first value that is set, or null; a blank one (a property defined empty) counts as unset. */
  private static String firstNonBlank(String... values) {
    return java.util.Arrays.stream(values).filter(v -> !isBlank(v)).findFirst().orElse(null);
  }

  /**
   * Writes the SARIF report whole or not at all. One that cannot be written fails the goal in one
   * line with the OS's reason (the findings are already in the log); a previous report is kept.
   */
  private void writeSarif(Report report) throws MojoExecutionException {
    try {
      new AtomicWriter(getLog()::warn, disk).replace(sarifOutput.toPath(), new SarifWriter().write(report));
    } catch (InterruptedIOException e) {
      throw cancelled();
    } catch (IOException e) {
      // CannotWrite: its message names the file and the reason; a stack trace would add nothing.
      throw new MojoExecutionException("borrowck: " + e.getMessage());
    }
  }

  /**
   * The build was cancelled (its thread interrupted, as Maven embedders and IDEs cancel): the goal
   * fails in one line, having written nothing, and the interrupt is kept for Maven to see.
   */
  private static MojoExecutionException cancelled() {
    Thread.currentThread().interrupt();
    return new MojoExecutionException("borrowck: interrupted: the build was cancelled, nothing was written");
  }

  /**
   * Findings in the maven-compiler-plugin's style, which IDEs link: {@code /abs/File.java:[42,17]
   * [BC001 use-after-move] message}, then the secondary spans and notes on the following lines.
   */
  private void log(Report report, Baseline accepted) {
    for (Report.Result r : report.visible()) {
      Finding f = r.finding();
      StringBuilder sb = new StringBuilder();
      sb.append(position(f.file(), f.primary().beginLine(), f.primary().beginColumn()))
          .append(" [")
          .append(f.rule().code())
          .append(' ')
          .append(f.rule().id())
          .append("] ")
          .append(f.message());
      sb.append(System.lineSeparator()).append("    ").append(position(f.file(), f.primary().beginLine(), f.primary().beginColumn())).append(' ').append(f.primaryLabel());
      for (Label l : f.labels()) {
        sb.append(System.lineSeparator()).append("    ").append(position(f.file(), l.span().beginLine(), l.span().beginColumn())).append(' ').append(l.text());
      }
      for (Note n : f.notes()) {
        sb.append(System.lineSeparator()).append("    ").append(n.kind().word()).append(": ").append(n.text());
      }
      if (f.severity() == Severity.ERROR) {
        getLog().error(sb.toString());
      } else {
        getLog().warn(sb.toString());
      }
    }
    for (Notification n : report.notifications()) {
      String where = n.file() == null ? "" : position(n.file(), n.line(), n.column()) + " ";
      if (n.level() == Notification.Level.ERROR) {
        getLog().error("borrowck: " + where + n.message());
      } else {
        getLog().warn("borrowck: " + where + n.message());
      }
    }
    if (accepted != null) {
      for (Baseline.Entry e : accepted.stale()) {
        getLog().warn("borrowck: baseline entry matches no finding any more: " + e.file() + " " + e.rule() + " (" + e.message() + ")");
      }
    }
  }

  private static String position(String file, int line, int column) {
    return line > 0 ? file + ":[" + line + "," + Math.max(column, 1) + "]" : file;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
