package cb;

import org.borrowck4j.annotations.Mut;

/** A window on a {@link Buffer} (support type), handed out by {@link Buffer#slice}. */
public class Slice {
  private final Buffer buffer;
  private final int from;
  private final int to;

  Slice(Buffer buffer, int from, int to) {
    this.buffer = buffer;
    this.from = from;
    this.to = to;
  }

  public int get(int index) {
    return buffer.get(from + index);
  }

  public int length() {
    return to - from;
  }

  /** Writes into the underlying buffer. */
  @Mut
  public void fill(int value) {
    for (int i = from; i < to; i++) {
      buffer.set(i, value);
    }
  }
}
