package org.borrowck4j.analyzer.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple names a file's text may declare types under, read from its bytes before it is parsed:
 * every identifier that follows {@code class}, {@code interface}, {@code enum} or {@code record}
 * (decision 254). It lets a type declared in a file not named after it (a second top-level class)
 * be found whichever files happen to be parsed already. Words in comments and strings are read
 * too: a name no type has only makes a lookup read one more file's declarations.
 */
final class DeclaredTypeNames {
  private static final byte[][] KEYWORDS = {bytes("class"), bytes("interface"), bytes("enum"), bytes("record")};

  private DeclaredTypeNames() {}

  static List<String> in(byte[] source, Charset encoding) {
    if (!asciiCompatible(encoding)) {
      source = new String(source, encoding).getBytes(StandardCharsets.UTF_8);
      encoding = StandardCharsets.UTF_8;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < source.length; i++) {
      byte[] keyword = keywordAt(source, i);
      if (keyword == null) {
        continue;
      }
      int at = i + keyword.length;
      int nameStart = at;
      while (nameStart < source.length && isBlank(source[nameStart])) {
        nameStart++;
      }
      if (nameStart == at) {
        continue;
      }
      int end = nameStart;
      while (end < source.length && isNamePart(source[end])) {
        end++;
      }
      if (end > nameStart) {
        String name = new String(source, nameStart, end - nameStart, encoding);
        if (isIdentifier(name)) {
          names.add(name);
        }
      }
      i = end - 1;
    }
    return names;
  }

  /** The keyword that starts at {@code i} as a word of its own (not {@code Foo.class}), or null. */
  private static byte[] keywordAt(byte[] source, int i) {
    byte c = source[i];
    if (c != 'c' && c != 'i' && c != 'e' && c != 'r') {
      return null;
    }
    if (i > 0 && (isNamePart(source[i - 1]) || source[i - 1] == '.')) {
      return null;
    }
    for (byte[] k : KEYWORDS) {
      if (k[0] == c && AnnotationNames.startsWith(source, i, k)) {
        return k;
      }
    }
    return null;
  }

  /** An ASCII letter, digit, {@code _} or {@code $}, or any byte of a non-ASCII character. */
  private static boolean isNamePart(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '$' || b < 0;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }

  private static boolean isIdentifier(String name) {
    if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    return name.codePoints().allMatch(Character::isJavaIdentifierPart);
  }

  /** Whether the encoding writes ASCII as ASCII and nothing else with bytes below 0x80. */
  private static boolean asciiCompatible(Charset encoding) {
    String name = encoding.name();
    return encoding.equals(StandardCharsets.UTF_8)
        || encoding.equals(StandardCharsets.US_ASCII)
        || name.startsWith("ISO-8859-")
        || name.startsWith("windows-125");
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }
}
