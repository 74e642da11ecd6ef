package org.borrowck4j.analyzer.engine;

import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgBuilder;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.FactsBuilder;
import org.borrowck4j.analyzer.facts.FileContext;
import org.borrowck4j.analyzer.model.ClasspathContracts;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.SourceIndex;
import org.borrowck4j.analyzer.model.StubChecker;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;

/**
 * Runs the rules over a set of files. Files are analysed independently (nothing mutable is shared
 * but the contract index, which only memoises), in parallel when asked; the result is the same
 * whatever the number of threads. One bad file or method never stops the others.
 */
public final class Analyzer {
  /** A file that is not valid Java: skipped, and reported at the parser's position. */
  public static final RuleInfo PARSE_ERROR =
      new RuleInfo(
          "BC901",
          "parse-error",
          Severity.ERROR,
          "The file is not valid Java; it was not analysed.",
          "very-high",
          List.of("syntax"));

  private final AnalyzerConfig config;

  public Analyzer(AnalyzerConfig config) {
    this.config = config;
  }

  public AnalysisResult analyze(List<InputFile> inputs) {
    JavaSourceParser parser = new JavaSourceParser(config.languageLevel());
    List<Path> paths = inputs.stream().map(InputFile::path).toList();
    SourceIndex sources = new SourceIndex(paths, p -> parseQuietly(parser, p, config.encoding()));
    List<Notification> notifications = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    try (ClasspathContracts classpath = new ClasspathContracts(config.classpath())) {
      ContractIndex index =
          ContractIndex.of(sources, config.userStubs(), config.builtinModels(), classpath);
      for (StubChecker.Problem p : StubChecker.check(config.userStubs(), List.of(sources, classpath))) {
        notifications.add(new Notification(Notification.Level.WARNING, p.file(), p.line(), 0, p.message()));
      }
      for (InputFile input : inputs) {
        try {
          sources.readIfAnnotated(input.path(), SourceFile.read(input.path(), input.displayPath(), config.encoding()).text());
        } catch (IOException e) {
          // Reported when the file itself is analysed.
        }
      }
      List<FileResult> results = new ArrayList<>();
      if (config.jobs() <= 1 || inputs.size() <= 1) {
        for (InputFile input : inputs) {
          results.add(analyzeFile(input, parser, sources, index));
        }
      } else {
        ExecutorService pool = Executors.newFixedThreadPool(config.jobs(), daemonThreads());
        try {
          List<Future<FileResult>> futures = new ArrayList<>();
          for (InputFile input : inputs) {
            futures.add(pool.submit(() -> analyzeFile(input, parser, sources, index)));
          }
          for (int i = 0; i < futures.size(); i++) {
            results.add(await(futures.get(i), inputs.get(i)));
          }
        } finally {
          pool.shutdownNow();
        }
      }
      for (FileResult r : results) {
        findings.addAll(r.findings());
        notifications.addAll(r.notifications());
      }
    }
    findings.sort(Finding.ORDER);
    return new AnalysisResult(findings, notifications, inputs.size());
  }

  private record FileResult(List<Finding> findings, List<Notification> notifications) {}

