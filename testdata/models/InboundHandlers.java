package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.borrowck4j.annotations.Borrowed;

/**
 * An inbound handler owns the message channelRead gives it: it must release it or hand it on
 * (Netty's reference-counting contract). An override inherits the model's @Owned parameter
 * (decisions 190-192).
 */
public class InboundHandlers {

  // The last handler of a pipeline that prints each response and drops it (netty's
  // MemcacheClientHandler before 4.1.26): every response's content leaks.
  static class PrintsResponses extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      ByteBufHolder res = (ByteBufHolder) msg;
      System.out.println(res.content().toString(StandardCharsets.UTF_8));
    }
  }

  // Negative: the fix, releasing the response through the local that names it.
  static class PrintsAndReleases extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBufHolder res = (ByteBufHolder) msg;
      System.out.println(res.content().toString(StandardCharsets.UTF_8));
      res.release();
    }
  }

  // Handles one kind of message and silently drops every other one (netty's
  // HttpHelloWorldServerHandler before 4.1.26): what it does not handle leaks.
  static class AnswersPackets extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      if (msg instanceof DatagramPacket) {
        DatagramPacket packet = (DatagramPacket) msg;
        ctx.write(new DatagramPacket(packet.content().retainedDuplicate(), packet.sender()));
      }
    }
  }

  // A handler written as an anonymous class that only counts what it reads.
  int count;

  ChannelInboundHandlerAdapter counter() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
        count++;
      }
    };
  }

  // Released on one branch only.
  static class ReleasesWhenEmpty extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      if (msg instanceof ByteBuf buf && !buf.isReadable()) {
        buf.release();
        return;
      }
      System.out.println("got " + msg);
    }
  }

  // Negative: released in a finally.
  static class ReleasesInFinally extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        System.out.println("got " + msg);
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  // Negative: passed on to the next handler.
  static class Forwards extends ChannelInboundHandlerAdapter {
    int seen;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      seen++;
      ctx.fireChannelRead(msg);
    }
  }

  // Negative: passed on through the adapter, which fires it.
  static class ForwardsThroughSuper extends ChannelInboundHandlerAdapter {
    boolean keepAlive;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (msg instanceof DatagramPacket) {
        DatagramPacket packet = (DatagramPacket) msg;
        keepAlive = packet.content().isReadable();
      }
      super.channelRead(ctx, msg);
    }
  }

  // Negative: the base class releases what channelRead0 is given.
  static class Simple extends SimpleChannelInboundHandler<ByteBuf> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      System.out.println(msg.readableBytes());
    }
  }

  // Negative: a pipeline of strings, a String holds nothing to release.
  static class ReadsStrings extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      String line = (String) msg;
      System.out.println(line.trim());
    }
  }

  // Negative: strings handled here, everything else passed on.
  static class HandlesStrings extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof String) {
        System.out.println(msg);
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  // Negative: released on every path.
  static class ReleasesEverywhere extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf) {
        System.out.println(((ByteBuf) msg).readableBytes());
        ReferenceCountUtil.release(msg);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  // Negative: the buffer a pattern names, released; the rest passed on.
  static class ReleasesThroughPattern extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf buf) {
        try {
          System.out.println(buf.readableBytes());
        } finally {
          buf.release();
        }
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  // Negative: kept for later (a queue the handler drains), then written back.
  static class Queues extends ChannelInboundHandlerAdapter {
    private final Queue<Object> pending = new ArrayDeque<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      pending.add(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      for (Object m = pending.poll(); m != null; m = pending.poll()) {
        ctx.write(m);
      }
      ctx.flush();
    }
  }

  // Negative: echoed back; using it after it was handed on is not reported (decision 192).
  static class Echoes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.writeAndFlush(msg);
      System.out.println("echoed " + msg.getClass().getSimpleName());
    }
  }

  // Negative: a parameter that declares its own mode says what it is (decision 190).
  static class DeclaresBorrowed extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, @Borrowed Object msg) {
      System.out.println(msg);
    }
  }

  // Negative: a decoder's decode is given what the base class releases, and a decoded value added
  // to `out` is handed on.
  static class Frames extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      if (in.readableBytes() >= 4) {
        out.add(in.readRetainedSlice(4));
      }
    }
  }

  static class Lines extends MessageToMessageDecoder<ByteBuf> {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
      out.add(msg.toString(StandardCharsets.UTF_8));
    }
  }

  // Negative: a decoder overriding channelRead passes what it does not decode on.
  static class PassesOthersOn extends ByteToMessageDecoder {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (msg instanceof ByteBuf) {
        super.channelRead(ctx, msg);
      } else {
        ctx.fireChannelRead(msg);
      }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      out.add(in.readRetainedSlice(in.readableBytes()));
    }
  }

  // An error path that returns before releasing (netty's SpdySessionHandler on a session window
  // error).
  static class DropsOnError extends ChannelInboundHandlerAdapter {
    int window = 1 << 16;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      if (msg instanceof ByteBufHolder) {
        ByteBufHolder frame = (ByteBufHolder) msg;
        window -= frame.content().readableBytes();
        if (window < 0) {
          ctx.close();
          return;
        }
      }
      ctx.fireChannelRead(msg);
    }
  }

  // Negative: an anonymous handler passing on through its superclass.
  ChannelInboundHandlerAdapter logging() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        count++;
        super.channelRead(ctx, msg);
      }
    };
  }

  // Negative: released through a local naming a local naming the message.
  static class ReleasesThroughTwoNames extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBufHolder holder = (ByteBufHolder) msg;
      DefaultByteBufHolder same = (DefaultByteBufHolder) holder;
      System.out.println(same.content().readableBytes());
      same.release();
    }
  }

  // Negative: handed to a helper of the class, which does what it likes with it (not followed).
  static class HandsToHelper extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof DatagramPacket) {
        onPacket(ctx, (DatagramPacket) msg);
      } else {
        ctx.fireChannelRead(msg);
      }
    }

    private void onPacket(ChannelHandlerContext ctx, Object packet) {
      ctx.fireChannelRead(packet);
    }
  }

  // Negative: completing a promise with the message hands it to whoever waits for it.
  static class CompletesPromise extends ChannelInboundHandlerAdapter {
    final Promise<Object> promise;

    CompletesPromise(Promise<Object> promise) {
      this.promise = promise;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!promise.trySuccess(msg)) {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  // ByteBufHolder.replace(buf) takes the new content: an implementation must keep it. (The
  // models do not list DefaultByteBufHolder: the interface is named here.)
  static final class Frame extends DefaultByteBufHolder implements ByteBufHolder {
    Frame(ByteBuf content) {
      super(content);
    }

    Frame tagged() {
      return this;
    }

    // Negative: the new frame holds it (through a fluent call).
    @Override
    public Frame replace(ByteBuf content) {
      return new Frame(content).tagged();
    }
  }

  static final class EmptyFrame extends DefaultByteBufHolder implements ByteBufHolder {
    EmptyFrame() {
      super(Unpooled.EMPTY_BUFFER);
    }

    @Override
    public EmptyFrame replace(ByteBuf content) { // expect: owned-value-leaked
      return new EmptyFrame();
    }
  }

  // Negative: handed to a handler whose type is a type variable: code nothing declares is not
  // followed (decision 194).
  static class Delegates<I extends ChannelInboundHandlerAdapter> extends ChannelInboundHandlerAdapter {
    private final I inbound;

    Delegates(I inbound) {
      this.inbound = inbound;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      inbound.channelRead(ctx, msg);
    }
  }

  /** Code of the project's own that takes what it is given, and says nothing of it. */
  interface Subscriber {
    void execute(Object message) throws Exception;
  }

  // Negative (Ratpack's NettyHandlerAdapter, decision 343): the message handed on through
  // ReferenceCountUtil.touch, to the next handler or to the channel's subscriber.
  static class TouchesAndHandsOn extends ChannelInboundHandlerAdapter {
    private Subscriber subscriber;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (subscriber == null) {
        super.channelRead(ctx, ReferenceCountUtil.touch(msg));
      } else {
        subscriber.execute(ReferenceCountUtil.touch(msg, "subscriber"));
      }
    }
  }

  // Touching a message is no handing on: dropped after the touch, it leaks.
  static class TouchesAndDrops extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) { // expect: owned-value-leaked
      ReferenceCountUtil.touch(msg);
    }
  }
}
