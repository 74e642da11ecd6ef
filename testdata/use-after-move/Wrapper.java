package uam;

import org.borrowck4j.annotations.Owned;

/** Takes ownership of a buffer in its constructor (support type). */
public class Wrapper {
  @Owned private final Buffer buffer;

  public Wrapper(@Owned Buffer buffer) {
    this.buffer = buffer;
  }

  public int size() {
    return buffer.size();
  }
}
