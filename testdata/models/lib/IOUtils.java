package org.apache.commons.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

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

  public static String toString(InputStream input, Charset charset) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toString(charset);
  }
}
