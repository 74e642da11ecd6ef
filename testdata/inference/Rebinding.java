package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * A parameter given a new value after the one its caller passed was taken only names another
 * value (decision 243): what the body does to the new value says nothing about the caller's.
 * vert.x's `Http1xOrH2CHandler.end` releases the buffer it was given, copies it behind a prefix
 * into a new one, and hands that on under the same name.
 */
public class Rebinding extends ChannelInboundHandlerAdapter {
  private final byte[] prefix = new byte[4];
  private int seen;

  /** Every path of `end` releases the buffer or hands it on: nothing is left to release here. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    end(ctx, buf);
  }

  private void end(ChannelHandlerContext ctx, ByteBuf buf) {
    if (seen > 0) {
      ByteBuf joined = Unpooled.buffer(seen + buf.readableBytes());
      joined.writeBytes(prefix, 0, seen);
      joined.writeBytes(buf);
      buf.release();
      buf = joined;
    }
    ctx.fireChannelRead(buf);
  }

  /** A handler whose helper drops the buffer it was given on one path: that buffer leaks. */
  static final class Dropping extends ChannelInboundHandlerAdapter {
    private int seen;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      ByteBuf buf = (ByteBuf) msg;
      end(ctx, buf);
    }

    private void end(ChannelHandlerContext ctx, ByteBuf buf) {
      if (seen > 0) {
        buf = Unpooled.buffer(seen); // the buffer given is dropped here, never released
      }
      ctx.fireChannelRead(buf);
    }
  }
}
