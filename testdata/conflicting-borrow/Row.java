package cb;

/** A row of a {@link Matrix} (support type), borrowed from it. */
public class Row {
  private final int[] cells;

  Row(int[] cells) {
    this.cells = cells;
  }

  public int first() {
    return cells[0];
  }

  /** A copy of the row's cells, which borrows nothing. */
  public int[] toArray() {
    return cells.clone();
  }
}
