package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;

/**
 * Buffers from Netty's shared allocators, named without a context: {@code ByteBufAllocator.DEFAULT},
 * {@code PooledByteBufAllocator.DEFAULT}, {@code UnpooledByteBufAllocator.DEFAULT}. Each buffer is
 * the caller's to release, as one from {@code ctx.alloc()} is.
 */
public class DefaultAllocators {
  /** A codec's warm-up: the encoded buffer is read and never released (a pooled buffer leaks). */
  int encodedLength(byte[] value) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(); // expect: owned-value-leaked
    buf.writeBytes(value);
    return buf.readableBytes();
  }

  /** The same, released on every path. */
  int encodedLengthReleased(byte[] value) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      buf.writeBytes(value);
      return buf.readableBytes();
    } finally {
      buf.release();
    }
  }

  /** A pooled direct buffer dropped when the write fails validation. */
  void sendChecked(ChannelHandlerContext ctx, byte[] payload) {
    ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(payload.length); // expect: owned-value-leaked
    if (payload.length == 0) {
      return;
    }
    out.writeBytes(payload);
    ctx.writeAndFlush(out);
  }

  /** Handed on, or released where it is not. */
  void sendCheckedReleased(ChannelHandlerContext ctx, byte[] payload) {
    ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(payload.length);
    if (payload.length == 0) {
      out.release();
      return;
    }
    out.writeBytes(payload);
    ctx.writeAndFlush(out);
  }

  /** Released, then read. */
  int readAfterRelease() {
    ByteBuf buf = UnpooledByteBufAllocator.DEFAULT.heapBuffer(8);
    buf.writeInt(42);
    buf.release();
    return buf.readInt(); // expect: use-after-move
  }

  /** A helper that makes a buffer for its caller returns it: the caller owns it. */
  ByteBuf header(int length) {
    ByteBuf buf = UnpooledByteBufAllocator.DEFAULT.heapBuffer(4);
    buf.writeInt(length);
    return buf;
  }
}
