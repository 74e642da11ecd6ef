package mwb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Mut;

/**
 * A pooled byte buffer (support type). Not an owned type by itself: a variable is an owner when
 * it comes from {@link Pool#take()} or is declared {@code @Owned}. Releasing twice corrupts the
 * pool, so an owned buffer must be released or handed on exactly once.
 */
public class Buffer {
  private final int[] data = new int[64];
  private int position;

  @Mut
  public void put(int value) {
    data[position++] = value;
  }

  public int get(int index) {
    return data[index];
  }

  public int size() {
    return position;
  }

  /** A window on this buffer, borrowed from it. */
  @Borrowed
  public Slice slice(int from, int to) {
    return new Slice(this, from, to);
  }

  /** Returns the buffer to its pool. Not idempotent. */
  @Consumes
  public void release() {
    position = 0;
  }
}
