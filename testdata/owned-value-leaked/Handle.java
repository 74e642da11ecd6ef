package leaks;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/** A handle (support type): an owned type whose only consuming method is idempotent. */
@Owned
public class Handle implements AutoCloseable {
  public int read() {
    return 0;
  }

  @Override
  @Consumes(idempotent = true)
  public void close() {}
}
