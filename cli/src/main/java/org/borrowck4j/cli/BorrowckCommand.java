package org.borrowck4j.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.engine.Notification;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.CannotWrite;
import org.borrowck4j.analyzer.io.WriteSteps;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.GithubWriter;
import org.borrowck4j.analyzer.report.JsonWriter;
import org.borrowck4j.analyzer.report.Report;
import org.borrowck4j.analyzer.report.SarifWriter;
import org.borrowck4j.rules.RuleCatalog;
import org.borrowck4j.rules.settings.ConfigFile;
import org.borrowck4j.rules.settings.InvalidSettings;
import org.borrowck4j.rules.settings.RuleSelection;
import org.borrowck4j.rules.settings.SettingNames;
import org.borrowck4j.rules.settings.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code borrowck} command. */
@Command(
    name = "borrowck",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    // Exit code 1 always means findings: usage errors and failures are 2 (DESIGN.md).
    exitCodeOnInvalidInput = BorrowckCommand.FAILURE,
    exitCodeOnExecutionException = BorrowckCommand.FAILURE,
    usageHelpAutoWidth = true,
    description = {
      "Rust's ownership and borrow checking for Java: reports use after move, conflicting",
      "borrows and references outliving their owners, like a compiler."
    },
    exitCodeListHeading = "%nExit codes:%n",
    subcommands = {RulesCommand.class, InferCommand.class, picocli.AutoComplete.GenerateCompletion.class},
    exitCodeList = {
      "0:no error-level findings",
      "1:error-level findings (0 with --exit-zero)",
      "2:usage error, unreadable input or tool failure"
    })
