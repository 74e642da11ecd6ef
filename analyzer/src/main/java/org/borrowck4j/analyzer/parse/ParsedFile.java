package org.borrowck4j.analyzer.parse;

import com.github.javaparser.ast.CompilationUnit;
import java.util.List;

/**
 * The outcome of parsing one file: a compilation unit, or the syntax problems that made the file
 * unusable. A file with problems is not analysed (DESIGN.md: it is skipped, the others are not).
 */
public record ParsedFile(SourceFile source, CompilationUnit unit, List<SyntaxProblem> problems) {

  public boolean ok() {
    return unit != null && problems.isEmpty();
  }

  /** A syntax problem at a 1-based position. */
  public record SyntaxProblem(int line, int column, String message) {}
}
