package leaks;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A local that is a plain copy of a file stream (decision 257), wrapped: the wrapper is a handle on
 * the stream, and returning it hands the stream to the caller (decision 359).
 */
public class CopiesWrapped {
  boolean preCache;
  boolean gzip;

  // Negative (BioJava's ClasspathResource): the stream itself, or a copy of its bytes, returned
  // as it is or inside a GZIPInputStream.
  InputStream open(File f) throws IOException {
    final InputStream is;
    final InputStream raw = new FileInputStream(f);
    if (preCache) {
      byte[] bytes = raw.readAllBytes();
      raw.close();
      is = new ByteArrayInputStream(bytes);
    } else {
      is = raw;
    }
    if (gzip) {
      return new GZIPInputStream(is);
    }
    return is;
  }

  // The copy wrapped, read and dropped: the stream leaks.
  int firstByte(File f) throws IOException {
    InputStream raw = new FileInputStream(f); // expect: owned-value-leaked
    InputStream is = raw;
    return new BufferedInputStream(is).read();
  }
}
