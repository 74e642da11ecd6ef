package cb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/** A grid of cells (support type): a plain class, lent to methods through @Borrowed/@Mut parameters. */
public class Grid {
  int[] cells = new int[9];
  private final Grid overlay = null;

  /** The overlay drawn on this grid, borrowed from it. */
  @Borrowed
  public Grid overlay() {
    return overlay;
  }

  /** A fresh grid with the same cells. */
  @Owned
  public Grid copy() {
    Grid g = new Grid();
    g.cells = cells.clone();
    return g;
  }
}
