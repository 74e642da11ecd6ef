package org.borrowck4j.analyzer.parse;

import com.github.javaparser.ast.CompilationUnit;
import java.util.List;

/**
 * The outcome of parsing one file: a compilation unit, or the syntax problems that made the file
 * unusable. A file with problems is not analysed (DESIGN.md: it is skipped, the others are not).
 *
 * @param unread valid constructs the parser cannot read, blanked out of what it parsed so that the
 *     rest of the file could be (local enums: {@link LocalEnums}); the code that declares one is
 *     not analysed
 */
public record ParsedFile(SourceFile source, CompilationUnit unit, List<SyntaxProblem> problems, List<Unread> unread) {

  public ParsedFile {
    problems = List.copyOf(problems);
    unread = List.copyOf(unread);
  }

  public boolean ok() {
    return unit != null && problems.isEmpty();
  }

  /** A syntax problem at a 1-based position, in one readable line. */
  public record SyntaxProblem(int line, int column, String message) {}

  /**
   * A local enum the parser could not read, from its first modifier to its closing brace (1-based,
   * the end inclusive), and its name.
   */
  public record Unread(int line, int column, int endLine, int endColumn, String name) {}
}
