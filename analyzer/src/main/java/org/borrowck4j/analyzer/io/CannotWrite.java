package org.borrowck4j.analyzer.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that could not be written, and why in the OS's words: its message is the one line a
 * user sees ({@code cannot write target/borrowck.sarif: Permission denied}). Whatever was there
 * before is unchanged.
 */
public final class CannotWrite extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String reason;

  public CannotWrite(Path file, String reason, Throwable cause) {
    super("cannot write " + file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The file as the caller named it. */
  public Path file() {
    return file;
  }

  /** The operating system's reason ("Permission denied", "No space left on device"). */
  public String reason() {
    return reason;
  }
}
