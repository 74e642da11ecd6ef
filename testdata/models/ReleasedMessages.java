package models;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Releasing an HTTP message frees only the buffer it holds: its headers, trailing headers, method,
 * URI, status, version and decoder result stay readable (decision 240). Its buffer does not.
 */
public class ReleasedMessages {
  /** Handed on, then its headers read to decide what comes next: correct Netty. */
  static boolean upgradeAfterHandingOn(ChannelHandlerContext ctx, FullHttpRequest request) {
    ctx.fireChannelRead(request);
    return request.headers().contains("Upgrade") && request.decoderResult().isSuccess() && !request.uri().isEmpty();
  }

  /** The trailers of the last chunk, after the chunk was released: correct Netty. */
  static HttpHeaders trailersAfterRelease(LastHttpContent last) {
    last.release();
    return last.trailingHeaders();
  }

  /** The content of the last chunk, after the chunk was released: its buffer is gone. */
  static int contentAfterRelease(LastHttpContent last) {
    last.release();
    return last.content().readableBytes(); // expect: use-after-move
  }

  /** The request's body, after the request was handed on: the next handler may have released it. */
  static int bodyAfterHandingOn(ChannelHandlerContext ctx, FullHttpRequest request) {
    ctx.fireChannelRead(request);
    return request.content().readableBytes(); // expect: use-after-move
  }
}
