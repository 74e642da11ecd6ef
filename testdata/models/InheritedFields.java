package models;

import io.netty.buffer.ByteBuf;

/**
 * A field the class inherits from a superclass declared in another file is typed by that
 * declaration (decision 242): `buf.readBytes(incoming)` with a `ByteBuffer` field copies into it
 * and returns the buffer itself, while `readBytes(expected)` with an `int` allocates a new buffer.
 */
public class InheritedFields extends ReceivingBase {
  /** Copies into the inherited NIO buffer: nothing new to release. */
  void copyIntoTheInheritedBuffer(ByteBuf buf) {
    buf.readBytes(incoming);
  }

  /** Reads as many bytes as the inherited count says into a new buffer, and drops it. */
  void readTheInheritedCountAndDrop(ByteBuf buf) {
    buf.readBytes(expected); // expect: owned-value-leaked
  }

  /** The same from an inner class, whose outer class inherits the field. */
  class Handler {
    void copy(ByteBuf buf) {
      buf.readBytes(incoming);
    }
  }
}
