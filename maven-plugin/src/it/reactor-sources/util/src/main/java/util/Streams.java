package util;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Module A's stream helpers, unannotated: what they do is read from their bodies. */
public final class Streams {
  private Streams() {}

  public static InputStream open(File file) throws IOException {
    return new FileInputStream(file);
  }

  public static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
