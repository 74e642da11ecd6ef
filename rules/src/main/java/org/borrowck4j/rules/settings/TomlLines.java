package org.borrowck4j.rules.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line each key of a TOML document is written on, for messages: the TOML parser hands over a
 * tree without positions. Reads table headers ({@code [files]}) and {@code key = value} lines, bare
 * or quoted, outside multi-line arrays and strings; anything it does not recognise simply has no
 * line, and the message then names the table's line.
 */
final class TomlLines {
  private static final Pattern TABLE = Pattern.compile("\\s*\\[\\s*([^\\[\\]]+?)\\s*]\\s*(#.*)?");
  private static final Pattern KEY = Pattern.compile("\\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\\s*=.*");

  private final Map<String, Integer> lines = new HashMap<>();

  TomlLines(String text) {
    String table = "";
    int depth = 0; // open brackets of a value that goes on over several lines
    boolean inLongString = false;
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i];
      int quotes = count(line, "\"\"\"") + count(line, "'''");
      if (inLongString) {
        inLongString = quotes % 2 == 0;
        continue;
      }
      if (depth == 0) {
        Matcher t = TABLE.matcher(line);
        Matcher k = KEY.matcher(line);
        if (t.matches()) {
          table = unquote(t.group(1));
          lines.putIfAbsent(table, i + 1);
        } else if (k.matches()) {
          lines.putIfAbsent(table.isEmpty() ? unquote(k.group(1)) : table + "." + unquote(k.group(1)), i + 1);
        }
      }
      depth = Math.max(0, depth + brackets(line));
      inLongString = quotes % 2 == 1;
    }
  }

  /** The 1-based line of {@code table.key} (or of a table), else of its table, else 1. */
  int of(String table, String key) {
    String full = table.isEmpty() ? key : table + "." + key;
    return lines.getOrDefault(full, lines.getOrDefault(table, 1));
  }

  private static String unquote(String key) {
    String k = key.strip();
    return k.length() >= 2 && (k.startsWith("\"") || k.startsWith("'")) ? k.substring(1, k.length() - 1) : k;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  /** Open minus closed brackets outside strings and comments. */
  private static int brackets(String line) {
    int n = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        break;
      } else if (c == '[' || c == '{') {
        n++;
      } else if (c == ']' || c == '}') {
        n--;
      }
    }
    return n;
  }
}
