package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.List;

/** Netty outbound/inbound invokers: write*() and fireChannelRead() take ownership of the message (D9). */
public class NettyWrites {

  private long bytesSent;

  // The buffer read after ctx.write() passed it on.
  void writeThenCount(ChannelHandlerContext ctx, byte[] payload) {
    ByteBuf buf = ctx.alloc().buffer(payload.length);
    buf.writeBytes(payload);
    ctx.write(buf);
    bytesSent += buf.readableBytes(); // expect: use-after-move
  }

  // Released after writeAndFlush(): Netty releases it once written, so this is a double release.
  void writeAndRelease(ChannelHandlerContext ctx, String text) {
    ByteBuf buf = Unpooled.wrappedBuffer(text.getBytes());
    ctx.writeAndFlush(buf);
    buf.release(); // expect: use-after-move
  }

  // channel.write() takes ownership as well.
  void writeOnChannel(ChannelHandlerContext ctx, int code) {
    Channel ch = ctx.channel();
    ByteBuf buf = ch.alloc().buffer(4);
    buf.writeInt(code);
    ch.write(buf);
    ch.flush();
    System.out.println("wrote up to " + buf.writerIndex()); // expect: use-after-move
  }

  // A write that throws has not taken the buffer (D9): the catch may still read it...
  void logInCatch(ChannelHandlerContext ctx, byte[] data) {
    ByteBuf buf = ctx.alloc().buffer();
    buf.writeBytes(data);
    try {
      ctx.writeAndFlush(buf);
    } catch (RuntimeException e) {
      System.err.println("failed to write " + buf.readableBytes() + " bytes");
      buf.release();
    }
  }

  // ...and must release it: the write failed, nobody else will (D9).
  void releaseInCatch(ChannelHandlerContext ctx, long id) {
    ByteBuf buf = ctx.alloc().buffer(8);
    try {
      buf.writeLong(id);
      ctx.writeAndFlush(buf);
    } catch (RuntimeException e) {
      buf.release();
      throw e;
    }
  }

  // The nearest bug: releasing in a finally, which also runs after the write took the buffer.
  void releaseInFinally(ChannelHandlerContext ctx, long id) {
    ByteBuf buf = ctx.alloc().buffer(8);
    try {
      buf.writeLong(id);
      ctx.writeAndFlush(buf);
    } finally {
      buf.release(); // expect: use-after-move
    }
  }

  // Netty's defensive idiom: the write takes the buffer on its normal exit only, so the finally
  // releases it only when the write threw (D9).
  void nullAfterWrite(ChannelHandlerContext ctx, long id) {
    ByteBuf buf = ctx.alloc().buffer(8);
    try {
      buf.writeLong(id);
      ctx.writeAndFlush(buf);
      buf = null;
    } finally {
      if (buf != null) {
        buf.release();
      }
    }
  }

  // The same with a flag.
  void flagAfterWrite(ChannelHandlerContext ctx, long id) {
    ByteBuf buf = ctx.alloc().buffer(8);
    boolean written = false;
    try {
      buf.writeLong(id);
      ctx.writeAndFlush(buf);
      written = true;
    } finally {
      if (!written) {
        buf.release();
      }
    }
  }

  // Negative (decision 154): released, then a write that reports failure through its future and
  // does not throw: the finally's release runs only on paths that did not release (Netty's
  // MessageToByteEncoder).
  void releaseThenWriteEmpty(ChannelHandlerContext ctx, ChannelPromise promise, boolean empty) {
    ByteBuf buf = ctx.alloc().buffer(8);
    try {
      buf.writeLong(7);
      if (empty) {
        buf.release();
        ctx.write(Unpooled.EMPTY_BUFFER, promise);
      } else {
        ctx.write(buf, promise);
      }
      buf = null;
    } finally {
      if (buf != null) {
        buf.release();
      }
    }
  }

  // Negative: completing a promise after the release does not throw (Http2ConnectionHandler.goAway).
  ChannelFuture goAway(ChannelPromise promise, ByteBuf debugData) {
    try {
      if (!promise.channel().isActive()) {
        debugData.release();
        promise.trySuccess();
        return promise;
      }
    } catch (Throwable cause) {
      debugData.release();
      promise.tryFailure(cause);
      return promise;
    }
    return promise;
  }

  // Positive: a call that may throw after the release reaches the handler, which releases again.
  void releaseThenFlush(ChannelHandlerContext ctx, ByteBuf data) {
    try {
      data.release();
      ctx.flush();
    } catch (RuntimeException e) {
      data.release(); // expect: use-after-move
      throw e;
    }
  }

  private int state;

  private void setState(int bit) {
    state |= bit;
  }

  private void trace(int bit) {
    System.out.println("state " + bit);
  }

  // Negative (decision 154): between the write and clearing the guard only a listener is added
  // and a private setter that cannot throw runs (Netty's SslHandler.wrapNonAppData).
  void writeThenSetState(ChannelHandlerContext ctx, long id) {
    ByteBuf out = ctx.alloc().buffer(8);
    try {
      out.writeLong(id);
      ctx.write(out).addListener(f -> trace(f.isSuccess() ? 1 : 0));
      setState(1);
      out = null;
    } finally {
      if (out != null) {
        out.release();
      }
    }
  }

