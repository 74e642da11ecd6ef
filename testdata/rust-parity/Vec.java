package parity;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/**
 * A growable vector of ints (support type), the Java stand-in for Rust's {@code Vec<i32>} in the
 * translations of rustc's borrowck tests: {@code @Mut} methods take {@code &mut self}, {@code
 * @Borrowed} ones return a view borrowed from it, {@link #copy} is its {@code clone()}.
 */
public class Vec {
  private int[] items = new int[4];
  private int size;
  /** A field of the vector, as {@code p.x} of a struct. */
  public int tag;

  @Owned
  public static Vec of(int... values) {
    Vec v = new Vec();
    for (int x : values) {
      v.push(x);
    }
    return v;
  }

  @Mut
  public void push(int value) {
    if (size == items.length) {
      items = java.util.Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  @Mut
  public int pop() {
    return items[--size];
  }

  public int len() {
    return size;
  }

  public int get(int i) {
    return items[i];
  }

  /** {@code &self -> &[i32]}: a view of the elements, borrowed from this vector. */
  @Borrowed
  public View view() {
    return new View(items, 0, size);
  }

  /** {@code &mut self -> &[i32]}: makes room, then lends a view of the elements. */
  @Mut
  @Borrowed
  public View grow() {
    items = java.util.Arrays.copyOf(items, items.length * 2);
    return view();
  }

  /** {@code extend_from_slice(&mut self, &[i32])}. */
  @Mut
  public void extendFrom(View other) {
    for (int i = 0; i < other.len(); i++) {
      push(other.get(i));
    }
  }

  /** {@code append(&mut self, &mut Vec)}: moves the other vector's elements here. */
  @Mut
  public void append(@Mut Vec other) {
    while (other.len() > 0) {
      push(other.pop());
    }
  }

  /** A fresh vector with the same elements (its {@code clone()}). */
  @Owned
  public Vec copy() {
    Vec v = new Vec();
    for (int i = 0; i < size; i++) {
      v.push(items[i]);
    }
    return v;
  }
}
