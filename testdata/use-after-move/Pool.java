package uam;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/** Hands out buffers (support type). */
public class Pool {
  private final Buffer current = new Buffer(256);

  /** A fresh buffer owned by the caller. */
  @Owned
  public Buffer take() {
    return new Buffer(4096);
  }

  /** A view of the pool's current buffer, borrowed from the pool. */
  @Borrowed
  public Buffer peek() {
    return current;
  }

  private final java.util.Map<String, Buffer> cache = new java.util.HashMap<>();

  /** Unannotated, and a cached buffer the pool keeps: the result is a plain, untracked value. */
  public Buffer lookup(String name) {
    return cache.get(name);
  }
}
