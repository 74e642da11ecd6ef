package models;

import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;

/**
 * A user event fired down the pipeline is handed on with its reference count: the handler that
 * takes it releases it, and the pipeline's tail releases one nobody took (decision 322; Netty's
 * `Http2MultiplexCodec` fires a retained duplicate of a GOAWAY frame to each stream's pipeline).
 */
public class UserEvents {

  // Negative: the duplicate is the pipeline's to release.
  static void goAway(ChannelHandlerContext ctx, ByteBufHolder frame) {
    ctx.fireUserEventTriggered(frame.retainedDuplicate());
  }

  // Negative: the same through a channel's pipeline.
  static void goAwayToStream(Channel stream, ByteBufHolder frame) {
    stream.pipeline().fireUserEventTriggered(frame.retainedDuplicate());
  }

  // Positive, side by side: a retained duplicate printed and dropped is never released.
  static void printed(ByteBufHolder frame) {
    System.out.println(frame.retainedDuplicate()); // expect: owned-value-leaked
  }
}
