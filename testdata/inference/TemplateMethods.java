package inference;

import io.netty.buffer.ByteBuf;

/**
 * A template method's calls on {@code this} run the overrides of the object it runs on: called
 * through {@code super.} from a class, the inherited body is summarised for that class (its own
 * overrides and those of its subclasses), not for every analysed subclass of the declaring one.
 */
public class TemplateMethods {
  abstract static class FrameDecoder {
    protected Object decode(ByteBuf in) {
      if (in.readableBytes() < 4) {
        return null;
      }
      ByteBuf frame = extractFrame(in, in.readerIndex(), 4);
      in.skipBytes(4);
      return frame;
    }

    /** A fresh buffer the caller must release. */
    protected ByteBuf extractFrame(ByteBuf buffer, int index, int length) {
      return buffer.retainedSlice(index, length);
    }
  }

  /** Its frames are views of the input: nothing to release. */
  static class SlicingDecoder extends FrameDecoder {
    @Override
    protected ByteBuf extractFrame(ByteBuf buffer, int index, int length) {
      return buffer.slice(index, length);
    }
  }

  /** Reads the frame and drops it: the retained slice is never released (netty pull 15033: TcpDnsQueryDecoder). */
  static final class QueryDecoder extends FrameDecoder {
    @Override
    protected Object decode(ByteBuf in) {
      ByteBuf frame = (ByteBuf) super.decode(in); // expect: owned-value-leaked
      if (frame == null) {
        return null;
      }
      return frame.getInt(0);
    }
  }

  /** The fix: the frame is released once read. */
  static final class ReleasingDecoder extends FrameDecoder {
    @Override
    protected Object decode(ByteBuf in) {
      ByteBuf frame = (ByteBuf) super.decode(in);
      if (frame == null) {
        return null;
      }
      try {
        return frame.getInt(0);
      } finally {
        frame.release();
      }
    }
  }

  /** Inherits the slicing override: its frames are views, and dropping one is fine. */
  static final class ViewDecoder extends SlicingDecoder {
    @Override
    protected Object decode(ByteBuf in) {
      ByteBuf frame = (ByteBuf) super.decode(in);
      return frame == null ? null : frame.getInt(0);
    }
  }
}
