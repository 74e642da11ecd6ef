package inference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.borrowck4j.annotations.Consumes;

/** Results a helper keeps itself are not the caller's to release; closing through a helper. */
public class KeptResults {
  static final class Block {
    @Consumes
    void free() {}
  }

  /** A buffer the caller must release. */
  abstract static class Buf {
    abstract int readableBytes();

    abstract byte getByte(int index);

    @Consumes
    abstract void release();
  }

  /** A buffer that knows where it starts (Netty's FixedCompositeByteBuf.Component). */
  private static final class Component extends Buf {
    final int offset;
    final Buf buf;

    Component(int offset, Buf buf) {
      this.offset = offset;
      this.buf = buf;
    }

    @Override
    int readableBytes() {
      return buf.readableBytes();
    }

    @Override
    byte getByte(int index) {
      return buf.getByte(index);
    }

    @Override
    void release() {
      buf.release();
    }
  }

  private final Buf[] buffers = new Buf[4];

  // Made once and kept in the array: the caller gets what this object holds (Netty's
  // FixedCompositeByteBuf.findComponent).
  private Component findComponent(int index) {
    int readable = 0;
    for (int i = 0; i < buffers.length; i++) {
      Component comp = null;
      Buf b = buffers[i];
      if (b instanceof Component) {
        comp = (Component) b;
        b = comp.buf;
      }
      readable += b.readableBytes();
      if (index < readable) {
        if (comp == null) {
          comp = new Component(readable - b.readableBytes(), b);
          buffers[i] = comp;
        }
        return comp;
      }
    }
    throw new IllegalStateException();
  }

  // Negative: the array keeps the component.
  byte byteAt(int index) {
    Component c = findComponent(index);
    return c.buf.getByte(index - c.offset);
  }

  // A fresh block handed to the caller, who must free it.
  private Block freshBlock() {
    Block b = new Block();
    return b;
  }

  int freshNotFreed() {
    Block b = freshBlock(); // expect: owned-value-leaked
    return b.hashCode();
  }

  // Closes the stream it is given, through the wrapper it writes with.
  private static void serialize(Serializable obj, OutputStream out) {
    try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(obj);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Negative: an in-memory sink's bytes are there after it was closed (D19).
  byte[] toBytes(Serializable obj) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    serialize(obj, bytes);
    return bytes.toByteArray();
  }

  // A file stream written after the helper closed it.
  void appendAfterSerialize(Serializable obj, Path p) throws IOException {
    OutputStream file = Files.newOutputStream(p);
    serialize(obj, file);
    file.write('\n'); // expect: use-after-move
  }
}
