package models;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.*;

/**
 * WebSocket frames hold their payload (decision 270): releasing the frame releases it, its
 * content is a second handle on it, and a frame made around a buffer takes the buffer over.
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
}
