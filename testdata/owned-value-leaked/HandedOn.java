package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Decision 37: a buffer given to code that declares nothing, whose result is kept, may have been
 * wrapped by it; no leak is guessed. A result that is dropped, or that cannot hold the buffer,
 * keeps nothing.
 */
public class HandedOn {
  private final ByteBufAllocator alloc;
  private final List<Object> out;
  private Object last;

  public HandedOn(ByteBufAllocator alloc, List<Object> out) {
    this.alloc = alloc;
    this.out = out;
  }

  /** Wraps a buffer, with no annotation saying so (Spring's NettyDataBuffer, Netty's DatagramPacket). */
  static final class Frame {
    final ByteBuf content;

    Frame(ByteBuf content) {
      this.content = content;
    }
  }

  static ByteBuf leakAware(ByteBuf buf) {
    return buf;
  }

  static void log(Object o) {}

  static String describe(ByteBuf buf) {
    return buf.toString();
  }

  static ByteBuf combine(ByteBuf a, ByteBuf b) {
    return a;
  }

  // Negative: the wrapper is returned.
  Frame wrappedAndReturned() {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    return new Frame(buf);
  }

  // Negative: what the helper returns is returned (Netty's toLeakAwareBuffer).
  ByteBuf passedThroughAndReturned() {
    ByteBuf buf = alloc.buffer();
    return leakAware(buf);
  }

  // Negative: the wrapper goes into a list that keeps it.
  void wrappedAndQueued() {
    ByteBuf buf = alloc.buffer();
    out.add(new Frame(buf));
  }

  // Negative: the wrapper is stored in a field.
  void wrappedAndStored() {
    ByteBuf buf = alloc.buffer();
    last = new Frame(buf);
  }

  // Negative: an owner of buffers takes what the helper makes of the old one; on the branch where
  // it was null it held nothing to release.
  ByteBuf accumulated(List<ByteBuf> parts) {
    ByteBuf acc = null;
    for (ByteBuf part : parts) {
      acc = acc == null ? alloc.buffer() : combine(acc, part);
    }
    return acc;
  }

  // Negative: given a new buffer only where it had none.
  ByteBuf firstOnly(int n) {
    ByteBuf first = null;
    for (int i = 0; i < n; i++) {
      if (first == null) {
        first = alloc.buffer();
      }
    }
    return first;
  }

  // A helper whose result is dropped keeps nothing.
  void loggedOnly() {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    log(buf);
  }

  // A String cannot hold the buffer.
  String describedOnly() {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    return describe(buf);
  }

  // Negative: the wrapper kept in a local, then returned (decision 37 through a local).
  Frame wrappedInALocalThenReturned() {
    ByteBuf buf = alloc.buffer();
    Frame f = new Frame(buf);
    log(f);
    return f;
  }

  // Negative: assigned to a local, then queued.
  void wrappedInALocalThenQueued() {
    ByteBuf buf = alloc.buffer();
    Frame chunk;
    chunk = new Frame(buf);
    out.add(chunk);
  }

  // Negative: handed from local to local, then stored.
  void wrappedThroughTwoLocals() {
    ByteBuf buf = alloc.buffer();
    Frame a = new Frame(buf);
    Frame b = a;
    last = b;
  }

  // The nearest bug: the wrapper in a local that is only logged.
  void wrappedInALocalAndLogged() {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    Frame f = new Frame(buf);
    log(f);
  }

  // Negative: a fluent write returns the buffer itself, which is returned.
  ByteBuf fluentReturned(int value) {
    ByteBuf buf = alloc.buffer(4);
    return buf.writeInt(value);
  }

  // A wrapper nobody keeps.
  int wrappedAndDropped() {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    Frame f = new Frame(buf);
    return f.content.readableBytes();
  }

  // Overwritten where it is known to hold a buffer (the first round allocates; until decision 256
  // this case had no `else`, and `current` could never be anything but null).
  ByteBuf overwrittenWhenSet(int n) {
    ByteBuf current = null; // expect: owned-value-leaked
    for (int i = 0; i < n; i++) {
      if (current != null) {
        current = alloc.buffer();
      } else {
        current = alloc.buffer(1);
      }
    }
    return current;
  }
}
