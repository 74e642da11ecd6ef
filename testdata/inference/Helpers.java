package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * A project's own helpers, with no annotation: what each does is inferred from its body (D23), and
 * callers in other files are checked against it (Callers.java).
 */
public final class Helpers {
  private Helpers() {}

  /** Closes, and swallows the failure: an idempotent consumption (null ignored). */
  public static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  /** Releases its argument. */
  static void release(ByteBuf buf) {
    buf.release();
  }

  /** Closes on one path only: nothing is inferred. */
  static void closeIfEmpty(InputStream in, boolean empty) throws IOException {
    if (empty) {
      in.close();
    }
  }

  /** Reads from its argument and leaves it open: nothing is inferred. */
  static int firstByte(InputStream in) throws IOException {
    return in.read();
  }

  /** A fresh stream the caller must close. */
  static Stream<String> lines(Path p) {
    try {
      return Files.lines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh buffer the caller must release. */
  static ByteBuf heapBuffer(ByteBufAllocator alloc, int size) {
    return alloc.heapBuffer(size);
  }

  /** A copy: what it returns is a new, independent buffer the caller owns. */
  static ByteBuf copyOf(ByteBuf buf) {
    return buf.copy();
  }

  /** A result that borrows from the statement. */
  static ResultSet query(Statement st, String sql) throws SQLException {
    return st.executeQuery(sql);
  }
}
