package parity;

import org.borrowck4j.annotations.Mut;

/**
 * A view of a {@link Vec}'s elements (support type), Rust's {@code &[i32]} or {@code &mut [i32]}:
 * the elements {@code from} (inclusive) to {@code to} (exclusive) of {@code items}.
 */
public record View(int[] items, int from, int to) {
  public int get(int i) {
    return items[from + i];
  }

  public int len() {
    return to - from;
  }

  /** Writes through the view: needs {@code &mut [i32]}. */
  @Mut
  public void fill(int value) {
    java.util.Arrays.fill(items, from, to, value);
  }
}
