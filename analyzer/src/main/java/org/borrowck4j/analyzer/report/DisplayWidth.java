package org.borrowck4j.analyzer.report;

/**
 * How many terminal columns a character takes, as terminals draw them (wcwidth): two for East
 * Asian wide and fullwidth characters and emoji, none for combining marks, zero-width joiners and
 * variation selectors, four for a tab (rustc shows a tab as four spaces), one for the rest. The
 * underlines of the text output are placed by these widths, so they stay under their code after
 * CJK text or an emoji in the same line.
 */
final class DisplayWidth {
  private DisplayWidth() {}

  static final int TAB = 4;

  /** The columns of one code point. */
  static int of(int codePoint) {
    if (codePoint == '\t') {
      return TAB;
    }
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || codePoint == 0x200B || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)) {
      return 0;
    }
    return wide(codePoint) ? 2 : 1;
  }

  /** The columns of a string. */
  static int of(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      width += of(cp);
      i += Character.charCount(cp);
    }
    return width;
  }

  /** East Asian Wide (W) and Fullwidth (F), and the emoji shown two columns wide. */
  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo initials
        || (cp >= 0x231A && cp <= 0x231B)
        || (cp >= 0x2329 && cp <= 0x232A)
        || (cp >= 0x23E9 && cp <= 0x23EC)
        || (cp >= 0x25FD && cp <= 0x25FE)
        || (cp >= 0x2614 && cp <= 0x2615)
        || (cp >= 0x2648 && cp <= 0x2653)
        || (cp >= 0x26AA && cp <= 0x26AB)
        || (cp >= 0x26BD && cp <= 0x26BE)
        || (cp >= 0x26C4 && cp <= 0x26C5)
        || cp == 0x2705 || cp == 0x270A || cp == 0x270B || cp == 0x2728 || cp == 0x274C || cp == 0x2757
        || (cp >= 0x2795 && cp <= 0x2797)
        || cp == 0x27B0 || cp == 0x27BF || cp == 0x2B50 || cp == 0x2B55
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, Kangxi, CJK symbols and punctuation
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, bopomofo, Hangul compatibility, CJK compatibility
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
        || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE10 && cp <= 0xFE19)
        || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms, small forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x16FE0 && cp <= 0x18CFF) // Tangut and more
        || (cp >= 0x1B000 && cp <= 0x1B2FF) // kana supplement, Nushu
        || cp == 0x1F004 || cp == 0x1F0CF || cp == 0x1F18E
        || (cp >= 0x1F191 && cp <= 0x1F19A)
        || (cp >= 0x1F200 && cp <= 0x1F251)
        || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
        || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
        || (cp >= 0x1F7E0 && cp <= 0x1F7EB)
        || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
        || (cp >= 0x1FA70 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x2FFFD) // CJK extensions B to F
        || (cp >= 0x30000 && cp <= 0x3FFFD);
  }
}
