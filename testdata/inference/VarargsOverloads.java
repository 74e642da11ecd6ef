package inference;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A varargs parameter is an array inside its method (decision 315): `names` below is a
 * `String[]`, so `new Reader(in, names)` is the constructor taking one, not the other of the same
 * arity, and `of` returns a reader wrapping the stream. Read as a `String`, the call bound to no
 * constructor, `of` said nothing, and the stream handed to it was reported as dropped.
 */
public class VarargsOverloads {
  static final class Options {}

  static final class Reader implements Closeable {
    private final InputStream in;
    private final String[] names;

    Reader(InputStream in, String[] names) {
      this.in = in;
      this.names = names;
    }

    Reader(InputStream in, Options options) {
      this.in = in;
      this.names = new String[0];
    }

    int next() throws IOException {
      return in.read() + names.length;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  static Reader of(InputStream in, String... names) {
    return new Reader(in, names);
  }

  // Negative (fastjson2's `JSONStreamReader.of(File)`): the reader returned is the caller's, and
  // closing it closes the file.
  static Reader open(File f) throws IOException {
    return of(new FileInputStream(f), "a", "b");
  }

  // Positive, side by side: the reader is dropped after one read, and the file with it.
  static int first(File f) throws IOException {
    return of(new FileInputStream(f)).next(); // expect: owned-value-leaked
  }

  // Negative: closed.
  static int firstClosed(File f) throws IOException {
    try (Reader r = of(new FileInputStream(f))) {
      return r.next();
    }
  }
}
