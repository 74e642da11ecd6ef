package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;

/**
 * A stream over a buffer: told to release it on close, the stream and the buffer are one resource
 * with two handles (D19); without the flag the stream only reads it.
 */
public class ByteBufStreams {
  /** Netty's ObjectDecoder: the stream releases the frame when it is closed. */
  Object releasedOnClose(byte[] bytes) throws IOException, ClassNotFoundException {
    ByteBuf frame = Unpooled.wrappedBuffer(bytes);
    ObjectInputStream ois = new ObjectInputStream(new ByteBufInputStream(frame, true));
    try {
      return ois.readObject();
    } finally {
      ois.close();
    }
  }

  /** The frame was released with the stream: reading it again fails. */
  int readAfterTheStreamReleasedIt(byte[] bytes) throws IOException {
    ByteBuf frame = Unpooled.wrappedBuffer(bytes);
    InputStream in = new ByteBufInputStream(frame, true);
    int first = in.read();
    in.close();
    return first + frame.readByte(); // expect: use-after-move
  }

  /** Without the flag the buffer stays the caller's to release. */
  int readOnly(byte[] bytes) throws IOException {
    ByteBuf frame = PooledByteBufAllocator.DEFAULT.buffer(); // expect: owned-value-leaked
    frame.writeBytes(bytes);
    try (InputStream in = new ByteBufInputStream(frame)) {
      return in.read();
    }
  }

  int readThenRelease(byte[] bytes) throws IOException {
    ByteBuf frame = PooledByteBufAllocator.DEFAULT.buffer();
    frame.writeBytes(bytes);
    try (InputStream in = new ByteBufInputStream(frame)) {
      return in.read();
    } finally {
      frame.release();
    }
  }
}
