package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.FutureListener;
import java.util.Optional;

/**
 * A lambda or an anonymous class that releases what it captures takes it over (D14), wherever it
 * goes: a listener registered on a future releases the buffer when the future completes
 * (decision 304). A capture that only reads the buffer takes nothing.
 */
public class ReleasedByListeners {

  // Negative: the listener releases the buffer when the write completes.
  void releasedByListener(ChannelHandlerContext ctx, ByteBufAllocator alloc) {
    ByteBuf header = alloc.buffer(4);
    header.writeInt(1);
    ctx.writeAndFlush("ping").addListener(f -> header.release());
  }

  // Positive: the listener only reads the buffer; nobody releases it.
  void readByListener(ChannelHandlerContext ctx, ByteBufAllocator alloc) {
    ByteBuf header = alloc.buffer(4); // expect: owned-value-leaked
    header.writeInt(1);
    ctx.writeAndFlush("ping").addListener(f -> System.out.println(header.readableBytes()));
  }

  // Negative: a cast lambda, as the listener's type is generic (Netty's SslClientHelloHandler).
  void releasedByCastListener(Future<String> future, ByteBufAllocator alloc) {
    ByteBuf hello = alloc.buffer(16);
    future.addListener((FutureListener<String>) f -> hello.release());
  }

  // Negative: an anonymous listener releases the buffer.
  void releasedByAnonymousListener(ChannelFuture future, ByteBufAllocator alloc) {
    ByteBuf frame = alloc.buffer(8);
    future.addListener(
        new ChannelFutureListener() {
          @Override
          public void operationComplete(ChannelFuture f) {
            frame.release();
          }
        });
  }

  // Positive: the anonymous listener logs; the buffer is released on no path.
  void loggedByAnonymousListener(ChannelFuture future, ByteBufAllocator alloc) {
    ByteBuf frame = alloc.buffer(8); // expect: owned-value-leaked
    future.addListener(
        new ChannelFutureListener() {
          @Override
          public void operationComplete(ChannelFuture f) {
            System.out.println(frame.readableBytes());
          }
        });
  }

  // Positive: run in place, and only when a value is present (D22): released on one path only.
  void releasedWhenPresent(Optional<String> name, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(8); // expect: owned-value-leaked
    name.ifPresent(n -> buf.release());
  }
}
