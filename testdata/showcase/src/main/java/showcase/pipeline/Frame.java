package showcase.pipeline;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/** A pooled, reference-counted network frame: whoever holds it must release it exactly once. */
@Owned
public final class Frame {
  private final byte[] data;
  private int length;

  Frame(int capacity) {
    this.data = new byte[capacity];
  }

  public void write(byte[] bytes) {
    System.arraycopy(bytes, 0, data, length, bytes.length);
    length += bytes.length;
  }

  public int length() {
    return length;
  }

  /** Returns the frame to its pool; the frame must not be touched afterwards. */
  @Consumes
  public void release() {
    length = -1;
  }
}
