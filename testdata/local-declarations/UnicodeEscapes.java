package localdecl;

import java.util.List;

/**
 * A Unicode escape may repeat its u (JLS 3.3), which the parser's lexer does not read: the file
 * is read again with the escapes translated first, at the positions written (decision 251).
 */
public class UnicodeEscapes {
  static final String END = "\uu001A";

  void mark(List<String> names) {
    for (String n : names) {
      names.add(n + END); // expect: conflicting-borrow
    }
  }
}
