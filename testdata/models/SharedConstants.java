package models;

import static io.netty.buffer.Unpooled.EMPTY_BUFFER;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.EmptyByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * A value compared equal to a static field is the shared constant the field holds, which its
 * class keeps and nobody here owns (decision 248): Netty's empty buffer needs no release.
 */
public class SharedConstants {

  // Negative: the shared empty buffer is dropped, anything else handed on (reactor-netty's
  // ChannelOperationsHandler).
  static final class SkipEmpty extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg == null || msg == Unpooled.EMPTY_BUFFER) {
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  // Negative: the same through a static import (armeria's `msg == EMPTY_LAST_CONTENT`).
  static final class SkipEmptyImported extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg == EMPTY_BUFFER) {
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  private static final ByteBuf NOTHING = Unpooled.EMPTY_BUFFER;

  // Negative: a buffer tested with != against a constant of the class's own.
  void writeUnlessNothing(ChannelHandlerContext ctx, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(8);
    if (buf != NOTHING) {
      ctx.write(buf);
    }
  }

  // The test turned round: the buffer that is not the constant is the one dropped.
  static final class SkipAllButEmpty extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      if (msg != Unpooled.EMPTY_BUFFER) {
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  // Negative: an EmptyByteBuf is not reference counted, its release() does nothing (decision 328;
  // reactor-netty's ChannelOperationsHandler tests both).
  static final class SkipEmptyType extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg == null || msg == Unpooled.EMPTY_BUFFER || msg instanceof EmptyByteBuf) {
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  // A composite buffer holds components to release: dropping it leaks.
  static final class SkipComposites extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      if (msg instanceof CompositeByteBuf) {
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  // A buffer compared with an instance field holds nothing shared: dropping it leaks.
  private ByteBuf last;

  void writeUnlessLast(ChannelHandlerContext ctx, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(8); // expect: owned-value-leaked
    if (buf == last) {
      return;
    }
    ctx.write(buf);
  }
}
