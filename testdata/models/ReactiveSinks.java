package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import reactor.core.publisher.SynchronousSink;

/**
 * A value emitted into a Reactor sink belongs downstream (decision 244): reactor-netty's
 * `ByteBufFlux` reads a file chunk into a new buffer and emits it, or releases it at the end.
 * And a print writer reports what failed, its close included, through `checkError()`.
 */
public class ReactiveSinks {
  /** Emitted, or released when the file has no more: nothing left to release. */
  static void readChunk(FileChannel fc, ByteBufAllocator alloc, SynchronousSink<ByteBuf> sink) {
    ByteBuf buf = alloc.buffer();
    try {
      if (buf.writeBytes(fc, 4096) < 0) {
        buf.release();
        sink.complete();
      } else {
        sink.next(buf);
      }
    } catch (IOException e) {
      buf.release();
      sink.error(e);
    }
  }

  /** Released after it was emitted: the subscriber's buffer is freed under it. */
  static void releasedAfterEmitting(ByteBufAllocator alloc, SynchronousSink<ByteBuf> sink) {
    ByteBuf buf = alloc.buffer();
    sink.next(buf);
    buf.release(); // expect: use-after-move
  }

  /** At the end of the file the buffer is neither emitted nor released. */
  static void droppedAtTheEnd(FileChannel fc, ByteBufAllocator alloc, SynchronousSink<ByteBuf> sink) throws IOException {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    if (buf.writeBytes(fc, 4096) < 0) {
      sink.complete();
    } else {
      sink.next(buf);
    }
  }

  /** A report written, closed, and its errors asked for: the close's included. */
  static boolean writtenAndChecked(StringWriter target) {
    PrintWriter out = new PrintWriter(target);
    out.println("report");
    out.close();
    return out.checkError();
  }

  /** Written after the close: the line is lost. */
  static void writtenAfterClose(StringWriter target) {
    PrintWriter out = new PrintWriter(target);
    out.close();
    out.println("late"); // expect: use-after-move
  }
}
