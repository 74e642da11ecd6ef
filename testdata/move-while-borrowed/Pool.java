package mwb;

import org.borrowck4j.annotations.Owned;

/** Hands out buffers (support type). */
public class Pool {
  /** A fresh buffer owned by the caller, who must release it or hand it on. */
  @Owned
  public Buffer take() {
    return new Buffer();
  }
}
