package org.borrowck4j.analyzer.engine;

/**
 * Something the tool itself has to say: a file it could not read, a method it gave up on, an
 * internal error. Not a finding about the code.
 *
 * @param file the file as displayed, or null for the whole run
 * @param line 1-based, or 0 when there is no position
 */
public record Notification(Level level, String file, int line, int column, String message) {
  public enum Level {
    ERROR,
    WARNING,
    NOTE
  }
}
