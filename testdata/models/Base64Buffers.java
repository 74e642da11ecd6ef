package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.base64.Base64;
import java.util.List;

/** Netty's Base64 encodes and decodes into a new buffer that the caller must release. */
public class Base64Buffers {

  // The nearest bug (netty-socketio 1.7.13): the encoded buffer is copied and never released.
  void attach(ByteBuf frame, List<ByteBuf> attachments) {
    ByteBuf encoded = Base64.encode(frame); // expect: owned-value-leaked
    attachments.add(Unpooled.copiedBuffer(encoded));
  }

  // Negative: the fix releases it after the copy.
  void attachFixed(ByteBuf frame, List<ByteBuf> attachments) {
    ByteBuf encoded = Base64.encode(frame);
    attachments.add(Unpooled.copiedBuffer(encoded));
    encoded.release();
  }

  // Negative: the source buffer is only read: the caller still owns it and may release it.
  String text(ByteBuf frame) {
    ByteBuf decoded = Base64.decode(frame);
    try {
      return decoded.toString(java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      decoded.release();
      frame.release();
    }
  }
}
