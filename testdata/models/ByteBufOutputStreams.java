package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * A stream that writes into the buffer it was built with: {@code os.buffer()} is that very
 * buffer (decision 235). The stream neither owns nor releases it: closing the stream leaves the
 * buffer to its caller.
 */
public class ByteBufOutputStreams {
  /** A codec's encoder: the buffer written is handed to the caller (no leak here). */
  ByteBuf encode(Object value) throws IOException {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    try {
      ByteBufOutputStream os = new ByteBufOutputStream(out);
      try (ObjectOutputStream oos = new ObjectOutputStream(os)) {
        oos.writeObject(value);
      }
      return os.buffer();
    } catch (IOException e) {
      out.release();
      throw e;
    }
  }

  /** So the caller owns what `encode` returns, as if it returned `out`: dropped, it leaks. */
  int encodedLength(Object value) throws IOException {
    ByteBuf encoded = encode(value); // expect: owned-value-leaked
    return encoded.readableBytes();
  }

  /** Released in a finally: clean. */
  int encodedLengthReleased(Object value) throws IOException {
    ByteBuf encoded = encode(value);
    try {
      return encoded.readableBytes();
    } finally {
      encoded.release();
    }
  }

  /** The buffer reached through the stream after it was released is the released buffer. */
  int readAfterRelease() throws IOException {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    ByteBufOutputStream os = new ByteBufOutputStream(out);
    os.writeInt(42);
    out.release();
    return os.buffer().readInt(); // expect: use-after-move
  }

  /** Released through the stream's buffer: the buffer is released, once. */
  int releasedThroughTheStream() throws IOException {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    ByteBufOutputStream os = new ByteBufOutputStream(out);
    os.writeInt(42);
    int n = out.readableBytes();
    os.buffer().release();
    return n;
  }

  /** Closing the stream does not release the buffer (Netty 4.1): it still has to be released. */
  void closedOnly() throws IOException {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer(); // expect: owned-value-leaked
    ByteBufOutputStream os = new ByteBufOutputStream(out);
    os.writeInt(42);
    os.close();
  }

  /** Closing the stream and releasing the buffer: clean. */
  void closedAndReleased() throws IOException {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    ByteBufOutputStream os = new ByteBufOutputStream(out);
    try {
      os.writeInt(42);
      os.close();
    } finally {
      out.release();
    }
  }

  /** Told to release the buffer on close, the stream and the buffer are one resource (D19). */
  void releasedOnClose() throws IOException {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    try (ByteBufOutputStream os = new ByteBufOutputStream(out, true)) {
      os.writeInt(42);
    }
  }

  /**
   * A stream over a buffer the method was given: what it returns is the caller's own argument,
   * not a fresh buffer, so nothing is inferred about ownership and the caller's buffer stays its
   * own to release.
   */
  ByteBuf writeInto(ByteBuf target, int value) throws IOException {
    ByteBufOutputStream os = new ByteBufOutputStream(target);
    os.writeInt(value);
    return os.buffer();
  }

  int writeIntoReleased(int value) throws IOException {
    ByteBuf target = ByteBufAllocator.DEFAULT.buffer();
    try {
      return writeInto(target, value).readableBytes();
    } finally {
      target.release();
    }
  }
}
