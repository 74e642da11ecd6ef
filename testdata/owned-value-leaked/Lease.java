package leaks;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/** A pooled lease (support type): an owned type that must be released exactly once. */
@Owned
public class Lease {
  private final int id;

  public Lease(int id) {
    this.id = id;
  }

  @Owned
  public static Lease acquire() {
    return new Lease(0);
  }

  public int id() {
    return id;
  }

  /** Returns the lease to its pool. Releasing twice corrupts the pool. */
  @Consumes
  public void release() {}
}
