package org.borrowck4j.analyzer.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of Java source text, as far as finding a declaration's extent needs them: words
 * (identifiers, keywords, numbers) and single punctuation characters with their offsets; comments,
 * string, text-block and character literals are skipped, so a brace or {@code enum} inside them is
 * never taken for code. Only used on a file the parser refused, so it is simple rather than fast.
 */
final class JavaTokens {
  private JavaTokens() {}

  /** A word or one punctuation character at {@code [start, end)} of the text. */
  record Token(int start, int end, String text) {
    boolean is(String s) {
      return text.equals(s);
    }

    boolean isWord() {
      return Character.isJavaIdentifierStart(text.charAt(0));
    }
  }

  static List<Token> of(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("//", i)) {
        i = lineEnd(text, i);
      } else if (text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (text.startsWith("\"\"\"", i)) {
        i = textBlockEnd(text, i + 3);
      } else if (c == '"' || c == '\'') {
        i = quotedEnd(text, i + 1, c);
      } else if (Character.isJavaIdentifierPart(c) && c != '\u0000') {
        int start = i;
        while (i < n && (Character.isJavaIdentifierPart(text.charAt(i)) || (Character.isDigit(text.charAt(start)) && text.charAt(i) == '.'))) {
          i++;
        }
        out.add(new Token(start, i, text.substring(start, i)));
      } else {
        out.add(new Token(i, i + 1, String.valueOf(c)));
        i++;
      }
    }
    return out;
  }

  private static int lineEnd(String text, int i) {
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Past a string or character literal: its closing quote, or the end of the line if unclosed. */
  private static int quotedEnd(String text, int i, char quote) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n' || c == '\r') {
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static int textBlockEnd(String text, int i) {
    while (i < text.length()) {
      if (text.charAt(i) == '\\') {
        i += 2;
      } else if (text.startsWith("\"\"\"", i)) {
        return i + 3;
      } else {
        i++;
      }
    }
    return text.length();
  }
}
