package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache (decisions 130–135): a run with a warm cache prints byte for byte what a run
 * without one prints, in every format, after every kind of change — a comment, a helper whose
 * inferred contract changes under its caller, a deleted file, a changed stub — and bad cache
 * entries, an unwritable cache directory and two runs sharing one directory cost nothing but a
 * warning.
 */
class ResultCacheTest {
  @TempDir Path dir;

  private Path project;
  private Path cache;

  @BeforeEach
  void project() throws IOException {
    project = dir.resolve("project");
    cache = dir.resolve("cache");
    Path testdata = Path.of(System.getProperty("borrowck.testdata", "../testdata"));
    for (String name : List.of("inference/Helpers.java", "inference/Callers.java", "inference/Keeping.java", "models/CloseHelpers.java")) {
      Path to = project.resolve(name);
      Files.createDirectories(to.getParent());
      Files.copy(testdata.resolve(name), to);
    }
  }

  private CommandLineTest.Run run(String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("--source-root", project.toString(), project.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment env = new Environment(Map.of("BORROWCK_CACHE_STATS", "1"), false, project);
    int exit = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new CommandLineTest.Run(exit, out.toString(), err.toString());
  }

  private CommandLineTest.Run cached(String... options) {
    List<String> args = new ArrayList<>(List.of("--cache", cache.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private static String reused(CommandLineTest.Run r) {
    return r.err().lines().filter(l -> l.startsWith("borrowck: cache: ")).findFirst().orElse("");
  }

  /** Cached and uncached runs print the same, byte for byte, in each format. */
  private void assertSameAsUncached(String... options) {
    for (String format : List.of("text", "json", "sarif")) {
      List<String> args = new ArrayList<>(List.of("--format", format));
      args.addAll(List.of(options));
      CommandLineTest.Run plain = run(args.toArray(String[]::new));
      CommandLineTest.Run warm = cached(args.toArray(String[]::new));
      assertEquals(plain.out(), warm.out(), format);
      assertEquals(plain.exit(), warm.exit(), format);
    }
  }

  @Test
  void aWarmRunPrintsWhatAColdRunPrints() {
    CommandLineTest.Run plain = run("--format", "json");
    CommandLineTest.Run cold = cached("--format", "json");
    CommandLineTest.Run warm = cached("--format", "json");
    assertEquals(1, plain.exit(), plain.err());
    assertEquals(plain.out(), cold.out());
    assertEquals(plain.out(), warm.out());
    assertEquals("borrowck: cache: 0 of 4 files reused", reused(cold));
    assertEquals("borrowck: cache: 4 of 4 files reused", reused(warm));
    assertSameAsUncached();
  }

  @Test
  void aCommentReanalysesOnlyItsFile() throws IOException {
    cached();
    Path helpers = project.resolve("inference/Helpers.java");
    Files.writeString(helpers, Files.readString(helpers).replace("  private Helpers() {}", "  // a new comment\n  private Helpers() {}"));
    assertEquals("borrowck: cache: 3 of 4 files reused", reused(cached()));
    assertSameAsUncached();
  }

  /** A helper's body now closes its argument: the caller's finding follows the new contract. */
  @Test
  void aHelperWhoseInferredContractChangesReanalysesItsCaller() throws IOException {
    CommandLineTest.Run before = cached("--format", "json");
    assertSameAsUncached();
    Path helpers = project.resolve("inference/Helpers.java");
    String text = Files.readString(helpers);
    String edited = text.replace("  static int firstByte(InputStream in) throws IOException {\n    return in.read();",
        "  static int firstByte(InputStream in) throws IOException {\n    in.close();\n    return -1;");
    assertNotEquals(text, edited);
    Files.writeString(helpers, edited);
    CommandLineTest.Run after = cached("--format", "json");
    assertNotEquals(before.out(), after.out(), "Callers.readTwice now reads a closed stream");
    assertTrue(after.out().contains("\"line\" : 33"), after.out());
    assertSameAsUncached();
  }

  @Test
  void aDeletedFileLeavesNoStaleResult() throws IOException {
    cached();
    Files.delete(project.resolve("inference/Keeping.java"));
    assertSameAsUncached();
    Files.delete(project.resolve("inference/Helpers.java"));
    assertSameAsUncached();
  }

  @Test
  void aChangedStubLeavesNoStaleResult() throws IOException {
    Path stub = dir.resolve("stubs/close.astub");
    Files.createDirectories(stub.getParent());
    Files.writeString(stub, "package inference;\nimport org.borrowck4j.annotations.*;\nclass Helpers {\n  static int firstByte(java.io.InputStream in);\n}\n");
    assertSameAsUncached("--stubs", stub.toString());
    Files.writeString(stub, "package inference;\nimport org.borrowck4j.annotations.*;\nclass Helpers {\n  static int firstByte(@Owned java.io.InputStream in);\n}\n");
    assertSameAsUncached("--stubs", stub.toString());
    assertSameAsUncached("--no-infer");
    assertSameAsUncached("--strict", "--disable", "BC006");
  }

  @Test
  void badEntriesAreIgnoredWithOneWarning() throws IOException {
    CommandLineTest.Run plain = run("--format", "json");
    cached();
    List<Path> entries;
    try (Stream<Path> files = Files.walk(cache)) {
      entries = files.filter(Files::isRegularFile).toList();
    }
    assertTrue(entries.size() >= 8, entries.toString());
    for (int i = 0; i < entries.size(); i++) {
      Path e = entries.get(i);
      byte[] bytes = Files.readAllBytes(e);
      // Cut short, corrupted, or another tool's file under an entry's name.
      Files.write(e, i % 3 == 0 ? java.util.Arrays.copyOf(bytes, bytes.length / 2) : i % 3 == 1 ? flipLast(bytes) : "{}".getBytes(StandardCharsets.UTF_8));
    }
    CommandLineTest.Run r = cached("--format", "json");
    assertEquals(findings(plain.out()), findings(r.out()));
    List<String> warnings = r.err().lines().filter(l -> l.contains("cache entry")).toList();
    assertEquals(1, warnings.size(), r.err());
    assertTrue(warnings.get(0).startsWith("borrowck: warning: ignored a cache entry that is cut short or not borrowck's: " + cache), r.err());
    assertTrue(!r.err().contains("Exception"), r.err());
    // The bad entries were replaced: the next run is warm and says nothing.
    CommandLineTest.Run again = cached("--format", "json");
    assertEquals(plain.out(), again.out());
    assertEquals("borrowck: cache: 4 of 4 files reused", reused(again));
  }

  private static byte[] flipLast(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[copy.length - 2] ^= 1;
    return copy;
  }

  private static JsonNode findings(String json) throws IOException {
    return new ObjectMapper().readTree(json).get("findings");
  }

  /** A cache directory that cannot be made: one warning with the reason, and every finding. */
  @Test
  void anUnwritableCacheDirectoryCostsOneWarning() throws IOException {
    CommandLineTest.Run plain = run("--format", "json");
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    cache = file.resolve("cache");
    CommandLineTest.Run r = cached("--format", "json");
    assertEquals(1, r.exit(), r.err());
    assertEquals(findings(plain.out()), findings(r.out()));
    List<String> warnings = r.err().lines().filter(l -> l.startsWith("borrowck: warning: cache not written")).toList();
    assertEquals(1, warnings.size(), r.err());
    assertTrue(warnings.get(0).contains("Not a directory") || warnings.get(0).contains("exists"), warnings.get(0));
  }

  /** {@code cache = ".borrowck-cache"} in borrowck.toml is relative to the file. */
  @Test
  void theConfigurationFileNamesTheCache() throws IOException {
    Files.writeString(project.resolve("borrowck.toml"), "cache = \".borrowck-cache\"\n");
    CommandLineTest.Run cold = run("--format", "json");
    assertTrue(Files.isDirectory(project.resolve(".borrowck-cache/results")));
    CommandLineTest.Run warm = run("--format", "json");
    assertEquals(cold.out(), warm.out());
    assertEquals("borrowck: cache: 4 of 4 files reused", reused(warm));
    assertEquals("borrowck: cache: 0 of 4 files reused", reused(run("--format", "json", "--no-cache")));
  }

  /**
   * Runs sharing one cache directory at once (here two threads running the command, as two
   * processes would: nothing but the directory is shared) print what a run without a cache
   * prints. bench/cache_concurrency.py repeats this with processes over a real corpus.
   */
  @Test
  void concurrentRunsSharingOneCacheAgreeWithAnUncachedRun() throws Exception {
    String expected = run("--format", "json").out();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        if (round == 2) {
          Path helpers = project.resolve("inference/Helpers.java");
          Files.writeString(helpers, Files.readString(helpers).replace("return in.read();", "in.close();\n    return -1;"));
          expected = run("--format", "json").out();
        }
        Callable<String> job = () -> cached("--format", "json", "--jobs", "1").out();
        List<Future<String>> runs = List.of(pool.submit(job), pool.submit(job));
        for (Future<String> f : runs) {
          assertEquals(expected, f.get(), "round " + round);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
