package cb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Static helpers over buffers (support type). */
public final class Buffers {
  private Buffers() {}

  /** Appends every element of {@code from} to {@code to}. */
  public static void copy(@Borrowed Buffer from, @Mut Buffer to) {
    int n = from.size();
    for (int i = 0; i < n; i++) {
      to.write(from.get(i));
    }
  }

  /** Compares two buffers element by element. */
  public static int compare(@Borrowed Buffer a, @Borrowed Buffer b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Exchanges the first elements of two buffers. */
  public static void swapFirst(@Mut Buffer a, @Mut Buffer b) {
    int x = a.get(0);
    a.set(0, b.get(0));
    b.set(0, x);
  }

  /** Appends {@code count} copies of {@code value}. */
  public static void fill(@Mut Buffer target, int value, int count) {
    for (int i = 0; i < count; i++) {
      target.write(value);
    }
  }

  /** A window on {@code buf}: the result borrows from the parameter, not from a receiver. */
  @Borrowed(from = "buf")
  public static Slice window(Buffer buf, int from, int to) {
    return buf.slice(from, to);
  }

  /** Sums the elements. */
  public static int sum(@Borrowed Buffer b) {
    int total = 0;
    for (int i = 0; i < b.size(); i++) {
      total += b.get(i);
    }
    return total;
  }
}
