package uam;

import org.borrowck4j.annotations.Consumes;

/**
 * A pooled, reference-counted byte buffer (support type). Not an owned type by itself: a Buffer
 * variable is an owner only when declared {@code @Owned} or initialised from an {@code @Owned}
 * method such as {@link Pool#take()}. Releasing twice corrupts the pool; closing is idempotent.
 */
public class Buffer {
  private final byte[] data;
  private int position;
  private int limit;

  public Buffer(int capacity) {
    this.data = new byte[capacity];
    this.limit = capacity;
  }

  public void put(byte value) {
    data[position++] = value;
  }

  public byte get(int index) {
    return data[index];
  }

  public void flip() {
    limit = position;
    position = 0;
  }

  public int size() {
    return limit - position;
  }

  public boolean isEmpty() {
    return limit == position;
  }

  /** Returns the buffer to its pool; true when this was the last reference. Not idempotent. */
  @Consumes
  public boolean release() {
    return true;
  }

  /** Closing an already closed or released buffer is harmless. */
  @Consumes(idempotent = true)
  public void close() {}
}
