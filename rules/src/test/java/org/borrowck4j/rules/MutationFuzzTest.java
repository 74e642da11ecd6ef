package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.engine.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mutation fuzz test: every {@code .java} file under {@code testdata/} is a seed; mutants are
 * made by deleting, duplicating, swapping (adjacent or far apart) and replacing tokens (1 to 3
 * edits each, tokens as JavaParser's lexer splits them; whitespace and comments are kept in place
 * and never edited; a swap or replacement mostly takes a token of the same kind, so that many
 * mutants stay valid Java and reach the analysis), and by a few structural edits: truncating the
 * file at a random token, deleting or repeating a statement-looking region, and wrapping one in up
 * to 200 nested braces or parentheses. Each mutant is analysed with the built-in rules and must
 * never make the analyser throw, hang or report an internal error (a notification saying "internal
 * error", or any notification of level ERROR). Files that are no longer Java (parse-error findings)
 * and methods skipped for a limit of the tool ("skipped ..." warnings) are expected. The test also
 * checks that the mutation works: at least a quarter of the mutants must be broken Java and at
 * least a twentieth must still parse (about 73% and 27% with the default seed).
 *
 * <p>It runs a bounded number of mutants in {@code mvn verify}; system properties (passed on the
 * Maven command line, surefire hands them to the test JVM) make it run more or others:
 *
 * <ul>
 *   <li>{@code -Dborrowck.fuzz.seed=N}: the seed of the random choices (default {@value
 *       #DEFAULT_SEED}). Mutant {@code k} of a seed is always the same text, whatever the number of
 *       mutants.
 *   <li>{@code -Dborrowck.fuzz.mutants=N}: how many mutants to make and analyse (default {@value
 *       #DEFAULT_MUTANTS}, about 20 s on two cores); e.g. {@code 100000} for a long run.
 *   <li>{@code -Dborrowck.fuzz.mutant=K}: only mutant number {@code K} of the seed, to reproduce a
 *       reported failure.
 * </ul>
 *
 * <p>A mutant is a function of the seed, its number and its seed file, which is chosen from the
 * testdata files in an order shuffled by the seed: seed and number reproduce it as long as the set
 * of testdata files is the same; the saved copy of a failing mutant (below) always does.
 *
 * <p>Example: {@code mvn -o test -pl rules -Dtest=MutationFuzzTest -Dborrowck.fuzz.seed=3
 * -Dborrowck.fuzz.mutants=5000}.
 *
 * <p>Mutants are analysed in batches of {@value #BATCH} (each in its own folder, all from different
 * seed files), each batch on a worker with a {@value #BATCH_TIMEOUT_SECONDS} s time limit; a batch
 * that fails is analysed again one mutant at a time ({@value #SINGLE_TIMEOUT_SECONDS} s each) to
 * name the culprit. Every failing mutant is saved to {@code target/fuzz-failures/} as {@code
 * seed<S>-mutant<K>-<project>-<File>.java}, and the assertion message lists them with the seed,
 * mutant number, the edits made and the exception or notification.
 */
class MutationFuzzTest {
  static final long DEFAULT_SEED = 8;
  static final int DEFAULT_MUTANTS = 10_000;
  static final int BATCH = 20;
  static final int BATCH_TIMEOUT_SECONDS = 30;
  static final int SINGLE_TIMEOUT_SECONDS = 10;
  static final int MAX_NESTING = 200;
  /** Enough to go on with; stops a run that would otherwise spend its time timing out. */
  static final int MAX_FAILURES = 10;
  /** Below this many mutants the share of broken and still-parsing mutants is not checked. */
  static final int MIN_FOR_STATISTICS = 100;

  /** A token of a seed; trivia (whitespace, comments) are kept in place, never mutated. */
  record Tok(String text, JavaToken.Category category) {
    boolean trivia() {
      return category.isWhitespaceOrComment();
    }
  }

  /** A testdata file and its tokens. */
  record Seed(Path file, String relative, List<Tok> tokens, List<Tok> words) {}

  /** Mutant {@code number} of the run's seed: its text and the edits that made it. */
  record Mutant(int number, Seed seed, String text, String edits) {
    String displayDir() {
      return String.format("m%05d", number);
    }

    String display() {
      return displayDir() + "/" + seed.relative();
    }
  }

  /** What went wrong: for the mutants named (one, unless it only happens in their batch). */
  record Failure(List<Mutant> mutants, String problem) {}

  /** The outcome of one call of the analyser over some mutants. */
  static final class Run {
    /** Problems of the run as a whole: an exception, a timeout, a notification with no file. */
    final List<String> general = new ArrayList<>();
    /** Problems by mutant number. */
    final Map<Integer, List<String>> byMutant = new LinkedHashMap<>();
    final Set<Integer> parseErrors = new HashSet<>();
    final Set<Integer> skipped = new HashSet<>();
    boolean completed;

    boolean clean() {
      return completed && general.isEmpty() && byMutant.isEmpty();
    }
  }

  private ExecutorService worker = newWorker();

  @Test
  void mutantsNeverCrashOrHangTheAnalyser(@TempDir Path work) throws IOException {
    long seed = Long.getLong("borrowck.fuzz.seed", DEFAULT_SEED);
    int count = Integer.getInteger("borrowck.fuzz.mutants", DEFAULT_MUTANTS);
    Integer only = Integer.getInteger("borrowck.fuzz.mutant");
    Path failuresDir = Path.of(System.getProperty("basedir", ".")).resolve("target/fuzz-failures");
    if (only == null) {
      deleteOldFailures(failuresDir, seed);
    }

    List<Seed> seeds = seeds();
    assertTrue(seeds.size() > 0, "no seed files under " + Testdata.root());
    List<Seed> order = new ArrayList<>(seeds);
    Collections.shuffle(order, new Random(seed));

    List<Integer> numbers = new ArrayList<>();
    if (only != null) {
      numbers.add(only);
    } else {
      for (int k = 0; k < count; k++) {
        numbers.add(k);
      }
    }

    long start = System.nanoTime();
    List<Failure> failures = new ArrayList<>();
    int analysed = 0;
    int parseErrors = 0;
    int skipped = 0;
    try {
      for (int from = 0; from < numbers.size() && failures.size() < MAX_FAILURES; from += BATCH) {
        List<Mutant> batch = new ArrayList<>();
        for (int k : numbers.subList(from, Math.min(numbers.size(), from + BATCH))) {
          // Consecutive mutants come from different seed files (BATCH <= number of seeds, or
          // a batch holds a file twice, which only means a duplicate declaration).
          batch.add(mutate(seed, k, order.get(k % order.size())));
        }
        Run run = analyse(batch, work.resolve("b" + from), BATCH_TIMEOUT_SECONDS);
        if (run.clean()) {
          analysed += batch.size();
          parseErrors += run.parseErrors.size();
          skipped += run.skipped.size();
          continue;
        }
        // Name the culprit: each mutant of the batch alone.
        boolean alone = false;
        for (Mutant m : batch) {
          Run single = batch.size() == 1 ? run : analyse(List.of(m), work.resolve("s" + m.number()), SINGLE_TIMEOUT_SECONDS);
          analysed++;
          parseErrors += single.parseErrors.size();
          skipped += single.skipped.size();
          if (!single.clean()) {
            alone = true;
            List<String> problems = new ArrayList<>(single.general);
            single.byMutant.values().forEach(problems::addAll);
            failures.add(new Failure(List.of(m), String.join("\n", problems)));
          }
        }
        if (!alone) {
          List<String> problems = new ArrayList<>(run.general);
          run.byMutant.forEach((k, ps) -> ps.forEach(p -> problems.add("mutant " + k + ": " + p)));
          failures.add(
              new Failure(batch, "only when these mutants are analysed together:\n" + String.join("\n", problems)));
        }
      }
    } finally {
      worker.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int parsed = analysed - parseErrors;
    String summary =
        String.format(
            "mutation fuzz: seed %d, %d mutants of %d seed files in %.1f s: %d not valid Java (%.0f%%), %d parse (%.0f%%),"
                + " %d with code skipped for a limit, %d failures",
            seed, analysed, seeds.size(), seconds, parseErrors, 100.0 * parseErrors / Math.max(1, analysed), parsed,
            100.0 * parsed / Math.max(1, analysed), skipped, failures.size());
    System.out.println(summary);

    if (!failures.isEmpty()) {
      if (failures.size() >= MAX_FAILURES) {
        summary += "; stopped after " + MAX_FAILURES + " failures";
      }
      fail(report(failures, failuresDir, seed, summary));
    }
    assertEquals(numbers.size(), analysed, "mutants analysed");
    if (analysed >= MIN_FOR_STATISTICS) {
      assertTrue(
          parseErrors >= analysed / 4,
          "too few mutants are broken Java, the mutation is not doing its job: " + summary);
      assertTrue(
          parsed >= analysed / 20,
          "too few mutants still parse, the mutation is too destructive to reach the analysis: " + summary);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Seeds and mutation

  private static List<Seed> seeds() throws IOException {
    Path root = Testdata.root();
    List<Seed> seeds = new ArrayList<>();
    for (Path file : Testdata.javaFiles(root)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.contains("\\uu")) {
        continue; // mutants are made of JavaParser's tokens; its lexer reads no escape repeating its u (decision 251)
      }
      List<Tok> tokens = tokens(text, file);
      List<Tok> words = tokens.stream().filter(t -> !t.trivia()).toList();
      seeds.add(new Seed(file, root.relativize(file).toString().replace('\\', '/'), tokens, words));
    }
    return seeds;
  }

  /** The tokens of a seed, by JavaParser's own lexer; their texts put together are the file. */
  static List<Tok> tokens(String text, Path file) {
    ParseResult<CompilationUnit> result =
        new JavaParser(
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE))
            .parse(text);
    CompilationUnit unit =
        result.getResult().orElseThrow(() -> new AssertionError("seed does not parse: " + file + " " + result.getProblems()));
    JavaToken first = unit.getTokenRange().orElseThrow().getBegin().findFirstToken();
    List<Tok> tokens = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (JavaToken t = first; t != null; t = t.getNextToken().orElse(null)) {
      if (t.getText().isEmpty()) {
        continue; // end of file
      }
      all.append(t.getText());
      tokens.add(new Tok(t.getText(), t.getCategory()));
    }
    assertEquals(text, all.toString(), "the tokens of " + file + " are not the whole file");
    return tokens;
  }

  /** Mutant {@code k} of the run: a function of the seed, {@code k} and the seed file only. */
  static Mutant mutate(long seed, int k, Seed file) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + k * 0xC2B2AE3D27D4EB4FL + 1);
    List<Tok> tokens = new ArrayList<>(file.tokens());
    List<String> edits = new ArrayList<>();
    int kind = random.nextInt(100);
    if (kind < 5) {
      truncate(tokens, random, edits);
    } else if (kind < 13) {
      wrap(tokens, random, edits);
    } else if (kind < 20) {
      deleteOrDuplicateStatement(tokens, random, edits);
    } else {
      int r = random.nextInt(10);
      int n = r < 5 ? 1 : r < 8 ? 2 : 3;
      for (int i = 0; i < n; i++) {
        edit(tokens, random, file.words(), edits);
      }
    }
    StringBuilder text = new StringBuilder();
    tokens.forEach(t -> text.append(t.text()));
    return new Mutant(k, file, text.toString(), String.join("; ", edits));
  }

  private static List<Integer> solid(List<Tok> tokens) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).trivia()) {
        out.add(i);
      }
    }
    return out;
  }

  private static void edit(List<Tok> tokens, Random random, List<Tok> words, List<String> edits) {
    List<Integer> solid = solid(tokens);
    if (solid.size() < 2) {
      return;
    }
    int s = random.nextInt(solid.size());
    int i = solid.get(s);
    Tok t = tokens.get(i);
    // Edits that keep the kind of token (an identifier for an identifier) often keep the file
    // valid Java, and so reach the analysis rather than the parser only.
    boolean sameKind = random.nextInt(10) < 8;
    switch (random.nextInt(5)) {
      case 0 -> {
        tokens.remove(i);
        edits.add("delete token " + s + " '" + t.text() + "'");
      }
      case 1 -> {
        tokens.add(i + 1, t);
        if (random.nextBoolean()) {
          tokens.add(i + 1, new Tok(" ", JavaToken.Category.WHITESPACE_NO_EOL));
        }
        edits.add("duplicate token " + s + " '" + t.text() + "'");
      }
      case 2 -> {
        int s2 = s + 1 < solid.size() ? s + 1 : s - 1;
        swap(tokens, solid, s, s2, edits);
      }
      case 3 -> {
        int s2 = random.nextInt(solid.size());
        if (sameKind) {
          List<Integer> like = new ArrayList<>();
          for (int k = 0; k < solid.size(); k++) {
            if (tokens.get(solid.get(k)).category() == t.category()) {
              like.add(k);
            }
          }
          s2 = like.get(random.nextInt(like.size()));
        }
        swap(tokens, solid, s, s2, edits);
      }
      default -> {
        List<Tok> pool = words;
        if (sameKind) {
          pool = words.stream().filter(w -> w.category() == t.category()).toList();
        }
        Tok other = pool.isEmpty() ? words.get(random.nextInt(words.size())) : pool.get(random.nextInt(pool.size()));
        tokens.set(i, other);
        edits.add("replace token " + s + " '" + t.text() + "' with '" + other.text() + "'");
      }
    }
  }

  private static void swap(List<Tok> tokens, List<Integer> solid, int s1, int s2, List<String> edits) {
    int i = solid.get(s1);
    int j = solid.get(s2);
    Tok a = tokens.get(i);
    tokens.set(i, tokens.get(j));
    tokens.set(j, a);
    edits.add("swap tokens " + s1 + " '" + a.text() + "' and " + s2 + " '" + tokens.get(i).text() + "'");
  }

  private static void truncate(List<Tok> tokens, Random random, List<String> edits) {
    if (tokens.isEmpty()) {
      return;
    }
    int at = random.nextInt(tokens.size());
    edits.add("truncate at token " + at + " of " + tokens.size());
    tokens.subList(at, tokens.size()).clear();
  }

  /** The solid-token indices of a random {@code ;} and of the start of its statement-looking region. */
  private static int[] statement(List<Tok> tokens, List<Integer> solid, Random random) {
    List<Integer> semicolons = new ArrayList<>();
    for (int s = 0; s < solid.size(); s++) {
      if (tokens.get(solid.get(s)).text().equals(";")) {
        semicolons.add(s);
      }
    }
    if (semicolons.isEmpty()) {
      return null;
    }
    int end = semicolons.get(random.nextInt(semicolons.size()));
    int begin = end;
    while (begin > 0 && !Set.of(";", "{", "}").contains(tokens.get(solid.get(begin - 1)).text())) {
      begin--;
    }
    return new int[] {begin, end};
  }

  /** Deletes a statement-looking region, or repeats it once or a few times. */
  private static void deleteOrDuplicateStatement(List<Tok> tokens, Random random, List<String> edits) {
    List<Integer> solid = solid(tokens);
    int[] region = statement(tokens, solid, random);
    if (region == null) {
      truncate(tokens, random, edits);
      return;
    }
    int from = solid.get(region[0]);
    int to = solid.get(region[1]) + 1;
    List<Tok> copy = new ArrayList<>(tokens.subList(from, to));
    if (random.nextBoolean()) {
      tokens.subList(from, to).clear();
      edits.add("delete statement " + region[0] + ".." + region[1]);
    } else {
      int times = random.nextInt(4) == 0 ? 2 + random.nextInt(20) : 1;
      for (int k = 0; k < times; k++) {
        tokens.addAll(to, copy);
        tokens.add(to, new Tok(" ", JavaToken.Category.WHITESPACE_NO_EOL));
      }
      edits.add("repeat statement " + region[0] + ".." + region[1] + " " + times + " times");
    }
  }

  /**
   * Wraps a statement-looking region (from after a {@code ;}, {@code {} or {@code }} to the next
   * {@code ;}) in nested braces, or the expression after its {@code =} or {@code return} (or the
   * whole region but its {@code ;}) in nested parentheses.
   */
  private static void wrap(List<Tok> tokens, Random random, List<String> edits) {
    List<Integer> solid = solid(tokens);
    int[] region = statement(tokens, solid, random);
    if (region == null) {
      truncate(tokens, random, edits);
      return;
    }
    int begin = region[0];
    int end = region[1];
    // Mostly shallow, sometimes deep.
    int depth = random.nextBoolean() ? 1 + random.nextInt(20) : 1 + random.nextInt(MAX_NESTING);
    String open;
    String close;
    int from;
    int to;
    if (random.nextBoolean()) {
      open = "{";
      close = "}";
      from = solid.get(begin);
      to = solid.get(end) + 1;
    } else {
      open = "(";
      close = ")";
      int e = begin;
      while (e < end && !Set.of("=", "return").contains(tokens.get(solid.get(e)).text())) {
        e++;
      }
      int b = e < end ? e + 1 : begin;
      if (b >= end) {
        b = begin;
      }
      from = solid.get(b);
      to = solid.get(end);
    }
    // Insert the closers first, so that the index of the openers stays right.
    tokens.addAll(to, Collections.nCopies(depth, new Tok(close, JavaToken.Category.SEPARATOR)));
    tokens.addAll(from, Collections.nCopies(depth, new Tok(open, JavaToken.Category.SEPARATOR)));
    edits.add("wrap tokens " + begin + ".." + end + " in " + depth + " '" + open + close + "'");
  }

  // ---------------------------------------------------------------------------------------------
  // Running the analyser

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "mutation-fuzz");
          t.setDaemon(true);
          return t;
        });
  }

  private Run analyse(List<Mutant> mutants, Path dir, int timeoutSeconds) throws IOException {
    Map<String, Mutant> byDisplay = new LinkedHashMap<>();
    List<InputFile> inputs = new ArrayList<>();
    for (Mutant m : mutants) {
      Path file = dir.resolve(m.displayDir()).resolve(m.seed().relative());
      Files.createDirectories(file.getParent());
      Files.writeString(file, m.text(), StandardCharsets.UTF_8);
      inputs.add(new InputFile(file, m.display()));
      byDisplay.put(m.display(), m);
    }
    Run run = new Run();
    Future<AnalysisResult> future = worker.submit(() -> new Analyzer(Borrowck.config()).analyze(inputs));
    AnalysisResult result;
    try {
      result = future.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      String stacks = analyserStacks();
      future.cancel(true);
      // The hung analysis may never end: leave its (daemon) thread behind and start afresh.
      worker.shutdownNow();
      worker = newWorker();
      run.general.add("hang: no result after " + timeoutSeconds + " s; the analyser's threads are at\n" + stacks);
      return run;
    } catch (ExecutionException e) {
      run.general.add("uncaught " + stackOf(e.getCause()));
      return run;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    run.completed = true;
    for (Finding f : result.findings()) {
      Mutant m = byDisplay.get(f.file());
      if (m != null && Analyzer.PARSE_ERROR.id().equals(f.rule().id())) {
        run.parseErrors.add(m.number());
      }
    }
    for (Notification n : result.notifications()) {
      Mutant m = n.file() == null ? null : byDisplay.get(n.file());
      boolean bad = n.level() == Notification.Level.ERROR || n.message().contains("internal error");
      if (!bad) {
        if (m != null && n.message().startsWith("skipped")) {
          run.skipped.add(m.number());
        }
        continue;
      }
      String problem = n.level() + " notification " + n.file() + ":" + n.line() + ":" + n.column() + " " + n.message();
      if (m == null) {
        run.general.add(problem);
      } else {
        run.byMutant.computeIfAbsent(m.number(), x -> new ArrayList<>()).add(problem);
      }
    }
    return run;
  }

  /** Where the analyser's threads are (those of earlier hangs too, if any are still running). */
  private static String analyserStacks() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (thread, frames) -> {
              if (thread.getName().startsWith("borrowck-worker") || thread.getName().equals("mutation-fuzz")) {
                out.append(thread.getName()).append(" (").append(thread.getState()).append(")\n");
                for (int i = 0; i < Math.min(frames.length, 25); i++) {
                  out.append("\tat ").append(frames[i]).append("\n");
                }
              }
            });
    return out.toString().strip();
  }

  /** The exception and its first frames (the analyser's, mostly). */
  private static String stackOf(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    String[] lines = out.toString().split("\\R");
    return String.join("\n", Arrays.asList(lines).subList(0, Math.min(lines.length, 25)));
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  private static void deleteOldFailures(Path dir, long seed) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("seed" + seed + "-")).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String report(List<Failure> failures, Path dir, long seed, String summary) {
    StringBuilder message = new StringBuilder();
    message.append(failures.size()).append(" mutants broke the analyser (").append(summary).append(")\n");
    try {
      Files.createDirectories(dir);
      for (Failure f : failures) {
        message.append("\n");
        for (Mutant m : f.mutants()) {
          String name =
              String.format("seed%d-mutant%05d-%s", seed, m.number(), m.seed().relative().replace('/', '-'));
          Path saved = dir.resolve(name).toAbsolutePath();
          Files.writeString(saved, m.text(), StandardCharsets.UTF_8);
          message
              .append("- ")
              .append(saved)
              .append("\n  seed ")
              .append(seed)
              .append(", mutant ")
              .append(m.number())
              .append(" of ")
              .append(m.seed().relative())
              .append(" (rerun: -Dborrowck.fuzz.seed=")
              .append(seed)
              .append(" -Dborrowck.fuzz.mutant=")
              .append(m.number())
              .append(")\n  edits: ")
              .append(m.edits())
              .append("\n");
        }
        message.append("  ").append(f.problem().replace("\n", "\n    ")).append("\n");
      }
      Files.writeString(dir.resolve("seed" + seed + "-summary.txt"), message.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return message.toString();
  }
}
