package org.borrowck4j.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.Report;
import org.borrowck4j.rules.settings.ConfigFile;
import org.borrowck4j.rules.settings.InvalidSettings;
import org.borrowck4j.rules.settings.RuleSelection;
import org.borrowck4j.rules.settings.SettingNames;
import org.borrowck4j.rules.settings.Settings;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * What the goals that analyse a module share: the parameters that decide what is analysed and
 * how, laid over the project's {@code borrowck.toml}, and the run itself. Parameters given win
 * over the file; a parameter not given keeps the file's value (decision 103).
 */
public abstract class AnalysisMojo extends BorrowckMojo {

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  /** Analyse the test sources too, with the test classpath. */
  @Parameter(property = "borrowck.includeTests", defaultValue = "false")
  boolean includeTests;

  /** Analyse generated sources (source roots under the build directory) too. */
  @Parameter(property = "borrowck.includeGenerated", defaultValue = "false")
  boolean includeGenerated;

  /** Ant patterns of the files to analyse, relative to each source root (default: all Java files). */
  @Parameter(property = "borrowck.includes")
  List<String> includes;

  /** Ant patterns of files not to analyse, relative to each source root. */
  @Parameter(property = "borrowck.excludes")
  List<String> excludes;

  /**
   * Read the sources of the reactor's modules this module depends on for their contracts
   * (decision 313; default: true). {@code -Dborrowck.reactorSources=false} reads their classes
   * only, as for any other dependency.
   */
  @Parameter(property = "borrowck.reactorSources", defaultValue = "true")
  boolean reactorSources;

  /** Model files ({@code .astub}) or directories of them; given, they replace borrowck.toml's. */
  @Parameter(property = "borrowck.stubs")
  List<File> stubs;

  /** Rules not to run, by id ({@code use-after-move}) or code ({@code BC001}). */
  @Parameter(property = "borrowck.disabledRules")
  List<String> disabledRules;

  /** Stricter guesses: unannotated parameters of owned types are borrows (default: false). */
  @Parameter(property = "borrowck.strict")
  Boolean strict;

  /** Infer contracts from the bodies of the analysed methods (D23; default: true). */
  @Parameter(property = "borrowck.infer")
  Boolean infer;

  /** The baseline: only findings not in it fail the build (see docs/output.md). */
  @Parameter(property = "borrowck.baseline")
  File baseline;

  /**
   * Java language level of the sources; defaults to borrowck.toml's {@code source-level}, else the
   * compiler's release, else its source.
   */
  @Parameter(property = "borrowck.sourceLevel")
  String sourceLevel;

  /** Encoding of the source files. */
  @Parameter(property = "borrowck.encoding", defaultValue = "${project.build.sourceEncoding}")
  String encoding;

  /** Files analysed in parallel within this module (default: the number of processors). */
  @Parameter(property = "borrowck.jobs")
  Integer jobs;

  /** Work one method may take before it is skipped with a warning, in steps (default: 10,000,000). */
  @Parameter(property = "borrowck.analysisBudget")
  Long analysisBudget;

  /**
   * The project's configuration file (default: the nearest {@code borrowck.toml} from the module's
   * directory up to the reactor's root).
   */
  @Parameter(property = "borrowck.configLocation")
  File configLocation;

  /**
   * Keep each file's result between builds and reuse it while nothing it depends on changed
   * (decision 130): under {@code cacheDirectory}, or where borrowck.toml's {@code cache} says.
   * {@code -Dborrowck.cache=false} turns it off.
   */
  @Parameter(property = "borrowck.cache", defaultValue = "true")
  boolean cache;

  /** Where results are cached when borrowck.toml does not say. */
  @Parameter(property = "borrowck.cacheDirectory", defaultValue = "${project.build.directory}/borrowck-cache")
  File cacheDirectory;

  /** A module's analysis as reports show it, with the baseline read. */
  record Run(Report report, Baseline baseline, List<InputFile> inputs) {}

