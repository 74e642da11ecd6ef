package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A variable that holds a view of someone else's buffer and is then given a buffer of its own
 * owns that one from there on (D4, decision 326): the view was only lent, the new buffer is its
 * duty.
 */
public class ReplacedViews {
  private final ByteBufAllocator alloc;

  public ReplacedViews(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  // Negative (r2dbc-postgresql's ArrayCodec): the filtered copy replaces the slice, and the
  // variable releases it.
  String filteredCopyReleased(ByteBuf buf) {
    ByteBuf slice = buf.slice(0, 4);
    {
      ByteBuf filtered = alloc.buffer(4);
      filtered.writeBytes(slice);
      slice = filtered;
    }
    String text = slice.toString(java.nio.charset.StandardCharsets.US_ASCII);
    slice.release();
    return text;
  }

  // The copy replaces the slice and nobody releases it.
  int filteredCopyLeaked(ByteBuf buf) {
    ByteBuf slice = buf.slice(0, 4); // expect: owned-value-leaked
    {
      ByteBuf filtered = alloc.buffer(4);
      filtered.writeBytes(slice);
      slice = filtered;
    }
    return slice.readableBytes();
  }

  // A new buffer given straight to the variable that held a view, never released.
  int newBufferLeaked(ByteBuf buf) {
    ByteBuf view = buf.duplicate(); // expect: owned-value-leaked
    if (view.readableBytes() < 4) {
      view = alloc.buffer(4);
      view.writeInt(0);
    }
    return view.readInt();
  }

  // Negative: the view stays a view on every path; nothing of its own to release.
  int viewOnly(ByteBuf buf) {
    ByteBuf view = buf.duplicate();
    if (view.readableBytes() < 4) {
      view = buf.slice(0, buf.readableBytes());
    }
    return view.readableBytes();
  }
}
