package mwb;

/** A window on a {@link Buffer} (support type). */
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
}
