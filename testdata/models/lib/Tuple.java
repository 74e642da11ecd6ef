package com.google.cloud;

/** A stand-in for google-cloud-core's Tuple (the test data compiles without the library). */
public final class Tuple<X, Y> {
  private final X x;
  private final Y y;

  private Tuple(X x, Y y) {
    this.x = x;
    this.y = y;
  }

  public static <X, Y> Tuple<X, Y> of(X x, Y y) {
    return new Tuple<>(x, y);
  }

  public X x() {
    return x;
  }

  public Y y() {
    return y;
  }
}