  /** The module's configuration file, if any. */
  Optional<ConfigFile> configFile() throws InvalidSettings {
    if (configLocation != null) {
      if (!configLocation.isFile()) {
        throw new InvalidSettings("no such configuration file: " + configLocation);
      }
      return Optional.of(ConfigFile.read(configLocation.toPath()));
    }
    Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path top = reactorRoot();
    Optional<Path> found = ConfigFile.find(module, module.startsWith(top) ? top : module);
    return found.isEmpty() ? Optional.empty() : Optional.of(ConfigFile.read(found.get()));
  }

  /**
   * Analyses the module; settings that cannot be run fail the goal in one line, and so does a
   * cancelled build.
   */
  Run analyse() throws MojoExecutionException {
    try {
      return analyseOrInterrupt();
    } catch (InterruptedException e) {
      throw cancelled();
    }
  }

  private Run analyseOrInterrupt() throws MojoExecutionException, InterruptedException {
    Settings settings;
    AnalyzerConfig config;
    Optional<ConfigFile> file;
    try {
      file = configFile();
      settings = settings(file);
      config = settings.analyzerConfig(parameterNames(file));
    } catch (InvalidSettings e) {
      throw new MojoExecutionException("borrowck: " + e.getMessage(), e);
    }
    List<InputFile> inputs = sources(settings);
    AnalysisResult result = settings.rules().applyTo(new Analyzer(config).analyze(inputs));
    if (result.reused() > 0) {
      getLog().info("borrowck: " + result.reused() + " of " + plural(result.files(), "file") + " unchanged, results reused from " + config.cacheDir());
    }
    Baseline accepted = null;
    if (settings.baseline().isPresent() && readsBaseline()) {
      try {
        accepted = Baseline.read(settings.baseline().get());
      } catch (Baseline.InvalidBaseline e) {
        throw new MojoExecutionException("borrowck: " + e.getMessage(), e);
      }
    }
    Report report = Report.of(result, settings.rules().descriptors(), reactorRoot(), accepted, plugin.getVersion());
    return new Run(report, accepted, inputs);
  }

  /** Whether the goal reports against the baseline (the baseline goal writes it instead). */
  boolean readsBaseline() {
    return true;
  }

  /** The baseline file the settings name (parameter, else borrowck.toml), if any. */
  Optional<Path> baselineFile() throws MojoExecutionException {
    try {
      return settings(configFile()).baseline();
    } catch (InvalidSettings e) {
      throw new MojoExecutionException("borrowck: " + e.getMessage(), e);
    }
  }

  /** The parameters that decide what the analysis does, over the file's settings. */
  private Settings settings(Optional<ConfigFile> file) throws MojoExecutionException, InvalidSettings {
    Settings base = file.isPresent() ? file.get().settings() : Settings.DEFAULTS;
    boolean fileSetsLevel = file.isPresent() && file.get().sets("source-level");
    Settings.Builder builder = base.toBuilder();
    if (!cache) {
      builder.noCache();
    } else if (!(file.isPresent() && file.get().sets("cache")) && cacheDirectory != null) {
      builder.cache(cacheDirectory.toPath());
    }
    return builder
        .classpath(classpath())
        .sourcePath(reactorSources())
        .stubs(stubs == null || stubs.isEmpty() ? null : stubs.stream().map(File::toPath).toList())
        .moreRules(RuleSelection.disabling(disabledRules == null ? List.of() : disabledRules))
        .strict(strict)
        .infer(infer)
        .sourceLevel(fileSetsLevel ? firstNonBlank(sourceLevel) : firstNonBlank(sourceLevel, compilerRelease(), compilerSource()))
        .encoding(firstNonBlank(encoding))
        .jobs(jobs)
        .analysisBudget(analysisBudget)
        .baseline(baseline == null ? null : baseline.toPath())
        .build();
  }

  /** Messages name the parameter, file key or compiler property the value came from. */
  private SettingNames parameterNames(Optional<ConfigFile> file) {
    String level;
    if (!isBlank(sourceLevel)) {
      level = "sourceLevel";
    } else if (file.isPresent() && file.get().sets("source-level")) {
      level = file.get().name("source-level");
    } else {
      level = isBlank(compilerRelease()) ? "maven.compiler.source" : "maven.compiler.release";
    }
    return new SettingNames(level, "jobs", "analysisBudget", "encoding");
  }