  private static FileResult await(Future<FileResult> future, InputFile input) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FileResult(List.of(), List.of(internalError(input.displayPath(), 0, 0, "interrupted")));
    } catch (ExecutionException e) {
      return new FileResult(
          List.of(), List.of(internalError(input.displayPath(), 0, 0, describe(e.getCause()))));
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "borrowck-worker");
      t.setDaemon(true);
      return t;
    };
  }

  private static CompilationUnit parseQuietly(JavaSourceParser parser, Path path, java.nio.charset.Charset encoding) {
    try {
      ParsedFile parsed = parser.parse(SourceFile.read(path, path.toString(), encoding));
      return parsed.ok() ? parsed.unit() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private FileResult analyzeFile(
      InputFile input, JavaSourceParser parser, SourceIndex sources, ContractIndex index) {
    String display = input.displayPath();
    SourceFile source;
    try {
      source = SourceFile.read(input.path(), display, config.encoding());
    } catch (IOException e) {
      return new FileResult(
          List.of(),
          List.of(new Notification(Notification.Level.ERROR, display, 0, 0, "cannot read file: " + e.getMessage())));
    }
    ParsedFile parsed;
    try {
      parsed = parser.parse(source);
    } catch (RuntimeException | StackOverflowError e) {
      return new FileResult(List.of(), List.of(internalError(display, 0, 0, "parser failed: " + describe(e))));
    }
    if (!parsed.ok()) {
      ParsedFile.SyntaxProblem p =
          parsed.problems().isEmpty()
              ? new ParsedFile.SyntaxProblem(1, 1, "the file could not be parsed")
              : parsed.problems().get(0);
      Finding f =
          Finding.of(
              PARSE_ERROR,
              Span.point(p.line(), p.column()),
              "syntax error: " + p.message(),
              "the file is not valid Java here; it was not analysed",
              List.of(),
              List.of());
      return new FileResult(List.of(f.inFile(display, source::line)), List.of());
    }
    List<Notification> notes = new ArrayList<>();
    Map<String, Finding> findings = new LinkedHashMap<>();
    try {
      Declared.FileDeclarations declarations = sources.register(input.path(), parsed.unit());
      List<Body> bodies = CfgBuilder.build(parsed.unit());
      FileContext context = new FileContext(declarations.imports(), index, bodies, config.strict());
      for (Body body : bodies) {
        analyzeBody(body, context, source, findings, notes);
      }
    } catch (RuntimeException | StackOverflowError e) {
      notes.add(internalError(display, 0, 0, describe(e)));
    }
    return new FileResult(suppress(parsed, display, findings.values(), notes), notes);
  }

  /** Drops what {@code @SuppressWarnings("borrowck…")} suppresses; reports unused ones if asked. */
  private List<Finding> suppress(ParsedFile parsed, String display, java.util.Collection<Finding> findings, List<Notification> notes) {
    Suppressions suppressions = Suppressions.of(parsed.unit());
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      if (!suppressions.suppresses(f)) {
        kept.add(f);
      }
    }
    for (Suppressions.Suppression s : suppressions.all()) {
      if (s.rule() != null && !config.knownRule().test(s.rule())) {
        notes.add(
            new Notification(
                Notification.Level.WARNING,
                display,
                s.range().beginLine(),
                0,
                "@SuppressWarnings(\"" + s.value() + "\") names no borrowck rule"));
      }
    }
    if (config.reportUnusedSuppressions()) {
      for (Suppressions.Suppression s : suppressions.unused()) {
        int line = s.annotation().getBegin().map(p -> p.line).orElse(0);
        int column = s.annotation().getBegin().map(p -> p.column).orElse(0);
        notes.add(
            new Notification(
                Notification.Level.WARNING, display, line, column, "unused suppression @SuppressWarnings(\"" + s.value() + "\")"));
      }
    }
    return kept;
  }

  private void analyzeBody(
      Body body, FileContext context, SourceFile source, Map<String, Finding> findings, List<Notification> notes) {
    try {
      BodyContext ctx = new BodyContext(FactsBuilder.build(body, context));
      for (Rule rule : config.rules()) {
        rule.check(
            ctx,
            f -> {
              Finding placed = f.inFile(source.displayPath(), source::line);
              findings.putIfAbsent(f.rule().id() + "@" + f.primary() + "@" + f.message(), placed);
            });
      }
    } catch (RuntimeException | StackOverflowError e) {
      int line = body.declaration().getBegin().map(p -> p.line).orElse(0);
      int column = body.declaration().getBegin().map(p -> p.column).orElse(0);
      notes.add(
          internalError(
              source.displayPath(), line, column, "could not analyse " + body.displayName() + ": " + describe(e)));
    }
  }

  private static Notification internalError(String file, int line, int column, String message) {
    return new Notification(Notification.Level.ERROR, file, line, column, "internal error: " + message);
  }

  private static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length > 0 ? " at " + trace[0] : "";
    return e + where;
  }
}
