package org.borrowck4j.rules.settings;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A path pattern of {@code [files] include/exclude} and {@code --exclude}, matched against a
 * file's path relative to {@code base} (the configuration file's directory, or the working
 * directory for the command line), with {@code /} between names whatever the OS (decision 101).
 * The syntax is gitignore's and Ant's, which Java teams already write:
 *
 * <ul>
 *   <li>{@code *} any characters but {@code /}; {@code ?} one of them; {@code **} any number of
 *       directories; {@code {a,b}} either; {@code [abc]} one of the characters;
 *   <li>a pattern without {@code /} matches a name at any depth ({@code target}, {@code
 *       *Generated.java}); one starting with {@code /} only at the base;
 *   <li>a pattern that matches a directory matches everything in it ({@code build/generated}).
 * </ul>
 *
 * A file outside the base is matched by its absolute path, so {@code **}-patterns still apply.
 *
 * @param pattern as written
 * @param origin where it was written, for messages ({@code --exclude}, {@code borrowck.toml [files]
 *     exclude})
 */
public record Glob(String pattern, Path base, String origin) {
  public Glob {
    base = base.toAbsolutePath().normalize();
  }

  /** Whether the pattern matches the file or a directory above it (inside the base). */
  public boolean matches(Path file) {
    return regex().matcher(relative(file)).matches();
  }

  /**
   * Whether everything in the directory matches, so a walk need not read it: the pattern matches
   * the directory itself, or ends in {@code /**} and matches what is in it.
   */
  public boolean matchesAllIn(Path directory) {
    String p = pattern.strip();
    return matches(directory) || ((p.endsWith("/**") || p.endsWith("/**/")) && matches(directory.resolve("any")));
  }

  /** Where the glob came from and what it says, for a message: {@code --exclude "target"}. */
  public String describe() {
    return origin + " \"" + pattern + "\"";
  }

  private String relative(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  /** Compiled once per pattern: a walk matches every file and directory against every glob. */
  private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

  private Pattern regex() {
    return COMPILED.computeIfAbsent(pattern, Glob::compile);
  }

  private static Pattern compile(String pattern) {
    String p = pattern.strip().replace('\\', '/');
    if (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1); // "target/" names the directory, as in gitignore
    }
    boolean anchored = p.startsWith("/");
    if (anchored) {
      p = p.substring(1);
    } else if (!p.contains("/")) {
      p = "**/" + p;
    }
    return Pattern.compile(translate(p) + "(?:/.*)?");
  }

  /** The glob as a regular expression over {@code /}-separated relative paths. */
  static String translate(String glob) {
    StringBuilder re = new StringBuilder();
    int alternatives = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && glob.startsWith("**", i)) {
        boolean wholeName = (i == 0 || glob.charAt(i - 1) == '/') && (i + 2 == glob.length() || glob.charAt(i + 2) == '/');
        if (wholeName && i + 2 < glob.length()) {
          re.append("(?:.*/)?"); // "**/": zero or more directories
          i += 2;
        } else {
          re.append(".*");
          i += 1;
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '{') {
        alternatives++;
        re.append("(?:");
      } else if (c == ',' && alternatives > 0) {
        re.append('|');
      } else if (c == '}' && alternatives > 0) {
        alternatives--;
        re.append(')');
      } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
        int end = glob.indexOf(']', i + 1);
        String chars = glob.substring(i + 1, end);
        re.append('[').append(chars.startsWith("!") ? "^" + Pattern.quote(chars.substring(1)) : Pattern.quote(chars)).append(']');
        i = end;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    re.append(")".repeat(alternatives));
    return re.toString();
  }
}
