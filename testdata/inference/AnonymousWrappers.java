package inference;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A helper returning an anonymous class whose own close() closes the parameter it captured (Okio's
 * `Okio.source(InputStream)`): the object is a wrapper of it, `@MustCallAlias` (decision 356).
 */
public class AnonymousWrappers {
  interface Source extends Closeable {
    int read(byte[] into) throws IOException;
  }

  /** Inferred: wraps `in`, closing the source closes it. */
  static Source source(InputStream in) {
    return new Source() {
      @Override
      public int read(byte[] into) throws IOException {
        return in.read(into);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /** A source whose close leaves `in` open: nothing is inferred. */
  static Source shielded(InputStream in) {
    return new Source() {
      @Override
      public int read(byte[] into) throws IOException {
        return in.read(into);
      }

      @Override
      public void close() {}
    };
  }

  // Negative (OkHttp's PublicSuffixDatabase): the source closed by try-with-resources closes the stream.
  int readThroughSource(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    try (Source s = source(in)) {
      return s.read(new byte[4]);
    }
  }

  // The source never closed: the stream leaks.
  int sourceLeftOpen(File f) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    Source s = source(in);
    return s.read(new byte[4]);
  }

  // The shield closed: the stream is still open, and leaks.
  int shieldClosed(File f) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    try (Source s = shielded(in)) {
      return s.read(new byte[4]);
    }
  }

  // The stream read after the source that wraps it closed.
  int readAfterSourceClosed(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    Source s = source(in);
    s.close();
    return in.read(); // expect: use-after-move
  }
}
