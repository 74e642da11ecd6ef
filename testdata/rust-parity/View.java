package parity;

import org.borrowck4j.annotations.Mut;

/** A view of a {@link Vec}'s elements (support type), Rust's {@code &[i32]} or {@code &mut [i32]}. */
public class View {
  private final int[] items;
  private final int from;
  private final int to;

  View(int[] items, int from, int to) {
    this.items = items;
    this.from = from;
    this.to = to;
  }

  public int get(int i) {
    return items[from + i];
  }

  public int len() {
    return to - from;
  }

  /** Writes through the view: needs {@code &mut [i32]}. */
  @Mut
  public void fill(int value) {
    for (int i = from; i < to; i++) {
      items[i] = value;
    }
  }
}
