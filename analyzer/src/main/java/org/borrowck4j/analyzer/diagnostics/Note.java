package org.borrowck4j.analyzer.diagnostics;

/** A line after the snippet: {@code = help: …} or {@code = note: …}. */
public record Note(Kind kind, String text) {
  public enum Kind {
    HELP,
    NOTE;

    public String word() {
      return this == HELP ? "help" : "note";
    }
  }

  public static Note help(String text) {
    return new Note(Kind.HELP, text);
  }

  public static Note note(String text) {
    return new Note(Kind.NOTE, text);
  }
}
