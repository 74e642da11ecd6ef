package org.borrowck4j.cli;

/** {@code --color auto|always|never}. */
enum ColorMode {
  auto,
  always,
  never;

  /**
   * Whether findings are coloured. {@code always} and {@code never} are the user's word. {@code
   * auto} follows the conventions: {@code NO_COLOR} set to anything but the empty string turns it
   * off (no-color.org), {@code FORCE_COLOR} likewise turns it on (force-color.org), and otherwise
   * colour needs a terminal that can show it (not {@code TERM=dumb}). A report written to a file
   * is never coloured.
   */
  boolean enabled(Environment env, boolean toFile) {
    if (toFile || this == never) {
      return false;
    }
    if (this == always) {
      return true;
    }
    if (!env.get("NO_COLOR").isEmpty()) {
      return false;
    }
    if (!env.get("FORCE_COLOR").isEmpty()) {
      return true;
    }
    return env.capableTerminal();
  }
}
