package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;

/**
 * Netty messages that hold a buffer (ByteBufHolder: HttpContent, WebSocketFrame, DatagramPacket):
 * reference counted like the buffer they hold; content() lends it.
 */
public class NettyHolders {

  // The message released, then its content read.
  int contentAfterRelease() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    msg.release();
    return msg.content().readableBytes(); // expect: use-after-move
  }

  // Negative: read, then released.
  int contentThenRelease() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    try {
      return msg.content().readableBytes();
    } finally {
      msg.release();
    }
  }

  // The content kept past the release of its holder.
  byte contentKeptPastRelease() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ByteBuf content = msg.content();
    msg.release(); // expect: move-while-borrowed
    return content.getByte(0);
  }

  // A message nobody releases or sends.
  int messageLeaked() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8)); // expect: owned-value-leaked
    return msg.content().capacity();
  }

  // Negative: written, so Netty releases it.
  void messageWritten(ChannelHandlerContext ctx) {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    msg.content().writeInt(1);
    ctx.writeAndFlush(msg);
  }

  // Negative: a copy is a message of its own, released on its own.
  int copyOutlivesOriginal(ByteBufHolder original) {
    ByteBufHolder copy = original.copy();
    original.release();
    try {
      return copy.content().readableBytes();
    } finally {
      copy.release();
    }
  }
}
