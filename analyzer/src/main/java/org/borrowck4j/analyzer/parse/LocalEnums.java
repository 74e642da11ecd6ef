package org.borrowck4j.analyzer.parse;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.parse.JavaTokens.Token;

/**
 * Local enums, which JavaParser 3.28 cannot read although they are valid Java since 16 ({@code enum
 * State { A, B }} in a method body; javaparser#3990, whose fix is not released, and no parser
 * setting enables them). It reads {@code enum State} as a variable declaration and fails at the
 * {@code {} (or at {@code implements}). To analyse the rest of such a file, the enum the parser
 * failed at is found from the problem's position and blanked out: every character of it, from its
 * first modifier or annotation to its closing brace, becomes a space except line breaks, so every
 * other position in the file stays what it was. A local enum cannot capture anything of the code
 * around it (it is implicitly static), so the code around it reads the same without it but for the
 * enum's name; the engine still skips the method that declares it (DESIGN.md "Robustness").
 */
final class LocalEnums {
  private LocalEnums() {}

  /** A local enum blanked out of the text: {@code [start, end)}, and its name. */
  record Region(int start, int end, String name) {
    String blank(String text) {
      StringBuilder sb = new StringBuilder(text);
      for (int i = start; i < end; i++) {
        char c = sb.charAt(i);
        if (c != '\n' && c != '\r' && c != '\t') {
          sb.setCharAt(i, ' ');
        }
      }
      return sb.toString();
    }
  }

  /** Where a statement starts: after these, at the nesting depth of the enum. */
  private static final Set<String> STATEMENT_BOUNDARY = Set.of(";", "{", "}", ":");

  /** What cannot appear between {@code enum} and the problem if the problem is in the enum's header. */
  private static final Set<String> NOT_IN_HEADER = Set.of(";", "{", "}", "(", ")", "=");

  /**
   * The local enum whose header holds the parser's problem at {@code problem} (an offset), or null
   * when the problem is something else.
   */
  static Region at(String text, int problem) {
    if (!text.contains("enum")) {
      return null;
    }
    List<Token> tokens = JavaTokens.of(text);
    int p = 0;
    while (p < tokens.size() && tokens.get(p).end() <= problem) {
      p++;
    }
    int keyword = -1;
    for (int k = p - 1; k >= 0 && !NOT_IN_HEADER.contains(tokens.get(k).text()); k--) {
      if (tokens.get(k).is("enum")) {
        keyword = k;
        break;
      }
    }
    if (keyword < 0 || keyword + 1 >= tokens.size() || !tokens.get(keyword + 1).isWord()) {
      return null;
    }
    int open = keyword + 1;
    while (open < tokens.size() && !tokens.get(open).is("{")) {
      if (NOT_IN_HEADER.contains(tokens.get(open).text())) {
        return null;
      }
      open++;
    }
    int close = matchingBrace(tokens, open);
    int first = statementStart(tokens, keyword);
    if (close < 0 || first < 0 || open < p) {
      return null;
    }
    return new Region(tokens.get(first).start(), tokens.get(close).end(), tokens.get(keyword + 1).text());
  }

  private static int matchingBrace(List<Token> tokens, int open) {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      if (tokens.get(k).is("{")) {
        depth++;
      } else if (tokens.get(k).is("}") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The first token of the declaration: its modifiers and annotations go too, or they would
   * attach to the next statement. Parentheses are skipped whole (an annotation's arguments may hold
   * braces: {@code @SuppressWarnings({"a"})}).
   */
  private static int statementStart(List<Token> tokens, int keyword) {
    int parens = 0;
    for (int k = keyword - 1; k >= 0; k--) {
      String t = tokens.get(k).text();
      if (t.equals(")")) {
        parens++;
      } else if (t.equals("(")) {
        parens--;
      } else if (parens == 0 && STATEMENT_BOUNDARY.contains(t)) {
        return k + 1;
      }
    }
    return -1;
  }

  /**
   * Whether the blanked region at {@code at} lies in a block of code, as a local enum does: a
   * member enum blanked out by mistake (the problem was a real error in its header) would lie in a
   * type's body, and the file must stay a parse error.
   */
  static boolean isLocal(CompilationUnit unit, Position at) {
    Node inner = unit;
    for (Node next = childAt(inner, at); next != null; next = childAt(inner, at)) {
      inner = next;
    }
    // Between a switch's entries, or after the last statement of an entry: in the switch's block.
    return inner instanceof BlockStmt || inner instanceof SwitchEntry || inner instanceof SwitchStmt || inner instanceof SwitchExpr;
  }

  private static Node childAt(Node node, Position at) {
    for (Node child : node.getChildNodes()) {
      if (child.getRange().map(r -> r.contains(at)).orElse(false)) {
        return child;
      }
    }
    return null;
  }

  /** The offset of a 1-based line and column, as JavaParser counts them (a tab is one column). */
  static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line && at < text.length(); l++) {
      at = nextLine(text, at);
    }
    return Math.min(text.length(), at + column - 1);
  }

  /** The 1-based line and column of an offset. */
  static Position position(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int next = nextLine(text, 0); next <= offset && next > lineStart; next = nextLine(text, next)) {
      line++;
      lineStart = next;
    }
    return new Position(line, offset - lineStart + 1);
  }

  /** Where the line after the one holding {@code at} starts (the text's length at the last line). */
  private static int nextLine(String text, int at) {
    for (int i = at; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return text.length();
  }
}
