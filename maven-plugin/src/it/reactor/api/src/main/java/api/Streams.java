package api;

import java.io.Closeable;
import java.io.IOException;

/** Module A's close helper: unannotated, read from its class file in module B (decision 318). */
public final class Streams {
  private Streams() {}

  public static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // quietly
      }
    }
  }
}
