package outlives;

import org.borrowck4j.annotations.Borrowed;

/** A read-only window on a region (support type). */
public class View {
  private final int[] cells;
  private final int from;
  private final int to;

  View(int[] cells, int from, int to) {
    this.cells = cells;
    this.from = from;
    this.to = to;
  }

  public int read(int i) {
    return cells[from + i];
  }

  public int length() {
    return to - from;
  }

  /** A narrower window: borrows from the same region. */
  @Borrowed
  public View sub(int start) {
    return new View(cells, from + start, to);
  }
}
