package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user meets it: output, exit codes and one-line errors. */
class CommandLineTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  /** Runs the command as a script would: no terminal, no environment variables. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment script = new Environment(java.util.Map.of(), false, Path.of(""));
    int exit = Main.run(script, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Runs with {@code options}, then {@code --source-root root} and the one input. */
  static Run runFrom(Path root, Path input, String... options) {
    String[] args = java.util.Arrays.copyOf(options, options.length + 3);
    args[options.length] = "--source-root";
    args[options.length + 1] = root.toString();
    args[options.length + 2] = input.toString();
    return run(args);
  }

  static Path showcase() {
    return Paths.get(System.getProperty("borrowck.testdata", "../testdata"), "showcase");
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static final String CLEAN =
      "import org.borrowck4j.annotations.*;\n"
          + "class Clean {\n"
          + "  interface Sink { void accept(@Owned Buf b); }\n"
          + "  static class Buf { @Consumes void release() {} int size() { return 0; } }\n"
          + "  void ok(Sink s, @Owned Buf b) { int n = b.size(); s.accept(b); }\n"
          + "}\n";

  static final String BUGGY =
      "import org.borrowck4j.annotations.*;\n"
          + "class Buggy {\n"
          + "  static class Buf { @Consumes void release() {} int size() { return 0; } }\n"
          + "  int bad(Buf b) {\n"
          + "    b.release();\n"
          + "    return b.size();\n"
          + "  }\n"
          + "}\n";

  @Test
  void showcaseFindingsInCompilerFormatAndExitOne() {
    Run r = run(showcase().toString());
    assertEquals(1, r.exit(), r.err());
    String file = showcase().resolve("src/main/java/showcase/pipeline/Pipeline.java").normalize().toString();
    assertTrue(r.out().contains(file + ":23:24: error: use of moved value `frame` [BC001 use-after-move]"), r.out());
    assertTrue(r.out().contains("value moved here (parameter `frame` of `Transport.send` is @Owned)"), r.out());
    assertTrue(r.out().contains("^^^^^ value used here after move"), r.out());
    assertTrue(r.out().contains("= help: "), r.out());
    assertTrue(r.out().contains("borrowck: 6 errors, 1 warning in 7 files analysed"), r.out());
    assertFalse(r.out().contains("\u001b["), "no colour when not on a terminal");
  }

  @Test
  void cleanCodePrintsNothingAndExitsZero() throws IOException {
    write("src/Clean.java", CLEAN);
    Run r = run(dir.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void brokenFileIsAParseErrorAndTheOthersAreStillAnalysed() throws IOException {
    write("a/Broken.java", "class Broken {\n  void m( {\n}\n");
    write("b/Buggy.java", BUGGY);
    Run r = run(dir.toString());
    assertEquals(1, r.exit());
    String broken = dir.resolve("a/Broken.java").toString();
    assertTrue(r.out().contains(broken + ":2:"), r.out());
    assertTrue(r.out().contains("[BC901 parse-error]"), r.out());
    assertTrue(r.out().contains(dir.resolve("b/Buggy.java") + ":6:12: error: use of consumed value `b`"), r.out());
  }

  @Test
  void missingPathIsOneLineAndExitTwo() {
    Run r = run(dir.resolve("nope").toString());
    assertEquals(2, r.exit());
    assertEquals("borrowck: error: no such file or directory: " + dir.resolve("nope") + "\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void directoryWithoutJavaFilesIsExitTwo() throws IOException {
    write("notes.txt", "hello");
    Run r = run(dir.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("borrowck: error: no Java files in directory: "), r.err());
    assertEquals(1, r.err().lines().count());
  }

  @Test
  void nonJavaFileIsExitTwo() throws IOException {
    Path p = write("notes.txt", "hello");
    Run r = run(p.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("not a Java source file"), r.err());
  }

  @Test
  void badOptionsAreUsageErrorsWithExitTwo() {
    Run unknownOption = run("--no-such-option", showcase().toString());
    assertEquals(2, unknownOption.exit());
    assertTrue(unknownOption.err().startsWith("borrowck: error: Unknown option"), unknownOption.err());
    assertFalse(unknownOption.err().contains("\tat "), "no stack trace");

    Run noPaths = run();
    assertEquals(2, noPaths.exit());
    assertTrue(noPaths.err().contains("no files or directories given"), noPaths.err());

    Run badRule = run("--disable", "no-such-rule", showcase().toString());
    assertEquals(2, badRule.exit());
    assertTrue(badRule.err().contains("unknown rule: no-such-rule"), badRule.err());

    Run badLevel = run("--source-level", "banana", showcase().toString());
    assertEquals(2, badLevel.exit());
    assertTrue(badLevel.err().contains("--source-level"), badLevel.err());

    Run badJobs = run("--jobs", "0", showcase().toString());
    assertEquals(2, badJobs.exit());
  }

  @Test
  void disablingRulesSilencesThem() {
    Run byId = run("--disable", "use-after-move", showcase().toString());
    Run blanksAround = run("--disable", "BC003, use-after-move", showcase().toString());
    assertEquals(run("--disable", "BC003,use-after-move", showcase().toString()), blanksAround);
    assertFalse(blanksAround.out().contains("BC001"), blanksAround.out());
    assertEquals(1, byId.exit());
    assertFalse(byId.out().contains("BC001"), byId.out());
    assertTrue(byId.out().contains("BC003 conflicting-borrow"), byId.out());
    Run all =
        run(
            "--disable",
            "bc001,BC003,outlives-owner,owned-value-leaked",
            showcase().toString());
    assertEquals(0, all.exit(), all.out());
    assertEquals("", all.out());
  }

  @Test
  void sourceLevelIsHonoured() throws IOException {
    // The level says how the text is read: `yield` is a statement from Java 14 on, a name before.
    write("Y.java", "class Y {\n  int f(int k) {\n    return switch (k) {\n      default -> {\n        yield 3;\n      }\n    };\n  }\n}\n");
    assertEquals(0, run(dir.toString()).exit());
    Run old = run("--source-level", "8", dir.toString());
    assertEquals(1, old.exit());
    assertTrue(old.out().contains("[BC901 parse-error]"), old.out());
    Run parseErrorsOff = run("--source-level", "1.8", "--disable", "parse-error", dir.toString());
    assertEquals(0, parseErrorsOff.exit(), parseErrorsOff.out());
    assertEquals("", parseErrorsOff.out());
  }

  @Test
  void aSettingThatCannotBeRunIsOneLineWithExitTwo() {
    String input = showcase().toString();
    assertEquals(
        new Run(2, "", "borrowck: error: unsupported --source-level: 99\n"), run("--source-level", "99", input));
    assertEquals(
        new Run(2, "", "borrowck: error: --jobs must be at least 1\n"), run("--jobs", "0", input));
    assertEquals(
        new Run(2, "", "borrowck: error: --analysis-budget must be at least 1\n"), run("--analysis-budget", "0", input));
    assertEquals(
        new Run(2, "", "borrowck: error: unknown --encoding: no-such-charset\n"), run("--encoding", "no-such-charset", input));
  }

  @Test
  void parallelOutputIsIdenticalToSequential() {
    Run one = run("--jobs", "1", showcase().toString());
    Run two = run("--jobs", "2", showcase().toString());
    assertEquals(one, two);
  }

  @Test
  void outputFileAndQuiet() throws IOException {
    Path report = dir.resolve("report.txt");
    Run r = run("--quiet", "-o", report.toString(), showcase().toString());
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    String text = Files.readString(report);
    assertTrue(text.contains("[BC001 use-after-move]"));
    assertFalse(text.contains("errors, 0 warnings"), "--quiet drops the summary");
  }

  @Test
  void versionHelpAndExplain() {
    Run version = run("--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("borrowck "), version.out());
    assertFalse(version.out().contains("unknown"), version.out());

    // picocli reports a description it cannot format on System.err, past the streams it was given.
    java.io.PrintStream systemErr = System.err;
    java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
    Run help;
    try {
      System.setErr(new java.io.PrintStream(picocliWarnings, true, java.nio.charset.StandardCharsets.UTF_8));
      help = run("--help");
    } finally {
      System.setErr(systemErr);
    }
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Exit codes:"), help.out());
    assertTrue(help.out().contains("--classpath"), help.out());
    assertTrue(help.out().contains("(%SRCROOT%;"), help.out());
    assertEquals("", picocliWarnings.toString(java.nio.charset.StandardCharsets.UTF_8) + help.err());

    Run explain = run("--explain", "BC001");
    assertEquals(0, explain.exit());
    assertTrue(explain.out().startsWith("# BC001 use-after-move"), explain.out());
    assertTrue(explain.out().contains("## Wrong") && explain.out().contains("## Right"));
    assertEquals(2, run("--explain", "BC999").exit());
    Run misuse = run("--explain", "annotation-misuse");
    assertEquals(0, misuse.exit());
    assertTrue(misuse.out().startsWith("# BC900 annotation-misuse"), misuse.out());
  }

  @Test
  void classpathAnnotationsAreRead() throws Exception {
    // A library compiled elsewhere: its @Owned parameter lives only in bytecode.
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path libSrc = write("libsrc/lib/Sink.java",
        "package lib;\npublic interface Sink { void accept(@org.borrowck4j.annotations.Owned Object o); }\n");
    String annotations =
        Path.of(org.borrowck4j.annotations.Owned.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    int status =
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", lib.toString(), "-cp", annotations, libSrc.toString());
    assertEquals(0, status);
    write("app/App.java",
        "import org.borrowck4j.annotations.Owned;\n"
            + "class App { void m(lib.Sink s, @Owned Object o) { s.accept(o); o.hashCode(); } }\n");
    Run without = run(dir.resolve("app").toString());
    assertEquals(0, without.exit(), "without the classpath the callee is unknown: optimistic");
    Run with = run("--classpath", lib + java.io.File.pathSeparator + annotations, dir.resolve("app").toString());
    assertEquals(1, with.exit(), with.out() + with.err());
    assertTrue(with.out().contains("value moved here (parameter"), with.out());
  }
}
