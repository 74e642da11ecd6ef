package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Callers of the project's own helpers (Helpers.java), checked against what the helpers do. */
public class Callers {

  int readAfterCloseQuietly(InputStream in) throws IOException {
    Helpers.closeQuietly(in);
    return in.read(); // expect: use-after-move
  }

  // Negative: closing again after an idempotent close is harmless.
  void closeQuietlyTwice(InputStream in) throws IOException {
    Helpers.closeQuietly(in);
    in.close();
  }

  // Negative: the helper that only reads leaves the stream open.
  int readTwice(InputStream in) throws IOException {
    int a = Helpers.firstByte(in);
    return a + in.read();
  }

  // Negative: the helper closes on one path only; nothing is inferred, nothing guessed.
  int readAfterMaybeClosed(InputStream in, boolean empty) throws IOException {
    Helpers.closeIfEmpty(in, empty);
    return empty ? -1 : in.read();
  }

  int useAfterRelease(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    Helpers.release(buf);
    return buf.readableBytes(); // expect: use-after-move
  }

  // Negative: released by the helper, not used after.
  void releasedByHelper(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    Helpers.release(buf);
  }

  long streamReused(Path p) {
    try (Stream<String> lines = Helpers.lines(p)) {
      long n = lines.count();
      return n + lines.count(); // expect: use-after-move
    }
  }

  long streamLeaked(Path p) {
    Stream<String> lines = Helpers.lines(p); // expect: owned-value-leaked
    return lines.count();
  }

  // Negative: the stream from the helper closed by try-with-resources.
  List<String> streamClosed(Path p) {
    try (Stream<String> lines = Helpers.lines(p)) {
      return lines.collect(Collectors.toList());
    }
  }

  int bufferLeaked(ByteBufAllocator alloc) {
    ByteBuf buf = Helpers.heapBuffer(alloc, 16); // expect: owned-value-leaked
    buf.writeInt(7);
    return buf.readableBytes();
  }

  // Negative: the helper's buffer released.
  int bufferReleased(ByteBufAllocator alloc) {
    ByteBuf buf = Helpers.heapBuffer(alloc, 16);
    try {
      buf.writeInt(7);
      return buf.readableBytes();
    } finally {
      buf.release();
    }
  }

  // Negative: the copy is independent; releasing the original leaves it usable.
  int copyOutlivesOriginal(ByteBuf original) {
    ByteBuf copy = Helpers.copyOf(original);
    original.release();
    try {
      return copy.readableBytes();
    } finally {
      copy.release();
    }
  }

  int resultAfterStatementClosed(Connection conn) throws SQLException {
    ResultSet rs;
    try (Statement st = conn.createStatement()) {
      rs = Helpers.query(st, "SELECT 1");
    }
    return rs.next() ? rs.getInt(1) : 0; // expect: outlives-owner
  }

  // Negative: the result read while the statement is open.
  int resultWhileOpen(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = Helpers.query(st, "SELECT 1")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
