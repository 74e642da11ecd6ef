package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** A must-release value made inside an expression, read once and dropped. */
public class DroppedTemporaries {
  // readBytes(n) makes a new buffer with its own reference count; toString reads it and drops it.
  String readString(ByteBuf in, int length) {
    return in.readBytes(length).toString(StandardCharsets.UTF_8); // expect: owned-value-leaked
  }

  // Negative: readSlice lends a view of `in`, nothing new to release.
  String readSliceString(ByteBuf in, int length) {
    return in.readSlice(length).toString(StandardCharsets.UTF_8);
  }

  // Negative: kept in a variable and released.
  String readAndRelease(ByteBuf in, int length) {
    ByteBuf bytes = in.readBytes(length);
    try {
      return bytes.toString(StandardCharsets.UTF_8);
    } finally {
      bytes.release();
    }
  }

  // A fresh buffer asked its capacity and dropped.
  int capacityOfNew(ByteBufAllocator alloc) {
    return alloc.buffer().capacity(); // expect: owned-value-leaked
  }

  // Negative: a fluent writer returns the buffer itself, handed to the caller.
  ByteBuf fluent(ByteBufAllocator alloc) {
    return alloc.buffer().writeInt(1);
  }
}
