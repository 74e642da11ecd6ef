package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/** Netty buffers are reference counted: whoever owns one must release it or hand it on. */
public class NettyLeaks {
  private final ByteBufAllocator alloc;

  public NettyLeaks(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  // An allocated buffer never released.
  int neverReleased() {
    ByteBuf buf = alloc.buffer(16); // expect: owned-value-leaked
    buf.writeInt(42);
    return buf.readableBytes();
  }

  // An unpooled buffer released on one branch only.
  void releasedOnOneBranch(boolean flush) {
    ByteBuf buf = Unpooled.buffer(); // expect: owned-value-leaked
    buf.writeByte(1);
    if (flush) {
      buf.release();
    }
  }

  // A copy of a buffer the method was given, never released.
  int copyNeverReleased(ByteBuf in) {
    ByteBuf copy = in.copy(); // expect: owned-value-leaked
    return copy.readableBytes();
  }

  // A retained slice has its own reference count.
  byte retainedSliceNeverReleased(ByteBuf in) {
    ByteBuf head = in.retainedSlice(0, 4); // expect: owned-value-leaked
    return head.getByte(0);
  }

  // A discarded allocation.
  void discardedAllocation() {
    alloc.buffer(); // expect: owned-value-leaked
  }

  // Negative: `comp` first names a buffer the array holds (an alias: nothing of its own to
  // release), and only then gets a new buffer, which the array takes (Netty's
  // FixedCompositeByteBuf.findComponent).
  ByteBuf componentOf(ByteBuf[] buffers, int i) {
    ByteBuf comp = null;
    ByteBuf b = buffers[i];
    if (b instanceof CompositeByteBuf) {
      comp = (CompositeByteBuf) b;
    }
    if (comp == null) {
      comp = alloc.buffer();
      buffers[i] = comp;
    }
    return comp;
  }

  // The same discarded allocation twice: two leaks, one per line (the same text is not the same call).
  void discardedTwice() {
    alloc.buffer(); // expect: owned-value-leaked
    alloc.buffer(); // expect: owned-value-leaked
  }

  // Written to the channel on one branch, dropped on the other.
  void writtenOnOneBranch(ChannelHandlerContext ctx, boolean ok) {
    ByteBuf reply = ctx.alloc().buffer(); // expect: owned-value-leaked
    reply.writeCharSequence("OK", StandardCharsets.US_ASCII);
    if (ok) {
      ctx.writeAndFlush(reply);
    }
  }

  // Negative: released exactly once on each path.
  int releasedOnEachPath(boolean empty) {
    ByteBuf buf = alloc.buffer(8);
    if (empty) {
      buf.release();
      return 0;
    }
    buf.writeLong(7L);
    int n = buf.readableBytes();
    buf.release();
    return n;
  }

  // Negative: ownership passes to Netty when written.
  void written(ChannelHandlerContext ctx) {
    ByteBuf reply = ctx.alloc().buffer();
    reply.writeCharSequence("PONG", StandardCharsets.US_ASCII);
    ctx.writeAndFlush(reply);
  }

  // Negative: a slice is a borrow, never a leak (D15).
  byte sliceNotReleased(ByteBuf in) {
    ByteBuf head = in.slice(0, 4);
    return head.getByte(0);
  }

  // Negative: released through ReferenceCountUtil (an @Owned parameter).
  void releasedByUtil() {
    ByteBuf buf = Unpooled.buffer(4);
    buf.writeByte(3);
    ReferenceCountUtil.release(buf);
  }

  // Negative: wrapping takes both buffers over; the wrapper is released.
  int wrapped() {
    ByteBuf a = Unpooled.buffer(4);
    ByteBuf b = Unpooled.buffer(4);
    ByteBuf whole = Unpooled.wrappedBuffer(a, b);
    int n = whole.capacity();
    whole.release();
    return n;
  }

  // Negative: a composite takes its component over; the composite is released.
  int composite() {
    CompositeByteBuf all = alloc.compositeBuffer();
    ByteBuf part = alloc.buffer(8);
    all.addComponent(true, part);
    int n = all.readableBytes();
    all.release();
    return n;
  }

  // Negative: released in finally.
  long releasedInFinally() {
    ByteBuf buf = alloc.directBuffer(8);
    try {
      buf.writeLong(1L);
      return buf.readLong();
    } finally {
      buf.release();
    }
  }

  // Negative (Netty's `SslContext.getPrivateKeyFromByteBuffer`): `readBytes(byte[])` returns the
  // buffer itself, so releasing its result releases the buffer (decision 311); so does a helper
  // that does it to its parameter, inferred `@Consumes`.
  byte[] readAndReleased() {
    ByteBuf buf = alloc.buffer(8);
    buf.writeLong(1L);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes).release();
    return bytes;
  }

  static byte[] drain(ByteBuf encoded) {
    byte[] bytes = new byte[encoded.readableBytes()];
    encoded.readBytes(bytes).release();
    return bytes;
  }

  byte[] drained() {
    return drain(alloc.buffer(8));
  }

  // The nearest bug: `readBytes(int)` makes a new buffer; releasing it leaves `buf` unreleased.
  void readCopyReleased() {
    ByteBuf buf = alloc.buffer(8); // expect: owned-value-leaked
    buf.writeLong(1L);
    buf.readBytes(8).release();
  }
}
