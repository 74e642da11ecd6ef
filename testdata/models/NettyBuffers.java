package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Netty ByteBuf: reference counted, release() consumes and is NOT idempotent (D5). */
public class NettyBuffers {

  // A pooled buffer written to after release().
  void writeAfterRelease(ChannelHandlerContext ctx) {
    ByteBuf buf = ctx.alloc().buffer(16);
    buf.writeInt(42);
    buf.release();
    buf.writeInt(43); // expect: use-after-move
  }

  // Released in the try and again in finally: IllegalReferenceCountException.
  int doubleRelease(byte[] payload) {
    ByteBuf buf = Unpooled.copiedBuffer(payload);
    int checksum = 0;
    try {
      while (buf.isReadable()) {
        checksum += buf.readByte();
      }
      buf.release();
    } finally {
      buf.release(); // expect: use-after-move
    }
    return checksum;
  }

  // An unpooled buffer read after release().
  int lengthAfterRelease() {
    ByteBuf buf = Unpooled.buffer(32);
    buf.writeLong(System.nanoTime());
    buf.release();
    return buf.readableBytes(); // expect: use-after-move
  }

  // A copy (a new owner) decoded after it was released.
  String snapshot(ByteBuf in) {
    ByteBuf copy = in.copy();
    copy.release();
    return copy.toString(StandardCharsets.UTF_8); // expect: use-after-move
  }

  // retainedSlice() has its own reference: read after releasing it.
  int header(ByteBuf frame) {
    ByteBuf header = frame.retainedSlice(0, 4);
    header.release();
    return header.getInt(0); // expect: use-after-move
  }

  // ReferenceCountUtil.release() takes ownership (@Owned parameter): the duplicate read afterwards.
  int releaseThenRead(ByteBuf in) {
    ByteBuf dup = in.retainedDuplicate();
    int n = dup.readableBytes();
    ReferenceCountUtil.release(dup);
    return n + dup.readerIndex(); // expect: use-after-move
  }

  // An unannotated ByteBuf parameter is not an owner, but release() still consumes it (D16).
  void releaseParameterThenLog(ByteBuf msg) {
    int len = msg.readableBytes();
    msg.release();
    System.out.println(len + " bytes, reader at " + msg.readerIndex()); // expect: use-after-move
  }

  // Released on an error path that falls through to the normal path.
  void directBufferReleasedOnError(ByteBufAllocator alloc, byte[] data) {
    ByteBuf buf = alloc.directBuffer(data.length);
    if (data.length == 0) {
      buf.release();
    }
    buf.writeBytes(data); // expect: use-after-move
    buf.release();
  }

  // A for-each variable is not an owner, but release() still consumes it.
  int releaseEachThenMeasure(List<ByteBuf> parts) {
    int total = 0;
    for (ByteBuf part : parts) {
      part.release();
      total += part.capacity(); // expect: use-after-move
    }
    return total;
  }

  // Negative: released exactly once on each path.
  boolean startsWithMagic(ByteBufAllocator alloc, byte[] data) {
    ByteBuf buf = alloc.heapBuffer(data.length);
    buf.writeBytes(data);
    if (buf.readableBytes() < 4) {
      buf.release();
      return false;
    }
    boolean magic = buf.getInt(0) == 0xCAFEBABE;
    buf.release();
    return magic;
  }

  // Negative: each buffer of a list measured, then released once.
  int measureThenReleaseEach(List<ByteBuf> parts) {
    int total = 0;
    for (ByteBuf part : parts) {
      total += part.readableBytes();
      part.release();
    }
    return total;
  }

  // Negative: released once in finally.
  long sum(ChannelHandlerContext ctx, long[] values) {
    ByteBuf buf = ctx.alloc().ioBuffer(values.length * 8);
    try {
      for (long v : values) {
        buf.writeLong(v);
      }
      long total = 0;
      while (buf.isReadable()) {
        total += buf.readLong();
      }
      return total;
    } finally {
      buf.release();
    }
  }

  // Negative: slice() and duplicate() are borrows, read before the owner is released.
  int peekHeader(ByteBufAllocator alloc, byte[] frame) {
    ByteBuf buf = alloc.buffer(frame.length);
    buf.writeBytes(frame);
    ByteBuf header = buf.slice(0, 4);
    int magic = header.getInt(0);
    ByteBuf view = buf.duplicate();
    int readable = view.readableBytes();
    buf.release();
    return magic + readable;
  }

  // Negative: a borrowed NIO view used before release.
  int viaNioBuffer(byte[] data) {
    ByteBuf buf = Unpooled.wrappedBuffer(data);
    ByteBuffer nio = buf.nioBuffer();
    int remaining = nio.remaining();
    buf.release();
    return remaining;
  }

  // Negative: ReferenceCountUtil.release() on an unannotated Object parameter, not used afterwards.
  void discard(Object msg) {
    if (msg instanceof ByteBuf) {
      System.out.println("dropping " + ((ByteBuf) msg).readableBytes() + " bytes");
    }
    ReferenceCountUtil.release(msg);
  }

  // Negative: ReferenceCountUtil.safeRelease() as the last use of a local owner.
  String decodeCopy(ByteBuf in) {
    ByteBuf copy = in.copy(0, in.readableBytes());
    String text = copy.toString(StandardCharsets.US_ASCII);
    ReferenceCountUtil.safeRelease(copy);
    return text;
  }

  // Negative: a released variable re-assigned to a fresh buffer.
  void twoFrames(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(8);
    buf.writeInt(1);
    buf.release();
    buf = alloc.buffer(8);
    buf.writeInt(2);
    buf.release();
  }

  // Negative: retain() hands out a second reference; each reference is released once.
  void retainAndReleaseTwice() {
    ByteBuf buf = Unpooled.directBuffer(16);
    ByteBuf extra = buf.retain();
    extra.release();
    buf.writeByte(1);
    buf.release();
  }

  // Negative (decision 65): locals naming buffers someone else holds are aliases; copying one to
  // another local copies a reference and moves nothing.
  int walkAliases(java.util.List<ByteBuf> chain) {
    ByteBuf previous = chain.get(0);
    ByteBuf current = previous;
    return previous.readableBytes() + current.readableBytes();
  }

  // A buffer this method allocated is moved by the assignment, as in Rust.
  int copyOfOwnedBuffer(io.netty.buffer.ByteBufAllocator alloc) {
    ByteBuf mine = alloc.buffer();
    ByteBuf other = mine;
    int n = mine.readableBytes(); // expect: use-after-move
    other.release();
    return n;
  }

  private ByteBuf body;

  // Negative (decision 343): touch() returns the buffer itself; the setter keeps it in a field.
  private void setBody(ByteBuf buf) {
    if (body != null) {
      body.release();
    }
    body = buf.touch();
  }

  // Negative: the buffer handed to a setter that keeps what touch() returns.
  NettyBuffers withBody(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeByte(1);
    setBody(buf);
    return this;
  }

  // Negative: ReferenceCountUtil.touch(msg) handed on is the message itself.
  void handOnTouched(ChannelHandlerContext ctx, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    ctx.write(ReferenceCountUtil.touch(buf, "relay"));
  }

  // What touch() returned is still the buffer: read after the buffer's release.
  int readTouchedAfterRelease(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    ByteBuf touched = buf.touch();
    buf.release();
    return touched.readableBytes(); // expect: use-after-move
  }

  // A touched buffer dropped: still the method's to release.
  void touchedAndDropped(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    buf.touch("dropped").writeByte(1);
  }
}