final class BorrowckCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int FAILURE = 2;

  enum Format {
    text,
    json,
    sarif,
    github
  }

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Java source files or directories to analyse.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write findings to FILE instead of standard output.")
  Path output;

  @CommandLine.Mixin SourceOptions sources = new SourceOptions();

  @Option(names = "--disable", paramLabel = "RULE", split = ",", description = "Rules not to run, by id or code (e.g. use-after-move,BC001).")
  List<String> disabled = new ArrayList<>();

  @CommandLine.Mixin ConfigOption configOption = new ConfigOption();

  @Option(names = "--exit-zero", description = "Exit with 0 even when there are error-level findings (2 still means the run failed).")
  boolean exitZero;

  @Option(names = "--statistics", description = "Also count the findings per rule (text, JSON and SARIF).")
  boolean statistics;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).")
  ColorMode color;

  @Option(names = "--no-progress", description = "No progress line on a long run at a terminal.")
  boolean noProgress;

  @Option(names = "--jobs", paramLabel = "N", description = "Files analysed in parallel (default: the number of processors).")
  Integer jobs;

  @Option(
      names = "--analysis-budget",
      paramLabel = "STEPS",
      description = "Work one method may take before it is skipped with a warning (default: 10,000,000).")
  Long analysisBudget;

  @Option(names = {"-q", "--quiet"}, description = "Print findings only: no summary line.")
  boolean quiet;

  @Option(
      names = "--strict",
      description = "Stricter guesses: unannotated parameters of owned types are @Borrowed, calls into unknown code keep what they are given.")
  Boolean strict;

  @Option(
      names = "--no-infer",
      description = "Do not infer contracts from the bodies of the analysed methods: a method without annotations has no contract.")
  boolean noInfer;

  @Option(names = "--warn-unused-suppressions", description = "Report @SuppressWarnings(\"borrowck…\") that suppress nothing.")
  boolean warnUnusedSuppressions;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description = "The directory SARIF and baseline file names are relative to (%%SRCROOT%%; default: the directory of borrowck.toml, else the working directory).")
  Path sourceRoot;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Keep each file's result in DIR and reuse it while nothing it depends on changed (default: borrowck.toml's cache, else none).")
  Path cache;

  @Option(names = "--no-cache", description = "Do not use the cache borrowck.toml names.")
  boolean noCache;

  @Option(
      names = "--source-path",
      paramLabel = "DIR",
      split = "${sys:path.separator}",
      description = "More source roots whose files are read for their contracts, never reported on; each file's own root is found from its package anyway.")
  List<Path> sourcePath = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that are not in this baseline; list baseline entries nothing matches any more.")
  Path baselineFile;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write the current findings to FILE as a baseline, and exit 0.")
  Path writeBaseline;

  @Option(names = "--explain", paramLabel = "RULE", description = "Print the long explanation of a rule (an id such as use-after-move, or a code such as BC001) and exit.")
  String explain;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  final Interruption interruption;
  final WriteSteps disk;
  final Environment env;

  /**
   * @param interruption what a stopped run exits with
   * @param disk how files are written: {@link WriteSteps#DISK}, or a faulty one in tests
   * @param env the environment, terminal and working directory
   */
  BorrowckCommand(Interruption interruption, WriteSteps disk, Environment env) {
    this.interruption = interruption;
    this.disk = disk;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (explain != null) {
      return explain();
    }
    if (paths.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no files or directories given (try --help)");
    }
    Settings settings;
    AnalyzerConfig config;
    List<InputFile> inputs;
    Optional<ConfigFile> file;
    try {
      file = configOption.load(env);
      settings = settings(file);
      config = settings.analyzerConfig(names(file));
      inputs = InputFiles.collect(paths, settings.files(), warning -> err.println("borrowck: warning: " + warning));
    } catch (InvalidSettings | InputFiles.BadInput e) {
      err.println("borrowck: error: " + e.getMessage());
      return FAILURE;
    }
    for (Path entry : sources.classpath) {
      if (!Files.exists(entry)) {
        err.println("borrowck: warning: classpath entry does not exist: " + entry);
      }
    }
    AnalysisResult result;
    try (Progress progress = Progress.start(err, inputs.size(), Progress.wanted(env, noProgress))) {
      // The one place rule levels are applied: everything below reads the findings' levels.
      result = settings.rules().applyTo(new Analyzer(config).analyze(inputs, progress));
    } catch (InterruptedException e) {
      return interrupted(err);
    }
    if (!env.get("BORROWCK_CACHE_STATS").isEmpty()) {
      // For the benchmark (bench/run.py --cache-bench): how much the cache saved.
      err.println("borrowck: cache: " + result.reused() + " of " + result.files() + " files reused");
    }
    Baseline baseline = null;
    if (settings.baseline().isPresent() && writeBaseline == null) {
      try {
        baseline = Baseline.read(settings.baseline().get());
      } catch (Baseline.InvalidBaseline e) {
        err.println("borrowck: error: " + e.getMessage());
        return FAILURE;
      }
    }
    Report report = Report.of(result, settings.rules().descriptors(), sourceRoot(file), baseline, Version.get());
    if (baseline != null) {
      Path root = report.sourceRoot();
      List<String> analysed = inputs.stream().map(i -> Report.uri(root, i.displayPath())).toList();
      report = withStaleEntries(report, baseline.stale(Baseline.scope(root, analysed)));
    }
    if (Thread.currentThread().isInterrupted()) {
      return interrupted(err); // stopped after the analysis: nothing is written
    }
    AtomicWriter writer = new AtomicWriter(warning -> err.println("borrowck: warning: " + warning), disk);
    boolean notWritten = false;
    try {
      if (writeBaseline != null) {
        notWritten |= !writeBaseline(report, writer, err);
      }
      notWritten |= !writeReport(render(report, inputs.size()), writer, err);
    } catch (InterruptedIOException e) {
      return interrupted(err);
    }
    for (Notification n : report.notifications()) {
      String position = n.line() > 0 ? ":" + n.line() + (n.column() > 0 ? ":" + n.column() : "") : "";
      String where = n.file() == null ? "" : n.file() + position + ": ";
      err.println("borrowck: " + n.level().name().toLowerCase(java.util.Locale.ROOT) + ": " + where + n.message());
    }
    if (result.hasToolErrors() || notWritten) {
      return FAILURE;
    }
    if (writeBaseline != null || exitZero) {
      return OK;
    }
    return report.count(Severity.ERROR) > 0 ? FINDINGS : OK;
  }

  /**
   * What SARIF and baseline paths are relative to: {@code --source-root}, else the directory of
   * the configuration file (the project's root, wherever the command runs from), else the working
   * directory.
   */
  private Path sourceRoot(Optional<ConfigFile> file) {
    if (sourceRoot != null) {
      return env.workingDirectory().resolve(sourceRoot).normalize();
    }
    return file.map(f -> f.path().toAbsolutePath().normalize().getParent()).orElse(env.workingDirectory());
  }

  /** A run stopped by a signal or its embedder: one line, and the exit code of the signal. */
  private int interrupted(PrintWriter err) {
    err.println("borrowck: interrupted");
    return interruption.exitCode();
  }

  /** Writes the baseline asked for; false, with one line saying why, when it cannot be written. */
  private boolean writeBaseline(Report report, AtomicWriter writer, PrintWriter err) throws IOException {
    try {
      Baseline.write(report, writeBaseline, writer);
    } catch (CannotWrite e) {
      err.println("borrowck: error: " + e.getMessage());
      return false;
    }
    err.println("borrowck: wrote " + report.results().size() + " findings to the baseline " + writeBaseline);
    return true;
  }

  /**
   * Prints the report, or writes it to {@code --output}; a report that cannot be written there is
   * printed instead, after one line saying why, and false is returned: nothing found is lost.
   */
  private boolean writeReport(String text, AtomicWriter writer, PrintWriter err) throws IOException {
    if (output == null) {
      print(text);
      return true;
    }
    try {
      writer.replace(output, text);
      return true;
    } catch (CannotWrite e) {
      err.println("borrowck: error: " + e.getMessage() + "; the report follows on standard output");
      print(text);
      return false;
    }
  }

  private void print(String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
  }

  private String render(Report report, int files) {
    return switch (format) {
      case text -> TextOutput.render(report, files, color.enabled(env, output != null), quiet, statistics);
      case json -> new JsonWriter().withStatistics(statistics).write(report);
      case sarif -> new SarifWriter().withStatistics(statistics).write(report);
      case github -> new GithubWriter().write(report);
    };
  }

  /** Baseline entries no finding matches any more are reported, so the baseline can only shrink. */
  private static Report withStaleEntries(Report report, List<Baseline.Entry> stale) {
    List<Notification> notes = new ArrayList<>(report.notifications());
    for (Baseline.Entry e : stale) {
      notes.add(
          new Notification(
              Notification.Level.WARNING,
              e.file(),
              0,
              0,
              "baseline entry matches no finding any more (" + e.rule() + ": " + e.message() + "); rewrite the baseline with --write-baseline"));
    }
    return new Report(report.toolVersion(), report.rules(), report.results(), notes, report.files(), report.sourceRoot(), report.baselined());
  }


  private int explain() {
    RuleInfo rule =
        RuleCatalog.find(explain)
            .orElseThrow(
                () -> new CommandLine.ParameterException(spec.commandLine(), RuleCatalog.unknownRuleMessage(explain)));
    PrintWriter out = spec.commandLine().getOut();
    out.print(RuleCatalog.explanation(rule));
    out.flush();
    return OK;
  }

  /**
   * The configuration file's settings under the options that decide what the analysis does:
   * options given win, options not given keep the file's values or the defaults. {@code --disable}
   * and {@code --exclude} add to the file's rules and excludes (decision 102).
   */
  private Settings settings(Optional<ConfigFile> file) throws InvalidSettings {
    Settings base = file.isPresent() ? file.get().settings() : Settings.DEFAULTS;
    Settings.Builder builder = sources.over(base, env.workingDirectory())
        .moreRules(RuleSelection.disabling(disabled))
        .strict(strict)
        .infer(noInfer ? false : null)
        .jobs(jobs)
        .analysisBudget(analysisBudget)
        .reportUnusedSuppressions(warnUnusedSuppressions ? true : null)
        .baseline(baselineFile == null ? null : env.workingDirectory().resolve(baselineFile))
        .cache(cache == null ? null : env.workingDirectory().resolve(cache))
        .sourcePath(sourcePath.stream().map(p -> env.workingDirectory().resolve(p)).toList())
        .detectSourceRoots(true);
    if (noCache) {
      builder.noCache();
    }
    return builder.build();
  }

  /** Messages name a setting as the user gave it: the option, or the key of the file. */
  static SettingNames names(Optional<ConfigFile> file) {
    return new SettingNames(
        file.filter(f -> f.sets("source-level")).map(f -> f.name("source-level")).orElse("--source-level"),
        "--jobs",
        "--analysis-budget",
        "--encoding");
  }
}
