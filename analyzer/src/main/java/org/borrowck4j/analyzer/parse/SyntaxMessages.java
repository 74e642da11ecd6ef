package org.borrowck4j.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaParser's problems in one readable line. Its "Parse error. Found X, expected one of …" lists
 * every token the grammar would take (600 characters and more): the line keeps what was found, and
 * the expected tokens only when there are few. Its "… not supported. Pay attention that this
 * feature is supported starting from 'JAVA_15' language level. If you need that feature the
 * language level must be configured in the configuration …" speaks of its own configuration: the
 * line names the feature and the release it needs, and the finding says which setting to raise.
 */
final class SyntaxMessages {
  private SyntaxMessages() {}

  /** The longest message kept whole; longer ones are cut with an ellipsis. */
  static final int MAX_LENGTH = 160;

  /** At most this many expected tokens are listed. */
  static final int MAX_EXPECTED = 3;

  private static final Pattern NEEDS_LEVEL =
      Pattern.compile("(?s)\\s*(.+?)\\s+(?:(?:are|is)\\s+)?not supported\\..*?starting from 'JAVA_(\\d+)(?:_(\\d+))?'.*");
  private static final Pattern FOUND = Pattern.compile("(?s)\\s*Parse error\\.\\s*Found\\s+(.+?)\\s*,\\s*expected(?: one of)?\\s+(.*)");
  private static final Pattern TOKEN = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|<[A-Z_]+>");

  static ParsedFile.SyntaxProblem readable(int line, int column, String message) {
    String m = message == null ? "" : message;
    Matcher level = NEEDS_LEVEL.matcher(m);
    if (level.matches()) {
      int release = Integer.parseInt(level.group(3) != null ? level.group(3) : level.group(2));
      // "Text Block Literals", "Record Declarations": the parser's capitals, not English ones.
      String feature = level.group(1).toLowerCase(java.util.Locale.ROOT);
      return new ParsedFile.SyntaxProblem(line, column, feature + " need Java " + release + " or newer", release);
    }
    Matcher found = FOUND.matcher(m);
    if (found.matches()) {
      java.util.List<String> expected = TOKEN.matcher(found.group(2)).results().map(java.util.regex.MatchResult::group).toList();
      String text = "unexpected " + found.group(1).strip();
      if (!expected.isEmpty() && expected.size() <= MAX_EXPECTED) {
        text += ", expected " + String.join(" or ", expected);
      }
      return new ParsedFile.SyntaxProblem(line, column, crop(text));
    }
    return new ParsedFile.SyntaxProblem(line, column, crop(firstLine(m)));
  }

  private static String firstLine(String message) {
    String m = message.strip();
    if (m.isEmpty()) {
      return "syntax error";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private static String crop(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
