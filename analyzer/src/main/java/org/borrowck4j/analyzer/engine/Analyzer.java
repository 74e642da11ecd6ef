package org.borrowck4j.analyzer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.DeclarationFacts;
import org.borrowck4j.analyzer.facts.FileFacts;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.infer.ContractInference;
import org.borrowck4j.analyzer.infer.ReadBodies;
import org.borrowck4j.analyzer.model.ClasspathContracts;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.SourceIndex;
import org.borrowck4j.analyzer.model.StubChecker;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.borrowck4j.analyzer.types.ImportContext;

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

  /**
   * Analyses the files: the complete result, or {@link InterruptedException} when the calling
   * thread is interrupted (a run stopped by Ctrl-C, a cancelled build). Then the workers are told
   * to stop, and the call returns only once every one has: between files, between methods and
   * every 65,536 steps of a method's analysis ({@link Budget}). A result is never partial.
   */
  public AnalysisResult analyze(List<InputFile> inputs) throws InterruptedException {
    return analyze(inputs, done -> {});
  }

  /**
   * The same, telling {@code filesDone} how many files are finished each time one is (from the
   * workers' threads): a front end shows progress on a long run with it.
   */
  public AnalysisResult analyze(List<InputFile> inputs, java.util.function.IntConsumer filesDone) throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    List<Notification> notifications = new ArrayList<>();
    // The cache is keyed by every file a result may read, so with a cache they are listed first;
    // without one, only once the workers have started parsing (the source roots are scanned
    // meanwhile, decision 212).
    List<Path> universe = config.cacheDir() == null ? null : universe(inputs);
    ResultCache cache =
        config.cacheDir() == null
            ? null
            : ResultCache.open(config, universe, warning -> addWarning(notifications, warning));
    FileResult[] results = new FileResult[inputs.size()];
    List<InputFile> pending = new ArrayList<>();
    List<Integer> pendingIndex = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      FileResult kept = cache == null ? null : cache.lookup(inputs.get(i));
      if (kept != null) {
        results[i] = kept;
        filesDone.accept(done.incrementAndGet());
      } else {
        pending.add(inputs.get(i));
        pendingIndex.add(i);
      }
    }
    largestFirst(pending, pendingIndex);
    List<Set<String>> reads = new ArrayList<>();
    for (int k = 0; k < pending.size(); k++) {
      reads.add(java.util.concurrent.ConcurrentHashMap.newKeySet());
    }
    FileResult[] fresh = new FileResult[pending.size()];
    JavaSourceParser parser = new JavaSourceParser(config.languageLevel());
    ParsedFiles parsedFiles =
        new ParsedFiles(pending, parser, config.encoding(), ParsedFiles.DEFAULT_CAPACITY_CHARS);
    // Workers start parsing at once; they need the sources' declarations and the contracts only
    // once they analyse, so both are made meanwhile (the other files of the source roots, the
    // built-in models, stubs, files that declare contracts).
    CompletableFuture<Contracts> contracts = new CompletableFuture<>();
    int threads = Math.max(1, Math.min(config.jobs(), pending.size()));
    // Even one job runs on a worker thread: workers have the deep stack that deeply nested code
    // needs (an else-if chain thousands long is a recursion that deep in the parser).
    ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
    try (ClasspathContracts classpath = new ClasspathContracts(config.classpath(), config.infer())) {
      Runnable worker =
          () -> {
            for (int i = parsedFiles.next(); i >= 0 && !Thread.currentThread().isInterrupted(); i = parsedFiles.next()) {
              ReadBodies.recordInto(reads.get(i));
              try {
                fresh[i] = analyzeFile(i, pending.get(i), parsedFiles, contracts, cache);
              } finally {
                ReadBodies.recordInto(null);
                parsedFiles.done(i);
              }
              filesDone.accept(done.incrementAndGet());
            }
          };
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(worker));
      }
      try {
        List<Path> all = universe == null ? universe(inputs) : universe;
        SourceIndex sources = sourceIndex(all, parsedFiles);
        contracts.complete(new Contracts(sources, readContracts(all, parsedFiles, sources, classpath, notifications)));
        for (Future<?> w : workers) {
          await(w);
        }
      } catch (InterruptedException e) {
        stop(pool, contracts);
        throw e;
      } catch (RuntimeException | Error e) {
        contracts.completeExceptionally(e);
        throw e;
      }
    } finally {
      pool.shutdownNow();
    }
    for (int k = 0; k < fresh.length; k++) {
      results[pendingIndex.get(k)] = fresh[k];
    }
    if (cache != null) {
      try {
        cache.store(pending, Arrays.asList(fresh), reads);
      } catch (java.io.InterruptedIOException e) {
        Thread.currentThread().interrupt(); // the results are complete; the caller sees the interrupt
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      FileResult r = results[i];
      if (r == null) {
        // Only when a worker died of an error no file-level guard catches (out of memory).
        r = new FileResult(List.of(), List.of(internalError(inputs.get(i).displayPath(), 0, 0, "not analysed")));
      }
      findings.addAll(r.findings());
      notifications.addAll(r.notifications());
    }
    findings.sort(Finding.ORDER);
    return new AnalysisResult(findings, notifications, inputs.size(), inputs.size() - pending.size());
  }

  /**
   * Hands out the largest files first: with files in path order, the last worker busy was often
   * alone for a large file at the end (guava: the other idle for a third of a second). Results do
   * not depend on the order; {@code pendingIndex} follows, so they go back in input order.
   */
  private static void largestFirst(List<InputFile> pending, List<Integer> pendingIndex) {
    long[] size = new long[pending.size()];
    Integer[] order = new Integer[pending.size()];
    for (int k = 0; k < size.length; k++) {
      order[k] = k;
      try {
        size[k] = Files.size(pending.get(k).path());
      } catch (IOException | RuntimeException e) {
        size[k] = 0; // reported when its turn comes
      }
    }
    Arrays.sort(order, (a, b) -> size[a] != size[b] ? Long.compare(size[b], size[a]) : Integer.compare(a, b));
    List<InputFile> files = new ArrayList<>(pending);
    List<Integer> indexes = new ArrayList<>(pendingIndex);
    for (int k = 0; k < order.length; k++) {
      pending.set(k, files.get(order[k]));
      pendingIndex.set(k, indexes.get(order[k]));
    }
  }

  /** One warning per problem with the cache, for the whole run (from any thread). */
  private static void addWarning(List<Notification> notifications, String warning) {
    synchronized (notifications) {
      notifications.add(new Notification(Notification.Level.WARNING, null, 0, 0, warning));
    }
  }

  /**
   * The files whose declarations and bodies the analysis may read: the inputs, then the other
   * files of the source path (decision 136), which are read only when asked for.
   */
  private List<Path> universe(List<InputFile> inputs) {
    List<Path> all = new ArrayList<>(inputs.size());
    for (InputFile input : inputs) {
      all.add(input.path());
    }
    all.addAll(SourceRoots.extraFiles(inputs, config.sourcePath()));
    return all;
  }

  private static SourceIndex sourceIndex(List<Path> universe, ParsedFiles parsedFiles) {
    return new SourceIndex(
        universe,
        p -> {
          ParsedFile parsed = parsedFiles.parseEarly(p);
          return parsed == null || !parsed.ok() ? null : parsed.unit();
        });
  }

  /**
   * The contracts inferred for the methods of the files (D23) that declare and inherit none: what
   * {@code borrowck infer} writes as a stub. In the order of the files, then of the declarations.
   * Methods of local and anonymous classes are left out (a stub cannot name them).
   */
  public List<InferredContract> inferContracts(List<InputFile> inputs) throws InterruptedException {
    return contracts(inputs, false);
  }

  /**
   * What a call of each method of the files counts on beyond what is written on the method
   * itself: the contract it inherits from a supertype (a model's {@code Iterable.iterator()}),
   * placed at the method's own declaration, or else the one inferred from its body. How much of
   * what is written could go unwritten (the annotation-recovery measure).
   */
  public List<InferredContract> contractsAtCalls(List<InputFile> inputs) throws InterruptedException {
    return contracts(inputs, true);
  }

  private List<InferredContract> contracts(List<InputFile> inputs, boolean inherited) throws InterruptedException {
    JavaSourceParser parser = new JavaSourceParser(config.languageLevel());
    ParsedFiles parsedFiles = new ParsedFiles(inputs, parser, config.encoding(), ParsedFiles.DEFAULT_CAPACITY_CHARS);
    List<Path> universe = universe(inputs);
    SourceIndex sources = sourceIndex(universe, parsedFiles);
    ExecutorService pool = Executors.newSingleThreadExecutor(workerThreads());
    try (ClasspathContracts classpath = new ClasspathContracts(config.classpath(), config.infer())) {
      Future<List<InferredContract>> run =
          pool.submit(
              () -> {
                ContractIndex index = readContracts(universe, parsedFiles, sources, classpath, new ArrayList<>());
                ContractInference inference = inferenceFor(universe, parsedFiles, sources, index);
                index.inferWith(inference);
                List<InferredContract> out = new ArrayList<>();
                for (InputFile input : inputs) {
                  if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                  }
                  ParsedFile parsed = parsedFiles.parseEarly(input.path());
                  if (parsed != null && parsed.ok()) {
                    Declared.FileDeclarations declared = sources.register(input.path(), parsed.unit());
                    String pkg = parsed.unit().getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
                    out.addAll(InferredStubs.of(declared, pkg, input.displayPath(), index, inference, inherited));
                  }
                }
                return out;
              });
      try {
        return run.get();
      } catch (InterruptedException e) {
        run.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof InterruptedException i) {
          throw i;
        }
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private ContractInference inferenceFor(
      List<Path> universe, ParsedFiles parsedFiles, SourceIndex sources, ContractIndex index) {
    return new ContractInference(
        universe,
        config.encoding(),
        p -> {
          ParsedFile parsed = parsedFiles.parseEarly(p);
          return parsed == null || !parsed.ok() ? null : parsed.unit();
        },
        sources,
        index,
        config.strict());
  }

  /**
   * The contracts every file is checked against: built-in models, stubs, the classpath and the
   * files that declare contracts. Read on the calling thread while the workers parse.
   */
  private ContractIndex readContracts(
      List<Path> universe,
      ParsedFiles parsedFiles,
      SourceIndex sources, ClasspathContracts classpath, List<Notification> notifications)
      throws InterruptedException {
    ContractIndex index = ContractIndex.of(sources, config.userStubs(), config.builtinModels().get(), classpath);
    if (config.infer()) {
      index.inferWith(inferenceFor(universe, parsedFiles, sources, index));
    }
    for (Path file : universe) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      try {
        sources.readUpFront(file, java.nio.file.Files.readAllBytes(file), config.encoding());
      } catch (IOException e) {
        // Reported when the file itself is analysed.
      }
    }
    List<StubChecker.Problem> stubProblems = new ArrayList<>(StubChecker.check(config.userStubs(), List.of(sources, classpath)));
    stubProblems.addAll(StubChecker.unknownTypes(config.userStubs(), List.of(sources, classpath), classpath::hasPackage, !config.classpath().isEmpty()));
    for (StubChecker.Problem p : stubProblems) {
      notifications.add(new Notification(Notification.Level.WARNING, p.file(), p.line(), 0, p.message()));
    }
    return index;
  }

  /**
   * Stops the workers of an interrupted run and waits until every one has: nothing of the run
   * goes on after {@link #analyze} returns. Workers waiting for the contracts are released with a
   * cancellation; what any worker made is thrown away.
   */
  private static void stop(ExecutorService pool, CompletableFuture<Contracts> contracts) {
    contracts.cancel(false);
    pool.shutdownNow();
    try {
      while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
        // A worker in the middle of a long parse: it stops right after it.
      }
    } catch (InterruptedException again) {
      // Asked twice: stop waiting. The workers are daemons and stop at their next check.
    }
  }

  /** Waits for a worker; one that died of an error leaves its files reported as not analysed. */
  private static void await(Future<?> worker) throws InterruptedException {
    try {
      worker.get();
    } catch (ExecutionException e) {
      // The files it did not finish are reported as not analysed.
    }
  }

  /** Reserved, not committed: memory is only used as deep as the recursion goes. */
  private static final long WORKER_STACK_BYTES = 512L << 20;

  private static java.util.concurrent.ThreadFactory workerThreads() {
    return r -> {
      Thread t = new Thread(null, r, "borrowck-worker", WORKER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }

  /** What a file is analysed against: the sources' declarations and every contract. */
  private record Contracts(SourceIndex sources, ContractIndex index) {}

  private FileResult analyzeFile(
      int i, InputFile input, ParsedFiles parsedFiles, CompletableFuture<Contracts> contracts, ResultCache cache) {
    String display = input.displayPath();
    ParsedFile parsed;
    try {
      parsed = parsedFiles.parse(i);
    } catch (IOException e) {
      return new FileResult(
          List.of(),
          List.of(new Notification(Notification.Level.ERROR, display, 0, 0, "cannot read file: " + org.borrowck4j.analyzer.io.OsReason.of(e))));
    } catch (StackOverflowError e) {
      return new FileResult(
          List.of(),
          List.of(new Notification(Notification.Level.WARNING, display, 0, 0, "skipped: the code is nested too deeply to parse")));
    } catch (RuntimeException e) {
      return new FileResult(List.of(), List.of(internalError(display, 0, 0, "parser failed: " + describe(e))));
    }
    SourceFile source = parsed.source();
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
      if (cache != null) {
        cache.declared(input.path(), null, source.text());
      }
      return new FileResult(List.of(f.inFile(display, source::line)), List.of());
    }
    List<Notification> notes = new ArrayList<>();
    Map<String, Finding> findings = new LinkedHashMap<>();
    try {
      while (!contracts.isDone() && parsedFiles.parseAhead()) {
        // The contracts are still being read: parse the next files rather than wait.
      }
      Contracts against = contracts.join();
      ContractIndex index = against.index();
      Declared.FileDeclarations declarations = against.sources().register(input.path(), parsed.unit());
      if (cache != null) {
        cache.declared(input.path(), declarations, source.text());
      }
      checkDeclarations(parsed, declarations.imports(), findings, notes);
      FileBodies bodies = FileBodies.of(parsed.unit());
      FileFacts facts = new FileFacts(bodies, declarations.imports(), index, config.strict());
      SkippedBodies skipped = SkippedBodies.of(bodies.all(), parsed.unread(), display);
      notes.addAll(skipped.notifications());
      for (Body body : bodies.all()) {
        if (Thread.currentThread().isInterrupted()) {
          break; // the run was stopped: this file's result is thrown away
        }
        if (!skipped.skips(body)) {
          analyzeBody(body, facts, source, findings, notes);
        }
      }
    } catch (StackOverflowError e) {
      notes.add(new Notification(Notification.Level.WARNING, display, 0, 0, "skipped: the code is nested too deeply to analyse"));
    } catch (RuntimeException e) {
      notes.add(internalError(display, 0, 0, describe(e)));
    }
    return new FileResult(suppress(parsed, display, findings.values(), notes), notes);
  }

  /** Drops what {@code @SuppressWarnings("borrowck…")} suppresses; reports unused ones if asked. */
  private List<Finding> suppress(ParsedFile parsed, String display, java.util.Collection<Finding> findings, List<Notification> notes) {
    Suppressions suppressions = Suppressions.of(parsed.unit(), parsed.source().text());
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

  /**
   * Runs the declaration checks over a file's declarations (gathered only when one runs); a
   * failure is reported like a body's, and the bodies are still analysed.
   */
  private void checkDeclarations(ParsedFile parsed, ImportContext imports, Map<String, Finding> findings, List<Notification> notes) {
    SourceFile source = parsed.source();
    DeclarationFacts declared = null;
    for (Rule rule : config.rules()) {
      if (rule instanceof DeclarationRule check) {
        try {
          if (declared == null) {
            declared = DeclarationFacts.of(parsed.unit(), source.text(), imports);
          }
          check.checkDeclarations(declared, f -> keep(f, source, findings));
        } catch (RuntimeException e) {
          notes.add(
              internalError(source.displayPath(), 0, 0, "could not check the declarations for " + rule.info().id() + ": " + describe(e)));
        }
      }
    }
  }

  /** A finding placed in its file; one per rule, primary location and message. */
  private static void keep(Finding f, SourceFile source, Map<String, Finding> findings) {
    Finding placed = f.inFile(source.displayPath(), source::line);
    findings.putIfAbsent(f.rule().id() + "@" + f.primary() + "@" + f.message(), placed);
  }

  private void analyzeBody(
      Body body, FileFacts facts, SourceFile source, Map<String, Finding> findings, List<Notification> notes) {
    try {
      BodyAnalyses ctx = new BodyAnalyses(facts.of(body), new Budget(config.stepBudget()));
      for (Rule rule : config.rules()) {
        rule.check(ctx, f -> keep(f, source, findings));
      }
    } catch (Budget.Exceeded e) {
      notes.add(
          atDeclaration(
              Notification.Level.WARNING,
              source,
              body,
              "skipped " + body.displayName() + ": it needs more than the analysis budget of " + e.limit()
                  + " steps (split the method, or raise --analysis-budget)"));
    } catch (StackOverflowError e) {
      // A limit of the tool, not a fault: a warning, like the budget.
      notes.add(
          atDeclaration(
              Notification.Level.WARNING, source, body, "skipped " + body.displayName() + ": its code is nested too deeply to analyse"));
    } catch (RuntimeException e) {
      notes.add(
          atDeclaration(
              Notification.Level.ERROR,
              source,
              body,
              "internal error: could not analyse " + body.displayName() + ": " + describe(e)));
    }
  }

  /** A notification about a body, at its declaration. */
  private static Notification atDeclaration(Notification.Level level, SourceFile source, Body body, String message) {
    int line = body.declaration().getBegin().map(p -> p.line).orElse(0);
    int column = body.declaration().getBegin().map(p -> p.column).orElse(0);
    return new Notification(level, source.displayPath(), line, column, message);
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
