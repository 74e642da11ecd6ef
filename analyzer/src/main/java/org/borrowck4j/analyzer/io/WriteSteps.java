package org.borrowck4j.analyzer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The two steps of an {@link AtomicWriter atomic write} that fail on their own in real life: the
 * bytes going into the temporary file (a disk that fills up half-way) and the rename over the
 * target (a file system that cannot rename atomically). The writer takes them from here so that a
 * test can make them fail deterministically ({@link WriteFaults}) and show that every kind of
 * output survives it; everything else the writer does is the same in tests and in use.
 */
public interface WriteSteps {
  /** The real disk. */
  WriteSteps DISK = new WriteSteps() {};

  /** The stream the content is written to, given the one into the temporary file. */
  default OutputStream toTemporaryFile(OutputStream stream) {
    return stream;
  }

  /** Renames {@code from} over {@code to} in one step, or throws. */
  default void renameAtomically(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }
}
