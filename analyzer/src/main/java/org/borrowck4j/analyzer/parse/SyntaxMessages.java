package org.borrowck4j.analyzer.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaParser's problems in one readable line. Its "Parse error. Found X, expected one of …" lists
 * every token the grammar would take (600 characters and more): the line keeps what was found, and
 * the expected tokens only when there are few.
 */
final class SyntaxMessages {
  private SyntaxMessages() {}

  /** The longest message kept whole; longer ones are cut with an ellipsis. */
  static final int MAX_LENGTH = 160;

  /** At most this many expected tokens are listed. */
  static final int MAX_EXPECTED = 3;

  private static final Pattern FOUND = Pattern.compile("(?s)\\s*Parse error\\.\\s*Found\\s+(.+?)\\s*,\\s*expected(?: one of)?\\s+(.*)");
  private static final Pattern TOKEN = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|<[A-Z_]+>");

  static ParsedFile.SyntaxProblem readable(int line, int column, String message) {
    String m = message == null ? "" : message;
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
