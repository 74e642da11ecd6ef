package org.borrowck4j.analyzer.model;

import com.github.javaparser.ast.expr.ObjectCreationExpr;

/**
 * A class of the analysed sources that a value may be at run time, known from the sources though
 * no type names it: an anonymous class, by where its {@code new} begins (decision 236).
 *
 * @param file the analysed file it is written in
 * @param line the line its {@code new} begins on
 * @param column the column its {@code new} begins at
 */
public record RuntimeClass(String file, int line, int column) implements Comparable<RuntimeClass> {
  /** The anonymous class written by {@code creation} in {@code file}. */
  public static RuntimeClass at(String file, ObjectCreationExpr creation) {
    return new RuntimeClass(
        file, creation.getBegin().map(p -> p.line).orElse(0), creation.getBegin().map(p -> p.column).orElse(0));
  }

  @Override
  public int compareTo(RuntimeClass o) {
    int c = file.compareTo(o.file);
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return file + ':' + line + ':' + column;
  }
}
