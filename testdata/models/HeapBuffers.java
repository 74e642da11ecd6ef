package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * A heap buffer around the caller's array, or a copy into a new heap buffer, holds only memory
 * the collector reclaims: dropping it leaks nothing (decision 332). It is still an owner, and an
 * allocation is still to release.
 */
public class HeapBuffers {
  // Negative (ZooKeeper's HexDumpOutputFormatter, PLC4X's S7CyclicEvent): wrapped, read, dropped.
  String hexDump(byte[] data) {
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    return ByteBufUtil.prettyHexDump(buf);
  }

  // Negative: a copy lent to a reader and dropped.
  int quoteCount(ByteBuf packet) {
    return ByteBufUtil.indexOf(Unpooled.copiedBuffer("\"", StandardCharsets.UTF_8), packet);
  }

  // An allocation read and dropped: its memory may be pooled or direct.
  short firstShort(byte[] data) {
    ByteBuf buf = Unpooled.directBuffer(data.length); // expect: owned-value-leaked
    buf.writeBytes(data);
    return buf.getShort(0);
  }

  // One branch allocates: the duty is that branch's.
  int length(byte[] data, boolean direct) {
    ByteBuf buf = direct ? Unpooled.directBuffer(data.length) : Unpooled.wrappedBuffer(data); // expect: owned-value-leaked
    return buf.readableBytes();
  }

  // A wrapped buffer released, then read: its reference count is gone.
  short readAfterRelease(byte[] data) {
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    buf.release();
    return buf.getShort(0); // expect: use-after-move
  }
}
