package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are not tidy UTF-8 Java of a sensible shape (issue 8): other encodings, byte-order
 * marks, CRLF, empty files, megabyte lines, deep nesting, symbolic link loops, methods over the
 * analysis budget. Each is handled correctly or with a clear message; none crashes the run.
 */
class InputRobustnessTest {
  @TempDir Path dir;

  /** A for-each loop that modifies its list: one conflicting-borrow finding on the add. */
  private static final String MODIFIED_WHILE_ITERATED =
      "import java.util.*;\n"
          + "class Names {\n"
          + "  void m(List<String> names) {\n"
          + "    for (String n : names) {\n"
          + "      names.add(n + \"\u00e9\");\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  private Path write(String name, String text, Charset charset) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(charset));
    return p;
  }

  private static CommandLineTest.Run run(String... args) {
    return CommandLineTest.run(args);
  }

  @Test
  void aFileInAnotherEncodingIsAClearErrorUntilTheEncodingIsGiven() throws IOException {
    Path latin = write("latin/Names.java", MODIFIED_WHILE_ITERATED, StandardCharsets.ISO_8859_1);
    write("latin/Other.java", MODIFIED_WHILE_ITERATED.replace("Names", "Other"), StandardCharsets.UTF_8);

    CommandLineTest.Run utf8 = run("-q", dir.resolve("latin").toString());
    assertEquals(2, utf8.exit(), utf8.err());
    assertTrue(utf8.err().contains(latin + ": cannot read file: not valid UTF-8 text"), utf8.err());
    assertEquals(1, utf8.err().lines().count(), "one line per unreadable file: " + utf8.err());
    assertTrue(utf8.out().contains("Other.java:5:7: error:"), "the other file is still analysed: " + utf8.out());

    CommandLineTest.Run latin1 = run("-q", "--encoding", "ISO-8859-1", latin.toString());
    assertEquals(1, latin1.exit(), latin1.err());
    assertTrue(latin1.out().startsWith(latin + ":5:7: error:"), latin1.out());
    assertTrue(latin1.out().contains("names.add(n + \"\u00e9\");"), "decoded as asked: " + latin1.out());
  }

  @Test
  void utf16WithItsByteOrderMarkReadsWhenAsked() throws IOException {
    Path p = write("Names.java", MODIFIED_WHILE_ITERATED, StandardCharsets.UTF_16); // writes a BOM
    CommandLineTest.Run r = run("-q", "--encoding", "UTF-16", p.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith(p + ":5:7: error:"), r.out());
  }

  @Test
  void aUtf8ByteOrderMarkDoesNotShiftColumns() throws IOException {
    String oneLine = "import java.util.*; class Bom { void m(List<String> l) { for (String s : l) { l.add(s); } } }\n";
    Path p = write("Bom.java", "\uFEFF" + oneLine, StandardCharsets.UTF_8);
    CommandLineTest.Run r = run("-q", p.toString());
    assertEquals(1, r.exit(), r.err());
    int column = oneLine.indexOf("l.add") + 1;
    assertTrue(r.out().startsWith(p + ":1:" + column + ": error:"), r.out());
    assertFalse(r.out().contains("\uFEFF"), "the mark is not source text");
  }

  @Test
  void crlfLineEndsGiveTheSamePositionsAndCleanSnippets() throws IOException {
    Path lf = write("lf/Names.java", MODIFIED_WHILE_ITERATED, StandardCharsets.UTF_8);
    Path crlf = write("crlf/Names.java", MODIFIED_WHILE_ITERATED.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    CommandLineTest.Run a = run("-q", lf.toString());
    CommandLineTest.Run b = run("-q", crlf.toString());
    assertEquals(1, b.exit(), b.err());
    assertEquals(a.out().replace(lf.toString(), "X"), b.out().replace(crlf.toString(), "X"));
    assertFalse(b.out().contains("\r"), "no carriage returns in snippets");
  }

  @Test
  void emptyAndBlankFilesAreCleanFiles() throws IOException {
    write("e/Empty.java", "", StandardCharsets.UTF_8);
    write("e/Blank.java", "\n\n   \r\n\t\n", StandardCharsets.UTF_8);
    write("e/OnlyComment.java", "// nothing here\n/* nor here */\n", StandardCharsets.UTF_8);
    CommandLineTest.Run r = run(dir.resolve("e").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out(), "a clean run prints nothing, as compilers do");
    assertEquals("", r.err());
  }

  @Test
  void aMegabyteLineIsShownAroundTheFindingOnly() throws IOException {
    String filler = "int x = 1; ".repeat(100_000);
    String text = "import java.util.*; class Huge { void m(List<String> l) { " + filler + "for (String s : l) { l.add(s); } } }\n";
    Path p = write("Huge.java", text, StandardCharsets.UTF_8);
    CommandLineTest.Run r = run("-q", p.toString());
    assertEquals(1, r.exit(), r.err());
    int column = text.indexOf("l.add") + 1;
    assertTrue(r.out().startsWith(p + ":1:" + column + ": error:"), r.out().substring(0, 200));
    int longest = r.out().lines().mapToInt(String::length).max().orElse(0);
    assertTrue(longest < 400, "lines are cropped, longest is " + longest);
    String snippet = r.out().lines().filter(l -> l.startsWith("1 |")).findFirst().orElseThrow();
    assertTrue(snippet.startsWith("1 | ...") && snippet.contains("l.add(s)"), snippet);
    String underline = r.out().lines().filter(l -> l.contains("^^^")).findFirst().orElseThrow();
    assertEquals(snippet.indexOf("l.add(s)"), underline.indexOf('^'), "the caret stays under the code:\n" + snippet + "\n" + underline);
  }

  @Test
  void longElseIfChainsAreAnalysed() throws IOException {
    StringBuilder chain = new StringBuilder("import java.util.*;\nclass Chain {\n  int run(int k, List<String> names) {\n    ");
    for (int i = 0; i < 3000; i++) {
      chain.append(i == 0 ? "" : " else ").append("if (k == ").append(i).append(") { names.add(\"").append(i).append("\"); }");
    }
    chain.append("\n    for (String n : names) { names.add(n); }\n    return names.size();\n  }\n}\n");
    Path p = write("Chain.java", chain.toString(), StandardCharsets.UTF_8);
    CommandLineTest.Run r = run("-q", p.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith(p + ":5:30: error:"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void codeNestedBeyondTheStackIsSkippedWithAWarning() throws IOException {
    Path deep =
        write("Deep.java", "class Deep { int m(int k) { return " + "(".repeat(1_000_000) + "k" + ")".repeat(1_000_000) + "; } }\n", StandardCharsets.UTF_8);
    Path fine = write("Fine.java", MODIFIED_WHILE_ITERATED, StandardCharsets.UTF_8);
    CommandLineTest.Run r = run("-q", deep.toString(), fine.toString());
    assertEquals(1, r.exit(), r.err());
    assertEquals("borrowck: warning: " + deep + ": skipped: the code is nested too deeply to parse\n", r.err());
    assertTrue(r.out().startsWith(fine + ":5:7: error:"), r.out());
  }

  @Test
  void aMethodOverTheBudgetIsSkippedWithAWarningAtItsDeclaration() throws IOException {
    Path p = write("Names.java", MODIFIED_WHILE_ITERATED, StandardCharsets.UTF_8);
    CommandLineTest.Run tight = run("-q", "--analysis-budget", "3", p.toString());
    assertEquals(0, tight.exit(), tight.err());
    assertEquals("", tight.out());
    assertEquals(
        "borrowck: warning: " + p + ":3:3: skipped Names.m: it needs more than the analysis budget of 3 steps"
            + " (split the method, or raise --analysis-budget)\n",
        tight.err());

    CommandLineTest.Run normal = run("-q", p.toString());
    assertEquals(1, normal.exit());
    assertEquals("", normal.err());

    assertEquals(2, run("--analysis-budget", "0", p.toString()).exit());
  }

  @Test
  void symbolicLinksAreFollowedLoopsAndBrokenLinksSkippedWithAWarning() throws IOException {
    Path src = dir.resolve("src");
    write("src/a/Names.java", MODIFIED_WHILE_ITERATED, StandardCharsets.UTF_8);
    Files.createSymbolicLink(src.resolve("a/up"), src); // a loop
    Files.createSymbolicLink(src.resolve("a/Gone.java"), dir.resolve("nowhere/Gone.java"));
    write("elsewhere/b/Other.java", MODIFIED_WHILE_ITERATED.replace("Names", "Other"), StandardCharsets.UTF_8);
    Files.createSymbolicLink(src.resolve("linked"), dir.resolve("elsewhere"));
    Files.createSymbolicLink(src.resolve("Again.java"), src.resolve("a/Names.java")); // the same file twice

    CommandLineTest.Run r = run(src.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("borrowck: warning: skipping symbolic link that loops back to a directory above it: " + src.resolve("a/up")), r.err());
    assertTrue(r.err().contains("borrowck: warning: skipping broken symbolic link: " + src.resolve("a/Gone.java")), r.err());
    assertTrue(r.out().contains(src.resolve("linked/b/Other.java") + ":5:7: error:"), r.out());
    assertTrue(r.out().contains("borrowck: 2 errors, 0 warnings in 2 files analysed"), "Names.java once, Other.java once: " + r.out());
  }

  @Test
  void binaryGarbageIsAnEncodingErrorOrAParseErrorNeverACrash() throws IOException {
    byte[] garbage = new byte[4096];
    new java.util.Random(8).nextBytes(garbage);
    Files.write(dir.resolve("Garbage.java"), garbage);
    write("Control.java", "class Control { int x = 1; }\u0000\u0001\n", StandardCharsets.UTF_8);
    CommandLineTest.Run r = run("-q", "--encoding", "ISO-8859-1", dir.toString());
    assertTrue(r.exit() == 1, r.out() + r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertTrue(r.out().contains("Garbage.java:") && r.out().contains("[BC901 parse-error]"), r.out());
  }

  /** Three methods that modify a list while iterating it; the middle one declares a local enum. */
  private static final String WITH_LOCAL_ENUM =
      "import java.util.*;\n"
          + "class Local {\n"
          + "  void a(List<String> l) { for (String s : l) { l.add(s); } }\n"
          + "  int b(List<String> l) {\n"
          + "    enum State { A, B }\n"
          + "    for (String s : l) { l.add(s); }\n"
          + "    return State.A.ordinal();\n"
          + "  }\n"
          + "  void c(List<String> l) { for (String s : l) { l.remove(s); } }\n"
          + "}\n";

  @Test
  void aLocalEnumSkipsItsMethodWithAWarningAndTheRestIsAnalysedAsIfItWereNotThere() throws IOException {
    Path local = write("with/Local.java", WITH_LOCAL_ENUM, StandardCharsets.UTF_8);
    // The same file without the method that declares the enum (its lines kept, blank).
    String without = WITH_LOCAL_ENUM.replaceAll("(?s)  int b\\(.*?\\n  }\\n", "\n\n\n\n\n");
    Path reference = write("without/Local.java", without, StandardCharsets.UTF_8);
    CommandLineTest.Run r = run("-q", local.toString());
    CommandLineTest.Run expected = run("-q", reference.toString());
    assertEquals(1, r.exit(), r.err());
    assertFalse(r.out().contains("parse-error"), r.out());
    assertEquals(2, expected.out().split("\\[BC003 conflicting-borrow\\]", -1).length - 1, expected.out());
    assertEquals(expected.out().replace(reference.toString(), local.toString()), r.out());
    assertEquals(
        "borrowck: warning: " + local + ":4:3: skipped Local.b: it declares a local enum `State` (line 5), which the parser"
            + " cannot read yet (JavaParser 3.28 rejects local enums); the rest of the file was analysed\n",
        r.err());
  }
}
