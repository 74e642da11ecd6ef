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
 * ---} under each secondary span with its label, {@code ...} where lines are left out, and {@code
 * = help:} lines (rustc's layout). Marks are placed by display width ({@link SourceLine}); a
 * primary span over several lines is drawn as rustc draws one: a line from its start down the
 * left margin to its end (the finding carries its first two lines and its last, {@link
 * Finding#inFile}).
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
    out.append(paint(BOLD, f.file() + ":" + f.primary().beginLine() + ":" + f.primary().beginColumn() + ":"))
        .append(' ')
        .append(paint(levelColor(f.severity()), f.severity().word() + ":"))
        .append(' ')
        .append(paint(BOLD, f.message()))
        .append(" [")
        .append(f.rule().code())
        .append(' ')
        .append(f.rule().id())
        .append("]\n");

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
    Span primary = f.primary();
    Multiline multiline = Multiline.of(primary, f.sourceLines());
    if (multiline == null) {
      marks.add(new Mark(primary, primaryText, true));
    }
    TreeMap<Integer, List<Mark>> byLine = new TreeMap<>();
    for (Mark m : marks) {
      byLine.computeIfAbsent(m.span.beginLine(), k -> new ArrayList<>()).add(m);
    }
    for (int line : f.sourceLines().keySet()) {
      byLine.computeIfAbsent(line, k -> new ArrayList<>()); // lines between marks, and of a multi-line span
    }
    int width = Integer.toString(byLine.lastKey()).length();
    String gutter = " ".repeat(width) + " |";
    String margin = multiline == null ? "" : "  ";
    out.append(paint(BLUE, gutter)).append('\n');
    Integer previous = null;
    for (var entry : byLine.entrySet()) {
      int line = entry.getKey();
      if (previous != null && line > previous + 1) {
        out.append(paint(BLUE, "...")).append('\n');
      }
      previous = line;
      SourceLine source = new SourceLine(f.sourceLines().getOrDefault(line, ""));
      List<Mark> lineMarks = entry.getValue();
      lineMarks.sort(Comparator.comparingInt((Mark m) -> m.span.beginColumn()));
      List<int[]> columns = new ArrayList<>();
      int primaryIndex = -1;
      for (int i = 0; i < lineMarks.size(); i++) {
        Mark m = lineMarks.get(i);
        int start = source.displayColumn(m.span.beginColumn());
        int end =
            m.span.endLine() == line
                ? source.displayEnd(m.span.endColumn())
                : Math.max(start + 1, source.displayEnd(codeEnd(f.sourceLines().getOrDefault(line, ""), m.span.beginColumn())));
        columns.add(new int[] {start, Math.max(start + 1, end)});
        if (m.primary) {
          primaryIndex = i;
        }
      }
      if (multiline != null && (line == primary.beginLine() || line == primary.endLine())) {
        int column = line == primary.beginLine() ? primary.beginColumn() : primary.endColumn();
        int start = source.displayColumn(column);
        columns.add(new int[] {start, start + 1});
        primaryIndex = columns.size() - 1;
      }
      SourceLine.Shown shown = source.show(columns, primaryIndex);
      String lead = multiline == null ? "" : multiline.lead(line, paint(levelColor(f.severity()), "/"), paint(levelColor(f.severity()), "|"));
      out.append(paint(BLUE, pad(Integer.toString(line), width) + " |"));
      if (!shown.text().isEmpty() || !lead.isBlank()) {
        out.append(' ').append(lead).append(shown.text());
      }
      out.append('\n');
      String bar = multiline == null ? "" : multiline.inside(line) ? paint(levelColor(f.severity()), "|") + " " : margin;
      for (int i = 0; i < lineMarks.size(); i++) {
        Mark m = lineMarks.get(i);
        int start = shown.column(columns.get(i)[0]);
        int end = shown.column(columns.get(i)[1]);
        String underline = (m.primary ? "^" : "-").repeat(Math.max(1, end - start));
        out.append(paint(BLUE, gutter))
            .append(' ')
            .append(bar)
            .append(" ".repeat(Math.max(0, start - 1)))
            .append(paint(m.primary ? levelColor(f.severity()) : BLUE, underline + (m.text.isEmpty() ? "" : " " + m.text)))
            .append('\n');
      }
      if (multiline != null && (line == primary.beginLine() || line == primary.endLine())) {
        String mark = multiline.mark(line, shown.column(columns.get(columns.size() - 1)[0]), primaryText);
        if (mark != null) {
          out.append(paint(BLUE, gutter)).append(' ').append(paint(levelColor(f.severity()), mark)).append('\n');
        }
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
   * A primary span over several lines, drawn as rustc draws one: its first line with {@code /} in
   * the margin when the span starts the line's code, else a {@code _____^} line up to its start;
   * {@code |} down the margin; {@code |_____^ label} under its last character.
   */
  private record Multiline(Span span, boolean startsLine) {
    /** Null for a span on one line, or one whose last line the finding does not carry. */
    static Multiline of(Span span, java.util.SortedMap<Integer, String> lines) {
      if (span.endLine() <= span.beginLine() || !lines.containsKey(span.endLine())) {
        return null;
      }
      String first = lines.getOrDefault(span.beginLine(), "");
      boolean startsLine = first.substring(0, Math.min(first.length(), span.beginColumn() - 1)).isBlank();
      return new Multiline(span, startsLine);
    }

    boolean inside(int line) {
      return line > span.beginLine() && line <= span.endLine() || (line == span.beginLine() && startsLine);
    }

    /** The two characters before a source line's text. */
    String lead(int line, String slash, String bar) {
      if (line == span.beginLine()) {
        return startsLine ? slash + " " : "  ";
      }
      return line > span.beginLine() && line <= span.endLine() ? bar + " " : "  ";
    }

    /** The line under a source line that draws the span's start or end; null for none. */
    String mark(int line, int column, String label) {
      if (line == span.beginLine() && !startsLine) {
        return " " + "_".repeat(column) + "^";
      }
      if (line == span.endLine()) {
        return "|" + "_".repeat(column) + "^" + (label.isEmpty() ? "" : " " + label);
      }
      return null;
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
