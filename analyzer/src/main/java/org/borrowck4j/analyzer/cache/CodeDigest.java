package org.borrowck4j.analyzer.cache;

/**
 * The digest of a Java file's code without its comments: the text with each comment and each run
 * of whitespace outside literals made one space (string and character literals and text blocks
 * kept exactly). Two texts with the same code digest differ only in comments and in how much
 * whitespace separates what they say, so they declare the same things and
 * their bodies do the same (decision 132): an edit of a comment, or a reformatting, of a file
 * others depend on re-analyses only that file. Not a Java lexer's every detail (unicode escapes
 * are kept as written, which can only make two equal codes differ, never the reverse).
 */
public final class CodeDigest {
  private CodeDigest() {}

  public static String of(String text) {
    return Digest.of(code(text));
  }

  /** The code: tokens separated by one space where there was layout or a comment. */
  static String code(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    boolean gap = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        gap = true;
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
        gap = true;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        gap = true;
      } else {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        int end;
        if (text.startsWith("\"\"\"", i)) {
          end = literalEnd(text, i + 3, "\"\"\"");
        } else if (c == '"' || c == '\'') {
          end = literalEnd(text, i + 1, String.valueOf(c));
        } else {
          end = i + 1;
        }
        out.append(text, i, end);
        i = end;
      }
    }
    return out.toString();
  }

  /** The index after the closing delimiter, skipping escaped characters; the end of the text if none. */
  private static int literalEnd(String text, int from, String close) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (text.startsWith(close, i)) {
        return i + close.length();
      } else if (close.length() == 1 && c == '\n') {
        return i; // an unclosed literal ends with its line, as the compiler says
      }
    }
    return n;
  }
}
