package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufHolder;
import io.netty.util.internal.ObjectUtil;
import java.util.Objects;

/**
 * A method that returns a new object wrapping one of its parameters hands the parameter to its
 * caller inside the result, as the constructor it calls does (decision 239): Netty's memcache
 * messages copy and duplicate themselves through `newInstance(key, extras, content)`. A null check
 * that hands its argument back is that argument's second handle: a field given its result keeps it.
 */
public class WrappingFactories {
  static class Message implements ByteBufHolder {
    private final ByteBuf key;
    private final ByteBuf content;

    Message(ByteBuf key, ByteBuf content) {
      this.key = key;
      this.content = ObjectUtil.checkNotNull(content, "content");
    }

    ByteBuf key() {
      return key;
    }

    @Override
    public ByteBuf content() {
      return content;
    }

    /** A copy owns copies of the buffers, through a factory that wraps them. */
    @Override
    public Message copy() {
      ByteBuf key = key();
      if (key != null) {
        key = key.copy();
      }
      return newInstance(key, content().copy());
    }

    @Override
    public Message duplicate() {
      return new Message(key, content);
    }

    /** The same through a factory that returns the new object directly. */
    @Override
    public Message retainedDuplicate() {
      ByteBuf key = key().retainedDuplicate();
      return wrap(key, content().retainedDuplicate());
    }

    /** A replacement takes the content it is given and a duplicate of the key. */
    @Override
    public Message replace(ByteBuf content) {
      ByteBuf key = key();
      if (key != null) {
        key = key.retainedDuplicate();
      }
      return newInstance(key, content);
    }

    private Message newInstance(ByteBuf key, ByteBuf content) {
      Message m = new Frame(key, content);
      copyMeta(m);
      return m;
    }

    private Message wrap(ByteBuf key, ByteBuf content) {
      return new Frame(key, content);
    }

    private void copyMeta(Message m) {}

    @Override
    public int refCnt() {
      return content.refCnt();
    }

    @Override
    public Message retain() {
      content.retain();
      return this;
    }

    @Override
    public Message retain(int increment) {
      content.retain(increment);
      return this;
    }

    @Override
    public Message touch() {
      return this;
    }

    @Override
    public Message touch(Object hint) {
      return this;
    }

    @Override
    public boolean release() {
      if (key != null) {
        key.release();
      }
      return content.release();
    }

    @Override
    public boolean release(int decrement) {
      return release();
    }
  }

  static class Frame extends Message {
    Frame(ByteBuf key, ByteBuf content) {
      super(key, content);
    }
  }

  /** The message released releases the buffer it wraps: reading the buffer after is a bug. */
  static byte readAfterTheMessageIsReleased(Message template, ByteBufAllocator alloc) {
    ByteBuf key = alloc.buffer(8);
    Message m = template.newInstance(key, alloc.buffer(8));
    m.release();
    return key.readByte(); // expect: use-after-move
  }

  /** Released through the message, not twice: the correct idiom. */
  static void releasedOnce(Message template, ByteBufAllocator alloc) {
    ByteBuf key = alloc.buffer(8);
    Message m = template.newInstance(key, alloc.buffer(8));
    key.writeByte(1);
    m.release();
  }

  /** `requireNonNull` hands back what it is given: the buffer and its checked name are one. */
  static byte readAfterReleasingTheCheckedName(ByteBuf buf) {
    ByteBuf checked = Objects.requireNonNull(buf, "buf");
    checked.release();
    return buf.readByte(); // expect: use-after-move
  }

  /** Checked, then released once through either name: the correct idiom. */
  static void checkedThenReleased(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(8);
    ByteBuf checked = Objects.requireNonNull(buf, "buf");
    checked.writeByte(1);
    buf.release();
  }
}
