package uam;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;

/**
 * A type test reads only the object's class, as a comparison of references reads only its
 * identity: after a release it is no use (decision 325). Reading the object is.
 */
public class TypeTests {
  private int composites;

  // Negative (Netty's HAProxyMessage.releaseDeep): which kind of buffer it was, asked after it
  // was released.
  void countAfterRelease(ByteBuf buf) {
    buf.release();
    if (buf instanceof CompositeByteBuf) {
      composites++;
    }
  }

  // The buffer's content read after the release.
  int readAfterRelease(ByteBuf buf) {
    buf.release();
    if (buf instanceof CompositeByteBuf) {
      return ((CompositeByteBuf) buf).numComponents(); // expect: use-after-move
    }
    return 0;
  }

  // A pattern binds a second name to the released buffer: a use, as `ByteBuf c = buf` would be.
  int patternAfterRelease(ByteBuf buf) {
    buf.release();
    if (buf instanceof CompositeByteBuf c) { // expect: use-after-move
      return c.numComponents();
    }
    return 0;
  }
}
