package org.borrowck4j.analyzer.diagnostics;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;

/**
 * A region of a source file: 1-based lines and columns, both ends inclusive, columns counted in
 * UTF-16 code units (JavaParser's and SARIF's {@code utf16CodeUnits}).
 */
public record Span(int beginLine, int beginColumn, int endLine, int endColumn)
    implements Comparable<Span> {

  // Written out: a record's generated equals and hashCode are bootstrapped through method
  // handles at their first call, milliseconds of every run for a value compared everywhere.
  @Override
  public boolean equals(Object o) {
    return o instanceof Span other
        && beginLine == other.beginLine
        && beginColumn == other.beginColumn
        && endLine == other.endLine
        && endColumn == other.endColumn;
  }

  @Override
  public int hashCode() {
    return ((beginLine * 31 + beginColumn) * 31 + endLine) * 31 + endColumn;
  }

  public static Span of(Node node) {
    Range r = node.getRange().orElseThrow(() -> new IllegalArgumentException("node without range"));
    return new Span(r.begin.line, r.begin.column, r.end.line, r.end.column);
  }

  /** From the start of {@code first} to the end of {@code last}. */
  public static Span between(Node first, Node last) {
    Span a = of(first);
    Span b = of(last);
    return new Span(a.beginLine, a.beginColumn, b.endLine, b.endColumn);
  }

  public static Span point(int line, int column) {
    return new Span(line, column, line, column);
  }

  public boolean contains(Span other) {
    return compare(beginLine, beginColumn, other.beginLine, other.beginColumn) <= 0
        && compare(endLine, endColumn, other.endLine, other.endColumn) >= 0;
  }

  /** Whether this span starts at or after the start of {@code other}. */
  public boolean startsAtOrAfter(Span other) {
    return compare(beginLine, beginColumn, other.beginLine, other.beginColumn) >= 0;
  }

  @Override
  public int compareTo(Span o) {
    int c = compare(beginLine, beginColumn, o.beginLine, o.beginColumn);
    return c != 0 ? c : compare(endLine, endColumn, o.endLine, o.endColumn);
  }

  private static int compare(int l1, int c1, int l2, int c2) {
    return l1 != l2 ? Integer.compare(l1, l2) : Integer.compare(c1, c2);
  }

  @Override
  public String toString() {
    return beginLine + ":" + beginColumn + "-" + endLine + ":" + endColumn;
  }
}
