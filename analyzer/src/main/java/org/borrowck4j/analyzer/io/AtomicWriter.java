package org.borrowck4j.analyzer.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Writes every file borrowck produces — reports, SARIF, baselines, the compiled models, and the
 * result cache's entries — whole or not at all, as javac and Maven do: the content goes to a
 * temporary file in the target's directory, is flushed, and is renamed over the target in one
 * step. A run killed at any moment (Ctrl-C, a CI timeout, a full disk) leaves the previous file
 * byte for byte, or the new one complete; never a truncated mix. No other code writes files.
 *
 * <p>Two operations:
 *
 * <ul>
 *   <li>{@link #replace} for outputs a user keeps: synced to the disk before and after the rename,
 *       so a power cut cannot leave an empty file under the old name either. Where the file
 *       system cannot rename atomically, the file is replaced in place with a warning.
 *   <li>{@link #publish} for immutable, content-addressed entries (the result cache): an entry
 *       that exists is never rewritten, and one that is published appears whole or not at all;
 *       never replaced in place. Not synced: see {@link #publish} for what readers must do.
 * </ul>
 *
 * <p>An interrupted thread commits nothing: if it is interrupted before the rename, the write is
 * abandoned with {@link InterruptedIOException} and the target is untouched. Failures are {@link
 * CannotWrite}, whose message names the file and the operating system's reason. Temporary files
 * are named {@code .<name>.<random>.tmp} beside the target and removed on every failure; only a
 * process killed outright between creating and renaming one leaves it behind.
 *
 * <p>Thread-safe, and safe across processes: concurrent writers of one target each rename a
 * complete file of their own, the last one wins.
 */
public final class AtomicWriter {
  private final Consumer<String> warnings;
  private final WriteSteps steps;

  /** @param warnings told, in one line, when a file could only be replaced in place */
  public AtomicWriter(Consumer<String> warnings) {
    this(warnings, WriteSteps.DISK);
  }

  /** A writer whose disk steps are {@code steps}: {@link WriteFaults} in tests. */
  public AtomicWriter(Consumer<String> warnings, WriteSteps steps) {
    this.warnings = warnings;
    this.steps = steps;
  }

  /** {@link #replace(Path, byte[])} with the text in UTF-8. */
  public void replace(Path target, String text) throws IOException {
    replace(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces {@code target} (creating it and its missing directories) with {@code content}. A
   * symbolic link is written through, not replaced by a file; a device or a pipe ({@code
   * /dev/stdout}) is written into, since there is no file to keep. A target that exists must be
   * writable, as for an in-place write: a file made read-only is refused, not silently replaced.
   *
   * @throws CannotWrite when it could not be written; the target is as it was
   * @throws InterruptedIOException when the thread was interrupted; the target is as it was
   */
  public void replace(Path target, byte[] content) throws IOException {
    write(target, content, true);
  }

  /**
   * Publishes an immutable entry of a content-addressed store (the result cache): when {@code
   * entry} exists, it is left alone and false is returned, since an entry's name stands for its
   * content; else it is written to a temporary file and renamed into place in one step, so
   * readers see it whole or not at all. Two processes publishing one entry at once both succeed
   * and leave one complete file (the same bytes). On a file system without atomic rename nothing
   * is published ({@link CannotWrite}): an entry replaced in place could be read half-written.
   *
   * <p>Entries are not synced to the disk (a cache has many, and each can be recomputed), so
   * after a power cut one may be empty or short: a reader must check each entry it reads (a
   * header with a format tag and the length or digest of its content) and treat one that fails as
   * missing (delete it, so it can be published again), and ignore files whose names are not
   * entry names (temporary files, other tools' files).
   *
   * @return whether this call published the entry
   * @throws CannotWrite when it could not be published
   * @throws InterruptedIOException when the thread was interrupted; nothing was published
   */
  public boolean publish(Path entry, byte[] content) throws IOException {
    if (Files.exists(entry)) {
      return false;
    }
    write(entry, content, false);
    return true;
  }

  /** {@code userFile}: {@link #replace}, else {@link #publish}. */
  private void write(Path target, byte[] content, boolean userFile) throws IOException {
    try {
      stopIfInterrupted(target);
      if (isStream(target)) {
        writeInto(target, content);
      } else {
        writeBeside(target, writableFile(target), content, userFile);
      }
    } catch (CannotWrite | InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        // An interrupt closes the channel being written (ClosedByInterruptException).
        throw (InterruptedIOException) new InterruptedIOException("interrupted: " + target + " not written").initCause(e);
      }
      throw new CannotWrite(target, OsReason.of(e), e);
    }
  }

  /**
   * The file to replace (a link's target), checked as an in-place write would check it, with its
   * directory made if missing.
   */
  private static Path writableFile(Path target) throws IOException {
    Path file = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
    if (Files.isDirectory(file)) {
      throw new CannotWrite(target, "Is a directory", null);
    }
    if (Files.exists(file)) {
      // Opening for writing changes nothing, and fails as an in-place write would.
      FileChannel.open(file, StandardOpenOption.WRITE).close();
    }
    Path dir = file.toAbsolutePath().getParent();
    if (Files.notExists(dir)) {
      Files.createDirectories(dir);
    }
    return file;
  }

  /** Writes a temporary file beside {@code file} and renames it over it; removes it on failure. */
  private void writeBeside(Path target, Path file, byte[] content, boolean userFile) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = createTemporary(dir, file.getFileName().toString());
    try {
      keepPermissions(file, temp);
      fill(temp, content, userFile);
      stopIfInterrupted(target); // the last moment at which the old file can be kept
      rename(target, temp, file, userFile);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp);
      throw e;
    }
    if (userFile) {
      syncDirectory(dir);
    }
  }

  private static void stopIfInterrupted(Path target) throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted: " + target + " not written");
    }
  }

  /** A device or a pipe ({@code -o /dev/stdout}): a stream to write into, not a file to replace. */
  private static boolean isStream(Path target) {
    return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  private static void writeInto(Path stream, byte[] content) throws IOException {
    try (OutputStream out = Files.newOutputStream(stream, StandardOpenOption.WRITE)) {
      out.write(content);
    }
  }

  /** Longest part of the target's name kept in a temporary file's (names are at most 255 bytes). */
  private static final int NAME_KEPT = 100;

  /** A new, empty file beside the target, with a name no other writer uses. */
  private static Path createTemporary(Path dir, String name) throws IOException {
    String prefix = "." + (name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name) + ".";
    while (true) {
      Path temp = dir.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        // Another writer's, by a 1 in 2^64 chance: draw another name.
      }
    }
  }

  /** A replaced file keeps its mode (a baseline kept private stays private). */
  private static void keepPermissions(Path from, Path to) {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view == null || !Files.exists(from)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    } catch (IOException | UnsupportedOperationException e) {
      // The file gets the default mode: what a newly created file would have.
    }
  }

  private void fill(Path temp, byte[] content, boolean sync) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      OutputStream out = steps.toTemporaryFile(Channels.newOutputStream(channel));
      out.write(content);
      out.flush();
      if (sync) {
        channel.force(true);
      }
    }
  }

  private void rename(Path target, Path temp, Path file, boolean mayReplaceInPlace) throws IOException {
    try {
      steps.renameAtomically(temp, file);
    } catch (AtomicMoveNotSupportedException e) {
      if (!mayReplaceInPlace) {
        throw new CannotWrite(target, "the file system cannot rename atomically", e);
      }
      warnings.accept(
          target + ": the file system cannot replace files atomically; replaced in place (an interruption now could leave it incomplete)");
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Makes the rename itself durable. Best effort: where a directory cannot be opened for it
   * (Windows), the rename has still happened.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not durable against a power cut, but written.
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A stray temporary file; the target is unharmed.
    }
  }
}
