package inference;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter given a wrapper of its own value still holds the caller's value (decision 282):
 * what the body then does to it, it does to what the caller passed. bnd's `XMLResourceParser`
 * buffers the stream it is given under the same name and keeps it to close.
 */
public class Rewrapping {
  /** Closes what it is given when it is closed. */
  static class Closer implements Closeable {
    private final List<Closeable> toClose = new ArrayList<>();

    void addClose(Closeable c) {
      toClose.add(c);
    }

    @Override
    public void close() throws IOException {
      for (Closeable c : toClose) {
        c.close();
      }
    }
  }

  static final class Parser extends Closer {
    Parser(InputStream in) {
      in = new BufferedInputStream(in);
      addClose(in);
    }
  }

  static final class EmptyParser extends Closer {
    EmptyParser(InputStream in) {
      in = new ByteArrayInputStream(new byte[0]);
      addClose(in);
    }
  }

  // Negative: the parser keeps the buffered stream, and closes it with itself.
  void parsed(URL url) throws IOException {
    InputStream in = url.openStream();
    try (Parser p = new Parser(in)) {
      p.toString();
    }
  }

  // The nearest bug: the parser keeps a stream of its own; the one opened here is never closed.
  void parsedEmpty(URL url) throws IOException {
    InputStream in = url.openStream(); // expect: owned-value-leaked
    try (EmptyParser p = new EmptyParser(in)) {
      p.toString();
    }
  }
}