  private String compilerRelease() {
    return project.getProperties().getProperty("maven.compiler.release");
  }

  private String compilerSource() {
    return project.getProperties().getProperty("maven.compiler.source");
  }

  /**
   * The module's source roots (and test roots), without generated ones unless asked; each root's
   * files filtered by {@code includes}/{@code excludes}, then by borrowck.toml's {@code [files]}.
   */
  List<InputFile> sources(Settings settings) {
    List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
    if (includeTests) {
      roots.addAll(project.getTestCompileSourceRoots());
    }
    Set<Path> files = new LinkedHashSet<>();
    for (Path dir : existingRoots(project, roots)) {
      DirectoryScanner scanner = new DirectoryScanner();
      scanner.setBasedir(dir.toFile());
      scanner.setIncludes(patterns(includes).length == 0 ? new String[] {"**/*.java"} : patterns(includes));
      scanner.setExcludes(patterns(excludes));
      scanner.addDefaultExcludes();
      scanner.scan();
      for (String file : scanner.getIncludedFiles()) {
        Path path = dir.resolve(file);
        if (file.endsWith(".java") && settings.files().leftOut(path).isEmpty()) {
          files.add(path);
        }
      }
    }
    List<InputFile> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(new InputFile(f, f.toString()));
    }
    inputs.sort(Comparator.comparing(InputFile::displayPath));
    return inputs;
  }

  /** Patterns as given; {@code -Dborrowck.excludes="a, b"} leaves blanks around them. */
  private static String[] patterns(List<String> given) {
    return given == null ? new String[0] : given.stream().map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  /**
   * The source roots of the reactor's other modules that this module depends on (decision 313):
   * read for their contracts — their helpers' bodies inferred, as a run over the whole tree reads
   * them — and never reported on. A module's findings then do not depend on whether a helper sits
   * in it or in a module beside it. Test-scoped modules only with {@code includeTests}; generated
   * roots only with {@code includeGenerated}.
   */
  private List<Path> reactorSources() {
    if (!reactorSources || session == null || session.getProjects() == null) {
      return List.of();
    }
    Set<String> dependedOn = new HashSet<>();
    for (Artifact a : project.getArtifacts()) {
      if (includeTests || !Artifact.SCOPE_TEST.equals(a.getScope())) {
        dependedOn.add(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion());
      }
    }
    List<Path> roots = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      if (module == project || !dependedOn.contains(module.getGroupId() + ":" + module.getArtifactId() + ":" + module.getVersion())) {
        continue;
      }
      roots.addAll(existingRoots(module, module.getCompileSourceRoots()));
    }
    return roots;
  }

  /**
   * The roots that exist, as absolute paths; generated ones (under the module's build directory)
   * only with {@code includeGenerated}.
   */
  private List<Path> existingRoots(MavenProject module, List<String> roots) {
    Path buildDirectory = Path.of(module.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>(roots.size());
    for (String root : roots) {
      Path dir = Path.of(root).toAbsolutePath().normalize();
      if (Files.isDirectory(dir) && (includeGenerated || !dir.startsWith(buildDirectory))) {
        out.add(dir);
      }
    }
    return out;
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

  /** A {@code pom} project without sources of its own (a reactor's root): nothing to analyse. */
  boolean nothingToAnalyse() {
    return "pom".equals(project.getPackaging())
        && project.getCompileSourceRoots().stream().noneMatch(r -> Files.isDirectory(Path.of(r)));
  }

  /**
   * The build was cancelled (its thread interrupted, as Maven embedders and IDEs cancel): the goal
   * fails in one line, having written nothing, and the interrupt is kept for Maven to see.
   */
  static MojoExecutionException cancelled() {
    Thread.currentThread().interrupt();
    return new MojoExecutionException("borrowck: interrupted: the build was cancelled, nothing was written");
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** The first value that is set, or null; a blank one (a property defined empty) counts as unset. */
  static String firstNonBlank(String... values) {
    return Arrays.stream(values).filter(v -> !isBlank(v)).findFirst().orElse(null);
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
