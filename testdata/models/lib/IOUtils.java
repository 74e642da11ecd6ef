package org.apache.commons.io;

import java.io.Closeable;
import java.io.IOException;

/** A stand-in for commons-io's IOUtils (the test data compiles without the library). */
public final class IOUtils {
  private IOUtils() {}

  public static void closeQuietly(Closeable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (IOException ignored) {
      // quietly
    }
  }
}
