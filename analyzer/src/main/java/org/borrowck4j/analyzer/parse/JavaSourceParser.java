package org.borrowck4j.analyzer.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.Provider;
import com.github.javaparser.UnicodeEscapeProcessingProvider;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java10PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parses Java source with JavaParser. One instance per thread: JavaParser instances are not
 * thread-safe, the configuration is.
 *
 * <p>The language level decides how the text is read ({@code yield} a keyword or a name, {@code
 * var} a type to infer or a class), not which constructs the code may use: whether the code
 * compiles at its level is the compiler's to say. JavaParser's checks of what each level allows
 * (its language-level validators: a dozen walks over every tree) took more than half of its parse
 * and found nothing in code that compiles, so they are not run (decision 245); {@link
 * #validating} runs them, as JavaParser's own parse does, for the benchmark's yardstick.
 */
public final class JavaSourceParser {
  private final LanguageLevel level;
  private final boolean validating;

  public JavaSourceParser(LanguageLevel level) {
    this(level, false);
  }

  private JavaSourceParser(LanguageLevel level, boolean validating) {
    this.level = level;
    this.validating = validating;
  }

  /**
   * A parser that also runs JavaParser's language-level validators, as a plain JavaParser parse at
   * that level does: what the benchmark measures the analysis against.
   */
  public static JavaSourceParser validating(LanguageLevel level) {
    return new JavaSourceParser(level, true);
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

  /** The Java release of a language level: 11 for {@code JAVA_11}, 8 for {@code JAVA_1_8}. */
  public static int release(LanguageLevel level) {
    String[] parts = level.name().split("_");
    try {
      return Integer.parseInt(parts[parts.length - 1]);
    } catch (NumberFormatException e) {
      return 0; // CURRENT, BLEEDING_EDGE, RAW: no number
    }
  }

  public LanguageLevel level() {
    return level;
  }

  /** At most this many local enums are blanked out of one file (each costs a parse). */
  private static final int MAX_UNREAD = 64;

  public ParsedFile parse(SourceFile file) {
    ParseResult<CompilationUnit> first = parseText(file.text(), false);
    if (!first.isSuccessful() && file.text().contains("\\u")) {
      // `"\\uu001A"` is valid (JLS 3.3: a Unicode escape may repeat its `u`), but JavaParser's
      // lexer reads only one: such a file is read again with the escapes translated first, which
      // keeps every position in the original text (decision 251). Only a file that failed pays.
      ParseResult<CompilationUnit> translated = parseText(file.text(), true);
      if (translated.isSuccessful()) {
        first = translated;
      }
    }
    ParseResult<CompilationUnit> result = first;
    List<ParsedFile.Unread> unread = new ArrayList<>();
    if (!first.isSuccessful()) {
      // Valid Java the parser cannot read (local enums) is blanked out one at a time, where the
      // parser failed, as long as that makes it read further. A file that still does not parse is
      // reported where the parser first failed, so that a blanking never hides a real error.
      String text = file.text();
      while (!result.isSuccessful() && unread.size() < MAX_UNREAD) {
        Position at = firstProblem(result);
        LocalEnums.Region region = LocalEnums.at(text, LocalEnums.offset(text, at.line, at.column));
        if (region == null) {
          break;
        }
        String blanked = region.blank(text);
        ParseResult<CompilationUnit> again = parseText(blanked, false);
        Position next = firstProblem(again);
        if (!again.isSuccessful() && LocalEnums.offset(blanked, next.line, next.column) < region.end()) {
          break;
        }
        Position begin = LocalEnums.position(text, region.start());
        Position end = LocalEnums.position(text, region.end() - 1);
        unread.add(new ParsedFile.Unread(begin.line, begin.column, end.line, end.column, region.name()));
        text = blanked;
        result = again;
      }
      if (!result.isSuccessful() || !allLocal(result.getResult().orElseThrow(), unread)) {
        result = first;
        unread.clear();
      }
    }
    List<ParsedFile.SyntaxProblem> problems = new ArrayList<>();
    for (Problem p : result.getProblems()) {
      Position at = position(p);
      problems.add(SyntaxMessages.readable(at.line, at.column, p.getMessage()));
    }
    problems.sort(
        Comparator.comparingInt(ParsedFile.SyntaxProblem::line)
            .thenComparingInt(ParsedFile.SyntaxProblem::column));
    return new ParsedFile(file, result.getResult().orElse(null), problems, unread);
  }

  /** Whether every blanked region lies in a block of code, as a local enum's declaration does. */
  private static boolean allLocal(CompilationUnit unit, List<ParsedFile.Unread> unread) {
    return unread.stream().allMatch(u -> LocalEnums.isLocal(unit, new Position(u.line(), u.column())));
  }

  private ParseResult<CompilationUnit> parseText(String text, boolean translateUnicodeEscapes) {
    ParserConfiguration config =
        new ParserConfiguration()
            .setLanguageLevel(level)
            .setAttributeComments(false)
            .setLexicalPreservationEnabled(false)
            .setPreprocessUnicodeEscapes(translateUnicodeEscapes);
    if (!validating) {
      // What the configuration would run after the parse: comments attributed, symbols, lexical
      // preservation (all off here), the original line separator noted (read by no one), and the
      // level's validators and post-processors; of these the tree needs only `var` read as a type
      // to infer, which is all the post-processors of levels 10 and newer do.
      config.setDetectOriginalLineSeparator(false);
      config.getProcessors().clear();
      if (translateUnicodeEscapes) {
        config.getProcessors().add(JavaSourceParser::unicodeEscapes);
      }
      if (release(level) >= 10) {
        config.getProcessors().add(JavaSourceParser::varTypes);
      }
    }
    return new JavaParser(config).parse(text);
  }

  /**
   * What JavaParser does when told to translate Unicode escapes before the lexer reads the text
   * (its own processor is private): the translated text is parsed, and every node's range is
   * mapped back to the original text.
   */
  private static Processor unicodeEscapes() {
    return new Processor() {
      private UnicodeEscapeProcessingProvider translated;

      @Override
      public Provider preProcess(Provider original) {
        translated = new UnicodeEscapeProcessingProvider(original);
        return translated;
      }

      @Override
      public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
        UnicodeEscapeProcessingProvider.PositionMapping mapping = translated.getPositionMapping();
        if (!mapping.isEmpty()) {
          result.getResult().ifPresent(root -> root.walk(n -> n.getRange().ifPresent(r -> n.setRange(mapping.transform(r)))));
        }
      }
    };
  }

  /** JavaParser's post-processing of levels 10 and newer ({@code var} declarations). */
  private static Processor varTypes() {
    PostProcessors varTypes = new Java10PostProcessor();
    return new Processor() {
      @Override
      public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
        varTypes.postProcess(result, configuration);
      }
    };
  }

  private static Position firstProblem(ParseResult<CompilationUnit> result) {
    return result.getProblems().stream()
        .map(JavaSourceParser::position)
        .min(Comparator.comparingInt((Position p) -> p.line).thenComparingInt(p -> p.column))
        .orElse(new Position(1, 1));
  }

  private static Position position(Problem p) {
    return p.getLocation().flatMap(r -> r.toRange()).map(r -> r.begin).orElse(new Position(1, 1));
  }

}
