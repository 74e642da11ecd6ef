package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A {@code return} that a {@code finally} block's exception cancels has handed nothing to the
 * caller (decision 250): the value is the method's again in the {@code catch} that gets the
 * exception (D9's rule for calls, applied to returns).
 */
public class CancelledReturns {

  // Negative: the inner finally may throw after the return, and the catch releases the header
  // that was not handed over (Netty's MqttEncoder.encodePropertiesIfNeeded).
  static ByteBuf encode(ByteBufAllocator alloc, byte[] properties) {
    ByteBuf header = alloc.buffer(4);
    try {
      ByteBuf body = alloc.buffer(properties.length);
      try {
        body.writeBytes(properties);
        header.writeInt(body.readableBytes());
        header.writeBytes(body);
        return header;
      } finally {
        body.release();
      }
    } catch (RuntimeException e) {
      header.release();
      throw e;
    }
  }

  // The returned buffer released on the way out: the caller gets a released buffer.
  static ByteBuf encodeAndRelease(ByteBufAllocator alloc, byte[] properties) {
    ByteBuf header = alloc.buffer(4);
    try {
      header.writeBytes(properties);
      return header;
    } finally {
      header.release(); // expect: use-after-move
    }
  }
}
