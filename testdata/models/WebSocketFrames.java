package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.*;
import java.util.List;

/**
 * WebSocket frames hold their payload (decision 270): releasing the frame releases it, its
 * content is a second handle on it, and so is a frame made around a buffer (decision 275).
 */
public class WebSocketFrames {

  /** Negative: a binary frame's payload is handed on, any other frame released (HiveMQ). */
  static final class Unwrapping extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof WebSocketFrame) {
        final WebSocketFrame frame = (WebSocketFrame) msg;
        if (msg instanceof BinaryWebSocketFrame) {
          ctx.fireChannelRead(frame.content());
        } else {
          frame.release();
        }
      } else {
        ctx.fireChannelRead(msg);
      }
    }
  }

  /** Negative: a ping is answered with a pong around its own payload. */
  static final class Answering extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof WebSocketFrame) {
        final WebSocketFrame frame = (WebSocketFrame) msg;
        if (msg instanceof PingWebSocketFrame) {
          ctx.channel().writeAndFlush(new PongWebSocketFrame(frame.content()));
        } else {
          frame.release();
        }
      } else {
        ctx.fireChannelRead(msg);
      }
    }
  }

  /** The nearest bug: a ping is answered with an empty pong and never released. */
  static final class DroppingPings extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      if (msg instanceof PingWebSocketFrame) {
        ctx.writeAndFlush(new PongWebSocketFrame());
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  /**
   * Negative: a decoder adds a frame around the payload and forgets the payload; where adding
   * failed, the payload is released (Netty's WebSocket08FrameDecoder). Reported as a use after
   * move when the frame's constructor was modelled as taking the buffer over (decision 275).
   */
  static void decoded(ByteBufAllocator alloc, List<Object> out) {
    ByteBuf payload = alloc.buffer();
    try {
      out.add(new TextWebSocketFrame(true, 0, payload));
      payload = null;
    } finally {
      if (payload != null) {
        payload.release();
      }
    }
  }

  /** The nearest bug: the frame is added only when it is final, and dropped otherwise. */
  static void decodedIfFinal(ByteBufAllocator alloc, List<Object> out, boolean last) {
    ByteBuf payload = alloc.buffer();
    TextWebSocketFrame frame = new TextWebSocketFrame(last, 0, payload); // expect: owned-value-leaked
    if (last) {
      out.add(frame);
    }
  }

  /**
   * Negative: a frame made around the caller's buffer is a second handle on it, the caller's to
   * release (decision 333): neither the frame nor a helper's frame owns anything here.
   */
  static int measured(ByteBuf payload) {
    TextWebSocketFrame frame = new TextWebSocketFrame(payload);
    TextWebSocketFrame framed = framed(payload);
    return frame.content().readableBytes() + framed.content().readableBytes();
  }

  static TextWebSocketFrame framed(ByteBuf payload) {
    return new TextWebSocketFrame(payload);
  }

  /** The nearest bug: the helper's frame around a buffer allocated here is dropped. */
  static int measuredFresh(ByteBufAllocator alloc) {
    TextWebSocketFrame framed = framed(alloc.buffer()); // expect: owned-value-leaked
    return framed.content().readableBytes();
  }
}
