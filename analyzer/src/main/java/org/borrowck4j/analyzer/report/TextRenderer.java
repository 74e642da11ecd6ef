package org.borrowck4j.analyzer.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;

/**
 * Renders findings as compilers do: a {@code file:line:col: error: message [code id]} line that
 * problem matchers parse, then the source lines with {@code ^^^} under the primary span, {@code
 * ---} under each secondary span with its label, and {@code = help:} lines (rustc's layout).
 */
public final class TextRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String BLUE = "\u001b[1;34m";
  private static final String GREEN = "\u001b[1;32m";

  private final boolean color;

  public TextRenderer(boolean color) {
    this.color = color;
  }

  public String render(Finding f) {
    StringBuilder out = new StringBuilder();
    String level = f.severity().word();
    out.append(paint(BOLD, f.file() + ":" + f.primary().beginLine() + ":" + f.primary().beginColumn() + ":"))
        .append(' ')
        .append(paint(levelColor(f.severity()), level + ":"))
        .append(' ')
        .append(paint(BOLD, f.message()))
        .append(' ')
        .append('[')
        .append(f.rule().code())
        .append(' ')
        .append(f.rule().id())
        .append(']')
        .append('\n');

    // The primary label absorbs a secondary one on the very same span (a move in the previous
    // loop iteration at the use itself), as rustc does.
    String primaryText = f.primaryLabel();
    List<Mark> marks = new ArrayList<>();
    for (Label l : f.labels()) {
      if (l.span().equals(f.primary())) {
        primaryText = l.text();
      } else {
        marks.add(new Mark(l.span(), l.text(), false));
      }
    }
    marks.add(new Mark(f.primary(), primaryText, true));
    TreeMap<Integer, List<Mark>> byLine = new TreeMap<>();
    for (Mark m : marks) {
      byLine.computeIfAbsent(m.span.beginLine(), k -> new ArrayList<>()).add(m);
    }
    int width = Integer.toString(byLine.lastKey()).length();
    String gutter = " ".repeat(width) + " |";
    out.append(paint(BLUE, gutter)).append('\n');
    for (var entry : byLine.entrySet()) {
      int line = entry.getKey();
      String text = f.sourceLines().getOrDefault(line, "");
      List<Mark> lineMarks = entry.getValue();
      lineMarks.sort(Comparator.comparingInt((Mark m) -> m.span.beginColumn()));
      List<int[]> columns = new ArrayList<>();
      for (Mark m : lineMarks) {
        int start = visualColumn(text, m.span.beginColumn());
        int end =
            m.span.endLine() == line
                ? visualColumn(text, m.span.endColumn() + 1)
                : Math.max(start + 1, visualColumn(text, codeEnd(text, m.span.beginColumn()) + 1));
        columns.add(new int[] {start, Math.max(start + 1, end)});
      }
      Window window = Window.around(text.replace("\t", "    "), columns, lineMarks);
      out.append(paint(BLUE, pad(Integer.toString(line), width) + " |"));
      if (!window.text.isEmpty()) {
        out.append(' ').append(window.text);
      }
      out.append('\n');
      for (int i = 0; i < lineMarks.size(); i++) {
        Mark m = lineMarks.get(i);
        int start = window.column(columns.get(i)[0]);
        int end = window.column(columns.get(i)[1]);
        int length = Math.max(1, end - start);
        String underline = (m.primary ? "^" : "-").repeat(length);
        out.append(paint(BLUE, gutter))
            .append(' ')
            .append(" ".repeat(Math.max(0, start - 1)))
            .append(paint(m.primary ? levelColor(f.severity()) : BLUE, underline + (m.text.isEmpty() ? "" : " " + m.text)))
            .append('\n');
      }
    }
    for (Note n : f.notes()) {
      out.append(" ".repeat(width))
          .append(' ')
          .append(paint(BLUE, "="))
          .append(' ')
          .append(paint(n.kind() == Note.Kind.HELP ? GREEN : BOLD, n.kind().word() + ":"))
          .append(' ')
          .append(n.text())
          .append('\n');
    }
    return out.toString();
  }

  private record Mark(Span span, String text, boolean primary) {}

  /**
   * The part of a source line shown: all of it when it is short, else a stretch around the
   * marked columns (around the primary span when they do not fit) with {@code ...} for what is
   * left out, as rustc does for long lines. Minified or generated code has lines of a megabyte.
   */
  private record Window(String text, int shift, int first, int last) {
    static final int MAX_WIDTH = 140;
    static final int CONTEXT = 20;
    static final String ELLIPSIS = "...";

    static Window around(String expanded, List<int[]> columns, List<Mark> marks) {
      if (expanded.length() <= MAX_WIDTH) {
        return new Window(expanded, 0, 1, Integer.MAX_VALUE);
      }
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (int[] c : columns) {
        lo = Math.min(lo, c[0]);
        hi = Math.max(hi, c[1]);
      }
      if (hi - lo > MAX_WIDTH - 2 * CONTEXT) {
        for (int i = 0; i < marks.size(); i++) {
          if (marks.get(i).primary) {
            lo = columns.get(i)[0];
            hi = Math.min(columns.get(i)[1], lo + MAX_WIDTH - 2 * CONTEXT);
          }
        }
      }
      int from = Math.max(1, lo - CONTEXT); // 1-based visual columns
      int to = Math.min(expanded.length() + 1, Math.max(hi + CONTEXT, from + MAX_WIDTH));
      from = Math.max(1, Math.min(from, to - MAX_WIDTH));
      String prefix = from > 1 ? ELLIPSIS : "";
      String suffix = to <= expanded.length() ? ELLIPSIS : "";
      String text = prefix + expanded.substring(from - 1, to - 1) + suffix;
      return new Window(text, prefix.length() - (from - 1), from, to);
    }

    /** Where a visual column of the whole line is in the shown text (clamped to it). */
    int column(int visual) {
      int clamped = Math.max(first, Math.min(visual, last));
      return clamped + shift;
    }
  }

  /**
   * The last column of code on a line from {@code from} on: trailing blanks and a line comment are
   * not underlined when a span continues on the next line.
   */
  private static int codeEnd(String line, int from) {
    int end = line.length();
    boolean inString = false;
    char quote = 0;
    for (int i = Math.max(0, from - 1); i < line.length(); i++) {
      char c = line.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        end = i;
        break;
      }
    }
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return Math.max(from, end);
  }

  /** The 1-based display column of a 1-based character column, with tabs as four spaces. */
  private static int visualColumn(String line, int column) {
    int visual = 1;
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      visual += line.charAt(i) == '\t' ? 4 : 1;
    }
    if (column - 1 > line.length()) {
      visual += column - 1 - line.length();
    }
    return visual;
  }

  private static String pad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private String levelColor(Severity s) {
    return switch (s) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case NOTE -> BOLD;
    };
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
