package cb;

import org.borrowck4j.annotations.Mut;

/** Static helpers over grids (support type). */
public final class Grids {
  private Grids() {}

  /** Scales every cell into 0..1, in place. */
  public static void normalize(@Mut Grid g) {
    for (int i = 0; i < g.cells.length; i++) {
      g.cells[i] = Math.min(1, Math.max(0, g.cells[i]));
    }
  }

  public static int sum(Grid g) {
    int total = 0;
    for (int c : g.cells) {
      total += c;
    }
    return total;
  }
}
