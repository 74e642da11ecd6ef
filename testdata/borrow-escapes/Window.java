package escapes;

/** A view into a packet's bytes (support type). */
public class Window {
  private final byte[] bytes;
  private final int from;
  private final int to;

  Window(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.to = to;
  }

  public int size() {
    return to - from;
  }

  public byte get(int i) {
    return bytes[from + i];
  }
}
