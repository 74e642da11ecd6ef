package org.borrowck4j.maven;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.StubLoader;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.Report;
import org.borrowck4j.analyzer.report.SarifWriter;
import org.borrowck4j.rules.Borrowck;
import org.borrowck4j.rules.RuleCatalog;
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

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("borrowck: skipped");
      return;
    }
    long budget = analysisBudget == null ? org.borrowck4j.analyzer.dataflow.Budget.DEFAULT_STEPS : analysisBudget;
    if (budget < 1) {
      throw new MojoExecutionException("borrowck: analysisBudget must be at least 1, not " + budget);
    }
    List<InputFile> inputs = sources();
    AnalyzerConfig config =
        Borrowck.config(
                languageLevel(),
                classpath(),
                loadStubs(),
                new LinkedHashSet<>(disabledRules == null ? List.of() : disabledRules),
                jobs == null ? Runtime.getRuntime().availableProcessors() : jobs,
                strict,
                false)
            .withEncoding(charset())
            .withStepBudget(budget);
    checkRules();
    AnalysisResult result = new Analyzer(config).analyze(inputs);
    Set<String> off = new LinkedHashSet<>(disabledRules == null ? List.of() : disabledRules);
    List<Finding> findings =
        result.findings().stream().filter(f -> off.stream().noneMatch(d -> f.rule().isNamed(d))).toList();
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
            new AnalysisResult(findings, result.notifications(), result.files()),
            RuleCatalog.descriptors(),
            project.getBasedir().toPath(),
            accepted,
            plugin.getVersion());
    writeSarif(report);
    log(report, accepted);
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

  private List<Declared.FileDeclarations> loadStubs() throws MojoExecutionException {
    List<Declared.FileDeclarations> out = new ArrayList<>();
    if (stubs == null) {
      return out;
    }
    for (File stub : stubs) {
      Path p = stub.toPath();
      if (!Files.exists(p)) {
        throw new MojoExecutionException("borrowck: no such stub file or directory: " + p);
      }
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().endsWith(".astub") && Files.isRegularFile(f)).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new MojoExecutionException("borrowck: cannot read stub directory " + p, e);
        }
      } else {
        files.add(p);
      }
      for (Path f : files) {
        try {
          out.addAll(StubLoader.load(f.toString(), Files.readString(f, StandardCharsets.UTF_8), Declared.Origin.Kind.USER_STUB));
        } catch (IOException e) {
          throw new MojoExecutionException("borrowck: cannot read stub file " + f, e);
        } catch (StubLoader.StubException e) {
          throw new MojoExecutionException("borrowck: invalid stub file " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  private void checkRules() throws MojoExecutionException {
    if (disabledRules != null) {
      for (String rule : disabledRules) {
        if (RuleCatalog.find(rule).isEmpty()) {
          throw new MojoExecutionException("borrowck: unknown rule in disabledRules: " + rule);
        }
      }
    }
  }

  private LanguageLevel languageLevel() throws MojoExecutionException {
    String level = sourceLevel;
    if (level == null || level.isBlank()) {
      level = project.getProperties().getProperty("maven.compiler.source");
    }
    if (level == null || level.isBlank()) {
      return JavaSourceParser.newestLevel();
    }
    String s = level.strip().startsWith("1.") ? level.strip().substring(2) : level.strip();
    try {
      return JavaSourceParser.levelFor(Integer.parseInt(s))
          .orElseThrow(() -> new MojoExecutionException("borrowck: unsupported source level " + sourceLevel));
    } catch (NumberFormatException e) {
      throw new MojoExecutionException("borrowck: the source level is not a Java version: " + level, e);
    }
  }

  private Charset charset() throws MojoExecutionException {
    if (encoding == null || encoding.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("borrowck: unknown encoding " + encoding, e);
    }
  }

  private void writeSarif(Report report) throws MojoExecutionException {
    try {
      Path out = sarifOutput.toPath();
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, new SarifWriter().write(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("borrowck: cannot write " + sarifOutput, e);
    }
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
