package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * annotation-misuse on what {@code testdata/annotation-misuse} cannot show, because javac refuses
 * it before borrowck sees it (the annotations' targets) or because it is about a run, not a file.
 */
class AnnotationMisuseTest {
  @TempDir Path dir;

  private List<Finding> analyse(String source) throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("Misuse.java"), source);
    AnalysisResult result = new Analyzer(Borrowck.config()).analyze(List.of(new InputFile(file, "Misuse.java")));
    assertEquals(List.of(), result.notifications());
    return result.findings();
  }

  private static String lines(List<Finding> findings) {
    return String.join("\n", findings.stream().map(f -> f.primary().beginLine() + ":" + f.primary().beginColumn() + " " + f.message()).toList());
  }

  @Test
  void consumesOnAConstructorOrOutsideAMethodIsReported() throws IOException, InterruptedException {
    String source =
        "import org.borrowck4j.annotations.*;\n"
            + "class Lease {\n"
            + "  @Consumes Lease() {}\n"
            + "  @Consumes int n;\n"
            + "  void m(@Consumes Lease other) {}\n"
            + "}\n";
    assertEquals(
        "3:3 `@Consumes` on constructor `Lease`: a constructor has no receiver to consume\n"
            + "4:3 `@Consumes` on field `n`: it means something only on a method\n"
            + "5:10 `@Consumes` on parameter `other`: it means something only on a method",
        lines(analyse(source)));
  }

  @Test
  void qualifiedNamesAreReadAndShownBySimpleName() throws IOException, InterruptedException {
    String source =
        "class Q {\n"
            + "  void m(@org.borrowck4j.annotations.Owned @org.borrowck4j.annotations.Borrowed Object o) {}\n"
            + "}\n";
    List<Finding> findings = analyse(source);
    assertEquals(1, findings.size(), lines(findings));
    assertEquals("contradictory annotations: parameter `o` cannot be both `@Owned` and `@Borrowed`", findings.get(0).message());
  }

  @Test
  void annotationsOfTheSameNameFromElsewhereAreNotOurs() throws IOException, InterruptedException {
    // No import of ours: @Owned and @Mut here are someone else's, and the file is not even read for them.
    String source = "class Other {\n  @interface Mut {}\n  void m(@Mut int n) {}\n}\n";
    assertEquals(List.of(), analyse(source));
  }

  @Test
  void theRuleCanBeTurnedOff() throws IOException, InterruptedException {
    Path file =
        Files.writeString(
            dir.resolve("Off.java"), "import org.borrowck4j.annotations.Mut;\nclass Off { void m(@Mut int n) {} }\n");
    AnalysisResult on = new Analyzer(Borrowck.config()).analyze(List.of(new InputFile(file, "Off.java")));
    assertTrue(on.findings().stream().anyMatch(f -> f.rule().code().equals("BC900")), lines(on.findings()));
    AnalysisResult off =
        new Analyzer(Borrowck.config(null, List.of(), List.of(), r -> !r.isNamed("annotation-misuse"), 1, false, false))
            .analyze(List.of(new InputFile(file, "Off.java")));
    assertEquals(List.of(), off.findings());
  }
}
