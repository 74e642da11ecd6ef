package outlives;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/**
 * A memory region (support type). An owned type: a local holding one is dropped at the end of
 * its block. Closing is idempotent, so an unclosed region is not a leak.
 */
@Owned
public class Region implements AutoCloseable {
  private final int[] cells;

  public Region(int size) {
    this.cells = new int[size];
  }

  /** A window on this region, borrowed from it. */
  @Borrowed
  public View view() {
    return new View(cells, 0, cells.length);
  }

  public int size() {
    return cells.length;
  }

  @Override
  @Consumes(idempotent = true)
  public void close() {}
}
