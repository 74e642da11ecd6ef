package org.borrowck4j.analyzer.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The faults a write meets, for the tests of every module that writes a file (reports, SARIF,
 * baselines, the compiled models): faulty {@link WriteSteps} and read-only places. Kept here,
 * beside the writer, so that each module's tests use the same faults rather than a copy of their
 * own.
 */
public final class WriteFaults {
  private WriteFaults() {}

  /**
   * A disk that takes {@code bytes} bytes of the content and then fails with {@code reason} (as a
   * full disk fails with "No space left on device"): the write stops half-way.
   */
  public static WriteSteps failingAfter(long bytes, String reason) {
    return new WriteSteps() {
      @Override
      public OutputStream toTemporaryFile(OutputStream stream) {
        return new FailingAfter(stream, bytes, reason);
      }
    };
  }

  /** A file system that cannot rename atomically (some network and FUSE file systems). */
  public static WriteSteps withoutAtomicRename() {
    return new WriteSteps() {
      @Override
      public void renameAtomically(Path from, Path to) throws IOException {
        throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "atomic rename not supported");
      }
    };
  }

  /**
   * Makes {@code path} read-only, as {@code chmod a-w} does; false where that stops no write (as
   * root, or without POSIX permissions), so that a test can skip: use a path under a regular file
   * there, which fails for everyone ("Not a directory").
   */
  public static boolean readOnly(Path path) throws IOException {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
      return false;
    }
    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
    permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
    Files.setPosixFilePermissions(path, permissions);
    return !Files.isWritable(path);
  }

  private static final class FailingAfter extends FilterOutputStream {
    private long room;
    private final String reason;

    FailingAfter(OutputStream out, long room, String reason) {
      super(out);
      this.room = room;
      this.reason = reason;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int taken = (int) Math.min(len, room);
      out.write(b, off, taken);
      room -= taken;
      if (taken < len) {
        // What was taken really reaches the temporary file, as on a disk that filled up.
        out.flush();
        throw new IOException(reason);
      }
    }
  }
}
