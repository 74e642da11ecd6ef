package org.borrowck4j.analyzer.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parses Java source with JavaParser. One instance per thread: JavaParser instances are not
 * thread-safe, the configuration is.
 */
public final class JavaSourceParser {
  private final LanguageLevel level;

  public JavaSourceParser(LanguageLevel level) {
    this.level = level;
  }

  /** The newest language level this JavaParser knows, so records, patterns etc. all parse. */
  public static LanguageLevel newestLevel() {
    return Arrays.stream(LanguageLevel.values())
        .filter(l -> l.name().matches("JAVA_\\d+"))
        .max(Comparator.comparingInt(l -> Integer.parseInt(l.name().substring(5))))
        .orElse(LanguageLevel.BLEEDING_EDGE);
  }

  /** The language level for a release number such as 8, 17 or 21, if JavaParser knows it. */
  public static Optional<LanguageLevel> levelFor(int release) {
    String name = release <= 4 ? "JAVA_1_" + release : "JAVA_" + release;
    return Arrays.stream(LanguageLevel.values()).filter(l -> l.name().equals(name)).findFirst();
  }

  public LanguageLevel level() {
    return level;
  }

  public ParsedFile parse(SourceFile file) {
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(level)
            .setAttributeComments(false)
            .setLexicalPreservationEnabled(false);
    ParseResult<CompilationUnit> result = new JavaParser(config).parse(file.text());
    List<ParsedFile.SyntaxProblem> problems = new ArrayList<>();
    for (Problem p : result.getProblems()) {
      Position at =
          p.getLocation()
              .flatMap(r -> r.toRange())
              .map(r -> r.begin)
              .orElse(new Position(1, 1));
      problems.add(new ParsedFile.SyntaxProblem(at.line, at.column, firstLine(p.getMessage())));
    }
    problems.sort(
        Comparator.comparingInt(ParsedFile.SyntaxProblem::line)
            .thenComparingInt(ParsedFile.SyntaxProblem::column));
    return new ParsedFile(file, result.getResult().orElse(null), List.copyOf(problems));
  }

  private static String firstLine(String message) {
    String m = message == null ? "syntax error" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
