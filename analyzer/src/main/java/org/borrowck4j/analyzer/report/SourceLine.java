package org.borrowck4j.analyzer.report;

import java.util.List;

/**
 * A source line as the text output shows it: tabs as four spaces, and each character at the
 * terminal column it is drawn in ({@link DisplayWidth}), so that the marks under it line up.
 * Columns of findings count UTF-16 code units (SARIF's {@code utf16CodeUnits}); display columns
 * count terminal cells. A line too long to show is cropped around the marked columns with {@code
 * ...} for what is left out, as rustc does for long lines: minified or generated code has lines of
 * a megabyte.
 */
final class SourceLine {
  static final int MAX_WIDTH = 140;
  static final int CONTEXT = 20;
  static final String ELLIPSIS = "...";

  private final String text;
  /** The display column (1-based) where each UTF-16 unit of the line starts. */
  private final int[] starts;
  private final int width;

  SourceLine(String text) {
    this.text = text;
    this.starts = new int[text.length() + 1];
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      for (int k = 0; k < n; k++) {
        starts[i + k] = column;
      }
      column += DisplayWidth.of(cp);
      i += n;
    }
    starts[text.length()] = column;
    this.width = column - 1;
  }

  /** The display column (1-based) of a 1-based UTF-16 column; past the end, one cell per unit. */
  int displayColumn(int column) {
    int index = column - 1;
    if (index < 0) {
      return 1;
    }
    return index <= text.length() ? starts[index] : starts[text.length()] + (index - text.length());
  }

  /** The display column just after a span whose last UTF-16 column (inclusive) is {@code column}. */
  int displayEnd(int column) {
    return displayColumn(column + 1);
  }

  /** The text as shown: all of it when short, else around {@code columns} ([start, end) pairs). */
  Shown show(List<int[]> columns, int primary) {
    String expanded = expand(0, text.length());
    if (width <= MAX_WIDTH) {
      return new Shown(expanded, 0, 1, Integer.MAX_VALUE);
    }
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    for (int[] c : columns) {
      lo = Math.min(lo, c[0]);
      hi = Math.max(hi, c[1]);
    }
    if (hi - lo > MAX_WIDTH - 2 * CONTEXT && primary >= 0) {
      lo = columns.get(primary)[0];
      hi = Math.min(columns.get(primary)[1], lo + MAX_WIDTH - 2 * CONTEXT);
    }
    int from = Math.max(1, lo - CONTEXT);
    int to = Math.min(width + 1, Math.max(hi + CONTEXT, from + MAX_WIDTH));
    from = Math.max(1, Math.min(from, to - MAX_WIDTH));
    int first = unitAt(from);
    int last = unitAt(to);
    int shownFrom = starts[first];
    String prefix = shownFrom > 1 ? ELLIPSIS : "";
    String suffix = last < text.length() ? ELLIPSIS : "";
    String shown = prefix + expand(first, last) + suffix;
    return new Shown(shown, prefix.length() - (shownFrom - 1), shownFrom, starts[last]);
  }

  /** The first UTF-16 index whose display column is at least {@code column}. */
  private int unitAt(int column) {
    int i = 0;
    while (i < text.length() && starts[i] < column) {
      i++;
    }
    while (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private String expand(int from, int to) {
    return text.substring(from, to).replace("\t", " ".repeat(DisplayWidth.TAB));
  }

  /** What is shown of a line, and where a display column of the whole line is in it. */
  record Shown(String text, int shift, int first, int last) {
    int column(int display) {
      return Math.max(first, Math.min(display, last)) + shift;
    }
  }
}
