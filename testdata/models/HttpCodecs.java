package models;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.multipart.HttpData;
import java.io.IOException;

/** An HttpData takes the buffer it is given as content (its javadoc: ownership "is transferred"). */
public class HttpCodecs {
  /** The data owns the buffer now: releasing it too releases it twice. */
  void setThenRelease(HttpData data, byte[] bytes) throws IOException {
    ByteBuf content = Unpooled.wrappedBuffer(bytes);
    data.setContent(content);
    content.release(); // expect: use-after-move
  }

  /** Handing the buffer over is the whole duty. */
  void setContent(HttpData data, byte[] bytes) throws IOException {
    ByteBuf content = Unpooled.wrappedBuffer(bytes);
    data.addContent(content, true);
  }
}
