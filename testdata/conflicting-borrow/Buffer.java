package cb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/**
 * A growable byte buffer (support type). Not an owned type: it is tracked for borrow conflicts
 * because it has {@code @Mut} and {@code @Borrowed} methods.
 */
public class Buffer {
  private int[] data = new int[16];
  public int limit;
  public int position;

  @Mut
  public void write(int value) {
    if (position == data.length) {
      data = java.util.Arrays.copyOf(data, data.length * 2);
    }
    data[position++] = value;
    limit = position;
  }

  @Mut
  public void clear() {
    position = 0;
    limit = 0;
  }

  public int size() {
    return limit;
  }

  public int get(int index) {
    return data[index];
  }

  /** Not a structural change: overwrites one element in place. */
  public void set(int index, int value) {
    data[index] = value;
  }

  /** A window on this buffer, borrowed from it. */
  @Borrowed
  public Slice slice(int from, int to) {
    return new Slice(this, from, to);
  }
}
