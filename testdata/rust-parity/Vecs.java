package parity;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** Free functions over vectors (support type), as the rustc tests declare them. */
public final class Vecs {
  private Vecs() {}

  /** {@code fn bar(x: &mut Vec)}. */
  public static void bar(@Mut Vec v) {
    v.push(0);
  }

  /** {@code fn borrow(x: &Vec) -> usize}. */
  public static int borrow(@Borrowed Vec v) {
    return v.len();
  }

  /** {@code fn eat(x: Vec)}: takes ownership. */
  public static void eat(@Owned Vec v) {
    v.push(1);
  }

  /** {@code fn add(v: &[i32], w: Vec) -> usize}: reads one, takes the other. */
  public static int add(View v, @Owned Vec w) {
    return v.len() + w.len();
  }

  /** {@code fn extend(vec: &mut Vec, slice: &[i32])}. */
  public static void extend(@Mut Vec into, View from) {
    into.extendFrom(from);
  }

  /** {@code fn call<'a>(&self, x: &'a Vec) -> &'a [i32]}: the result borrows from the argument. */
  @Borrowed(from = "v")
  public static View identity(Vec v) {
    return v.view();
  }

  /** {@code fn keep(x: &'static Vec)}: the vector is kept after the call (a registry, a cache). */
  public static void keep(@org.borrowck4j.annotations.Retained Vec v) {
    KEPT.add(v);
  }

  private static final java.util.List<Vec> KEPT = new java.util.ArrayList<>();
}
