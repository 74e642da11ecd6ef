package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Netty messages that hold a buffer (ByteBufHolder: HttpContent, WebSocketFrame, DatagramPacket):
 * reference counted like the buffer they hold; content() is that buffer, a second handle on the
 * holder's reference count (D19, decision 246).
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

  // The content kept past the release of its holder: the same reference count, released.
  byte contentKeptPastRelease() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ByteBuf content = msg.content();
    msg.release();
    return content.getByte(0); // expect: use-after-move
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

  // Negative: the content handed on is the message handed on: one reference count (decision 246).
  void contentHandedOn(ChannelHandlerContext ctx) {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ctx.fireChannelRead(msg.content());
  }

  // Negative: releasing the content releases the message.
  int contentReleased() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    int n = msg.content().readableBytes();
    msg.content().release();
    return n;
  }

  // Negative: the content kept in a local and handed on: the message goes with it.
  void contentLocalHandedOn(ChannelHandlerContext ctx) {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ByteBuf content = msg.content();
    content.writeInt(1);
    ctx.fireChannelRead(content);
  }

  // Negative: the content read through a local, and the message itself returned or released.
  ByteBufHolder contentReadThenMessageReturned() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ByteBuf content = msg.content();
    if (content.isReadable()) {
      return msg;
    }
    msg.release();
    return null;
  }

  // The content kept in a local, and neither it nor the message released.
  int contentLocalLeaked() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8)); // expect: owned-value-leaked
    ByteBuf content = msg.content();
    return content.readableBytes();
  }

  // Negative: the content moved into a composite, and the message replaced around the composite:
  // replace() reads nothing of the old content (micronaut's HttpContentUtil).
  ByteBufHolder contentMovedThenReplaced() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    CompositeByteBuf prefixed = Unpooled.compositeBuffer(2);
    prefixed.addComponent(true, msg.content());
    return msg.replace(prefixed);
  }

  // The content moved into a composite, and the message released too: released twice.
  void contentMovedThenReleased() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    CompositeByteBuf prefixed = Unpooled.compositeBuffer(2);
    prefixed.addComponent(true, msg.content());
    msg.release(); // expect: use-after-move
    prefixed.release();
  }

  /** A holder with data of its own besides its content (as a DNS record has a name). */
  static final class Named extends DefaultByteBufHolder {
    private final String name;

    Named(String name, ByteBuf content) {
      super(content);
      this.name = name;
    }

    String name() {
      return name;
    }
  }

  // Negative: the content copied out and released through its own handle; the holder's own data
  // read after (armeria's ByteArrayDnsRecord.copyOf).
  String contentReleasedThenNameRead() {
    ByteBufHolder msg = new Named("a", Unpooled.buffer(8));
    ByteBuf content = msg.content();
    int length = content.readableBytes();
    content.release();
    return ((Named) msg).name() + msg + length;
  }

  // The content released through its own handle, then the holder's content read: released.
  int contentReleasedThenContentRead() {
    ByteBufHolder msg = new Named("a", Unpooled.buffer(8));
    ByteBuf content = msg.content();
    content.release();
    return msg.content().readableBytes(); // expect: use-after-move
  }

  // The content released through its own handle, then the holder released too: twice.
  void contentReleasedThenHolderReleased() {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ByteBuf content = msg.content();
    content.release();
    msg.release(); // expect: use-after-move
  }

  // The content handed on, and the message released too: released twice.
  void contentHandedOnThenReleased(ChannelHandlerContext ctx) {
    ByteBufHolder msg = new DefaultByteBufHolder(Unpooled.buffer(8));
    ctx.fireChannelRead(msg.content());
    msg.release(); // expect: use-after-move
  }

  // Negative: a handler that passes on the content of what it holds, and the rest as it came.
  static final class ContentBridge extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBufHolder) {
        ctx.fireChannelRead(((ByteBufHolder) msg).content());
      } else {
        ctx.fireChannelRead(msg);
      }
    }
  }

  // The same handler reading the message after it passed its content on.
  static final class ContentBridgeReadingAfter extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBufHolder) {
        ByteBufHolder holder = (ByteBufHolder) msg;
        ctx.fireChannelRead(holder.content());
        System.out.println(holder.content().readableBytes()); // expect: use-after-move
      } else {
        ctx.fireChannelRead(msg);
      }
    }
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

  /** Where a message built around the content goes. */
  interface ContentSink {
    void offer(io.netty.handler.codec.http.HttpContent content);
  }

  /** Who owns a body's buffer. */
  interface Body {
    ByteBuf getBuffer();
  }

  // Negative: a content holder made around the caller's buffer owns nothing of its own (decision
  // 341; MuServer's Http2Connection).
  static void offered(ByteBuf data, ContentSink sink) {
    io.netty.handler.codec.http.HttpContent msg = new io.netty.handler.codec.http.DefaultHttpContent(data);
    sink.offer(msg);
  }

  // Negative: around a buffer another object owns (Ratpack's FormDecoder), and around the shared
  // empty buffer (Jooby's upgrade request).
  static void decoded(Body body, ContentSink sink) {
    io.netty.handler.codec.http.HttpContent content = new io.netty.handler.codec.http.DefaultHttpContent(body.getBuffer());
    sink.offer(content);
    io.netty.handler.codec.http.FullHttpRequest upgrade =
        new io.netty.handler.codec.http.DefaultFullHttpRequest(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            io.netty.handler.codec.http.HttpMethod.GET,
            "/",
            Unpooled.EMPTY_BUFFER,
            io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE,
            io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
    upgrade.headers().set("upgrade", "websocket");
  }

  // The nearest bug: a response around a buffer allocated here, built and dropped.
  static int measured(io.netty.buffer.ByteBufAllocator alloc) {
    io.netty.handler.codec.http.FullHttpResponse response = // expect: owned-value-leaked
        new io.netty.handler.codec.http.DefaultFullHttpResponse(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            io.netty.handler.codec.http.HttpResponseStatus.OK,
            alloc.buffer());
    return response.content().readableBytes();
  }
}
