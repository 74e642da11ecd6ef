package org.borrowck4j.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.junit.jupiter.api.Test;

/** The text layout: marks under their code by display width, gaps, and spans over several lines. */
class TextRendererTest {
  private static final RuleInfo RULE = new RuleInfo("BC001", "use-after-move", Severity.ERROR, "summary");

  private static String render(String source, Span primary, String label, List<Label> labels) {
    String[] lines = source.split("\n", -1);
    Finding f = Finding.of(RULE, primary, "use of moved value `b`", label, labels, List.of(new Note(Note.Kind.HELP, "pass a copy")));
    return new TextRenderer(false).render(f.inFile("A.java", n -> n - 1 < lines.length ? lines[n - 1] : ""));
  }

  private static Label label(Span span, String text) {
    return new Label(span, Label.Kind.values()[0], text);
  }

  @Test
  void marksLineUpUnderWideCharactersEmojiAndTabs() {
    // "名前" is two wide characters (four columns); the emoji is a surrogate pair, two columns.
    String source = "s = \"名前\"; 😀 use(b);\n\tuse(b);";
    String text = render(source, new Span(1, 18, 1, 18), "used here", List.of(label(new Span(2, 6, 2, 6), "moved here")));
    assertEquals(
        "A.java:1:18: error: use of moved value `b` [BC001 use-after-move]\n"
            + "  |\n"
            + "1 | s = \"名前\"; 😀 use(b);\n"
            + "  |                    ^ used here\n"
            + "2 |     use(b);\n"
            + "  |         - moved here\n"
            + "  = help: pass a copy\n",
        text);
  }

  @Test
  void linesLeftOutAreMarkedWithDots() {
    String source = "move(b);\nx();\ny();\nuse(b);";
    String text = render(source, new Span(4, 5, 4, 5), "used here", List.of(label(new Span(1, 6, 1, 6), "moved here")));
    assertEquals(
        "A.java:4:5: error: use of moved value `b` [BC001 use-after-move]\n"
            + "  |\n"
            + "1 | move(b);\n"
            + "  |      - moved here\n"
            + "...\n"
            + "4 | use(b);\n"
            + "  |     ^ used here\n"
            + "  = help: pass a copy\n",
        text);
  }

  @Test
  void aSpanOverSeveralLinesIsDrawnDownTheMargin() {
    String source = "int n = consume(\n    b,\n    c);\nrest();";
    String text = render(source, new Span(1, 9, 3, 6), "used here", List.of());
    assertEquals(
        "A.java:1:9: error: use of moved value `b` [BC001 use-after-move]\n"
            + "  |\n"
            + "1 |   int n = consume(\n"
            + "  |  _________^\n"
            + "2 | |     b,\n"
            + "3 | |     c);\n"
            + "  | |______^ used here\n"
            + "  = help: pass a copy\n",
        text);
  }

  @Test
  void aSpanThatStartsTheLineOpensWithASlashAndLongOnesLeaveTheirMiddleOut() {
    String source = "    consume(\n        a,\n        b,\n        c,\n        d);";
    String text = render(source, new Span(1, 5, 5, 10), "used here", List.of());
    assertEquals(
        "A.java:1:5: error: use of moved value `b` [BC001 use-after-move]\n"
            + "  |\n"
            + "1 | /     consume(\n"
            + "2 | |         a,\n"
            + "...\n"
            + "5 | |         d);\n"
            + "  | |__________^ used here\n"
            + "  = help: pass a copy\n",
        text);
  }
}
