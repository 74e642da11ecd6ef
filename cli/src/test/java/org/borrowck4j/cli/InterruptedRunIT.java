package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line ({@code java -jar cli/target/borrowck.jar}, built in {@code package}, so
 * this runs in {@code integration-test}) stopped by a signal in the middle of a long run: it exits
 * with 130 for SIGINT and 143 for SIGTERM, says {@code borrowck: interrupted} and nothing else,
 * and leaves the previous report and baseline byte for byte. POSIX only (signals are sent with
 * {@code kill}).
 */
class InterruptedRunIT {
  @TempDir Path dir;

  private static final byte[] PREVIOUS = "previous output, kept byte for byte\n".getBytes(StandardCharsets.UTF_8);

  /** Enough work for half a minute with one job, so that the signal always lands in the middle. */
  private static final int FILES = 40;

  private static final int STATEMENTS = 2_000;

  private Path report;
  private Path baseline;

  @BeforeEach
  void longRunAndPreviousOutputs() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")), "no kill command here");
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(src.resolve("Statements" + i + ".java"), manyStatements("Statements" + i, STATEMENTS));
    }
    report = Files.write(dir.resolve("report.json"), PREVIOUS);
    baseline = Files.write(dir.resolve("baseline.json"), PREVIOUS);
  }

  @Test
  @Timeout(120)
  void sigintStopsTheRunWith130AndKeepsThePreviousOutputs() throws Exception {
    assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this process (a background job of a script), so in the child too");
    stopWith("INT", 130);
  }

  @Test
  @Timeout(120)
  void sigtermStopsTheRunWith143AndKeepsThePreviousOutputs() throws Exception {
    stopWith("TERM", 143);
  }

  private void stopWith(String signal, int expectedExit) throws Exception {
    Path jar = Path.of(System.getProperty("borrowck.jar", "target/borrowck.jar"));
    assertTrue(Files.isRegularFile(jar), "the jar is built in package: " + jar.toAbsolutePath());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process run =
        new ProcessBuilder(
                java.toString(), "-jar", jar.toString(), "--jobs", "1", "--format", "json",
                "-o", report.toString(), "--write-baseline", baseline.toString(), dir.resolve("src").toString())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    awaitAnalysis(run);

    long sent = System.nanoTime();
    kill(signal, run.pid());
    boolean ended = run.waitFor(60, TimeUnit.SECONDS);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    if (!ended) {
      run.destroyForcibly();
    }

    assertTrue(ended, "still running 60 s after SIG" + signal);
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertEquals(expectedExit, run.exitValue(), "exit code after SIG" + signal + "; stderr: " + err);
    assertEquals("borrowck: interrupted\n", err);
    assertEquals("", Files.readString(dir.resolve("stdout.txt")));
    assertArrayEquals(PREVIOUS, Files.readAllBytes(report), "the previous report is untouched");
    assertArrayEquals(PREVIOUS, Files.readAllBytes(baseline), "the previous baseline is untouched");
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
    }
    assertTrue(millis < 20_000, "stopping took " + millis + " ms");
  }

  /**
   * Waits until the analysis runs: its worker threads exist (Linux names threads; elsewhere a
   * fixed wait). Before that the JVM's own handler could take the signal, without the message.
   */
  private static void awaitAnalysis(Process run) throws Exception {
    Path tasks = Path.of("/proc", Long.toString(run.pid()), "task");
    if (!Files.isDirectory(tasks)) {
      Thread.sleep(3_000);
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(run.isAlive(), "the run ended before it could be interrupted");
      if (hasWorker(tasks)) {
        Thread.sleep(300); // well inside the first file
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no borrowck-worker thread after 60 s");
  }

  private static boolean hasWorker(Path tasks) {
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads.anyMatch(
          t -> {
            try {
              return Files.readString(t.resolve("comm")).strip().equals("borrowck-worker");
            } catch (IOException e) {
              return false; // the thread has just ended
            }
          });
    } catch (IOException e) {
      return false;
    }
  }

  private static void kill(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + signal);
  }

  /** Whether this process ignores SIGINT (children inherit that), from /proc on Linux. */
  private static boolean sigintIgnoredHere() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isRegularFile(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return new BigInteger(line.substring("SigIgn:".length()).strip(), 16).testBit(SIGINT - 1);
      }
    }
    return false;
  }

  private static final int SIGINT = 2;

  /** One method of {@code n} statements over one list, the shape that costs the analysis most. */
  private static String manyStatements(String name, int n) {
    StringBuilder body = new StringBuilder("    List<String> names = new ArrayList<>();\n");
    for (int i = 0; i < n; i++) {
      switch (i % 5) {
        case 0 -> body.append("    names.add(\"n").append(i).append("\");\n");
        case 1 -> body.append("    if (names.size() > ").append(i % 97).append(") { names.remove(0); }\n");
        case 2 -> body.append("    String s").append(i).append(" = names.isEmpty() ? \"\" : names.get(0);\n");
        case 3 -> body.append("    total += names.stream().filter(x -> !x.isEmpty()).count() + s").append(i - 1).append(".length();\n");
        default -> body.append("    for (String x : names) { total += x.length(); }\n");
      }
    }
    return "import java.util.*;\n\nclass " + name + " {\n  long total;\n\n  void run() {\n" + body + "  }\n}\n";
  }
}
