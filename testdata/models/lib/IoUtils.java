package org.xnio;

import java.io.Closeable;

/**
 * A stand-in for XNIO's IoUtils (the test data compiles without the library). Its body is left
 * empty on purpose: what {@code safeClose} does is the built-in model's word, not this body's.
 */
public final class IoUtils {
  private IoUtils() {}

  public static void safeClose(Closeable resource) {
    // closes the resource, logging a failure: see the model
  }
}