  // Positive: the method called before the guard is cleared may throw, and the finally then
  // releases the buffer the write took.
  void writeThenTrace(ChannelHandlerContext ctx, long id) {
    ByteBuf out = ctx.alloc().buffer(8);
    try {
      out.writeLong(id);
      ctx.write(out);
      trace(1);
      out = null;
    } finally {
      if (out != null) {
        out.release(); // expect: use-after-move
      }
    }
  }

  // Retrying a write with the same buffer: the first attempt already took it.
  void sendWithRetry(Channel ch, byte[] request) {
    ByteBuf buf = ch.alloc().buffer(request.length);
    buf.writeBytes(request);
    for (int attempt = 1; ; attempt++) {
      ChannelFuture f = ch.writeAndFlush(buf); // expect: use-after-move
      if (f.awaitUninterruptibly().isSuccess() || attempt == 3) {
        return;
      }
    }
  }

  // fireChannelRead() passes the frame on; releasing it afterwards is a double release.
  void forwardFrame(ChannelHandlerContext ctx, ByteBuf in, int length) {
    ByteBuf frame = in.readRetainedSlice(length);
    ctx.fireChannelRead(frame);
    frame.release(); // expect: use-after-move
  }

  // A composite buffer written through the pipeline, then inspected.
  void writeComposite(ChannelHandlerContext ctx) {
    CompositeByteBuf frame = ctx.alloc().compositeBuffer();
    ctx.pipeline().writeAndFlush(frame);
    System.out.println(frame.numComponents() + " components"); // expect: use-after-move
  }

  // The write(msg, promise) overload takes ownership too.
  void writeWithPromise(ChannelHandlerContext ctx, short status) {
    ByteBuf buf = ctx.alloc().buffer(2);
    buf.writeShort(status);
    ctx.write(buf, ctx.newPromise());
    buf.release(); // expect: use-after-move
  }

  // Negative: writeAndFlush() as the last use.
  void reply(ChannelHandlerContext ctx, String text) {
    ByteBuf buf = ctx.alloc().buffer();
    buf.writeCharSequence(text, java.nio.charset.StandardCharsets.UTF_8);
    ctx.writeAndFlush(buf);
  }

  // Negative: the size read into a local before the write.
  void writeCounted(ChannelHandlerContext ctx, byte[] payload) {
    ByteBuf buf = ctx.alloc().buffer(payload.length);
    buf.writeBytes(payload);
    int n = buf.readableBytes();
    ctx.write(buf);
    bytesSent += n;
  }

  // Negative: write(buf.retain()) passes a second reference; buf is still usable and released once.
  void writeAndKeep(ChannelHandlerContext ctx, byte[] payload) {
    ByteBuf buf = Unpooled.copiedBuffer(payload);
    ctx.write(buf.retain());
    System.out.println("queued " + buf.readableBytes() + " bytes");
    buf.release();
  }

  // Negative: broadcast one retained duplicate per channel, release the original once.
  void broadcast(List<Channel> channels, byte[] data) {
    ByteBuf msg = Unpooled.wrappedBuffer(data);
    for (Channel ch : channels) {
      ch.writeAndFlush(msg.retainedDuplicate());
    }
    msg.release();
  }

  // Negative: written on one path, released on the other.
  void sendOrDrop(ChannelHandlerContext ctx, byte[] data, boolean writable) {
    ByteBuf buf = ctx.alloc().buffer(data.length);
    buf.writeBytes(data);
    if (writable) {
      ctx.writeAndFlush(buf);
    } else {
      buf.release();
    }
  }

  // Negative: an unannotated ByteBuf parameter written as its last use (D16).
  void echo(ChannelHandlerContext ctx, ByteBuf msg) {
    System.out.println("echo " + msg.readableBytes());
    ctx.write(msg);
    ctx.flush();
  }

  // D4: the same parameter read after the write took it (the usual shape of Netty ownership bugs).
  void echoThenCount(ChannelHandlerContext ctx, ByteBuf msg) {
    ctx.writeAndFlush(msg);
    System.out.println("echoed " + msg.readableBytes()); // expect: use-after-move
  }

  // D4: a for-each element is taken by the write too.
  void writeAll(ChannelHandlerContext ctx, List<ByteBuf> parts) {
    for (ByteBuf part : parts) {
      ctx.write(part);
      part.release(); // expect: use-after-move
    }
  }

  // Negative: a retained slice passed down the pipeline as its last use.
  void splitFrame(ChannelHandlerContext ctx, ByteBuf in) {
    int length = in.readInt();
    ByteBuf frame = in.readRetainedSlice(length);
    ctx.fireChannelRead(frame);
  }

  // Negative: the buffer prepared in a try that releases it on failure, written after the try.
  void encodeThenWrite(ChannelHandlerContext ctx, String[] fields) {
    ByteBuf buf = ctx.alloc().buffer();
    try {
      for (String f : fields) {
        buf.writeCharSequence(f, java.nio.charset.StandardCharsets.UTF_8);
        buf.writeByte(0);
      }
    } catch (RuntimeException e) {
      buf.release();
      throw e;
    }
    ctx.writeAndFlush(buf);
  }
}
