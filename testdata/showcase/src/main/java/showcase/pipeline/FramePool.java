package showcase.pipeline;

import org.borrowck4j.annotations.Owned;

/** Hands out frames; the caller owns each frame it gets. */
public final class FramePool {
  private final int frameSize;

  public FramePool(int frameSize) {
    this.frameSize = frameSize;
  }

  @Owned
  public Frame acquire() {
    return new Frame(frameSize);
  }
}
