package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * "Release it only if we allocated it": a flag set where the buffer is allocated, tested where it
 * is released (decision 256; Spring's PathMatchingResourcePatternResolver closes its jar file the
 * same way). The leak analysis follows the flags the method records something in, as the move
 * analysis does (decision 249).
 */
public class RecordedRelease {
  private final ByteBufAllocator alloc;

  public RecordedRelease(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  // Negative: released exactly where it was allocated here.
  int releaseIfAllocatedHere(ByteBuf given) {
    ByteBuf buf;
    boolean release;
    if (given != null) {
      buf = given;
      release = false;
    } else {
      buf = alloc.buffer();
      release = true;
    }
    try {
      return buf.readableBytes();
    } finally {
      if (release) {
        buf.release();
      }
    }
  }

  // The nearest bug: the flag says the other way round.
  int releaseIfGiven(ByteBuf given) {
    ByteBuf buf; // expect: owned-value-leaked
    boolean release;
    if (given != null) {
      buf = given;
      release = true;
    } else {
      buf = alloc.buffer();
      release = false;
    }
    try {
      return buf.readableBytes();
    } finally {
      if (release) {
        buf.release();
      }
    }
  }
}
