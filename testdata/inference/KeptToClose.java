package inference;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * An object that keeps a stream only to close it — it reads the stream, if at all, while it is
 * built — takes nothing from the stream once built (decision 288): closing the stream after
 * returning the object is correct. One that reads the stream later needs it open, and closing it
 * after the return hands the caller a dead reader.
 */
public class KeptToClose {
  static final class EagerReader implements Closeable {
    private final InputStream in;
    private final byte[] bytes;

    EagerReader(InputStream is) {
      try {
        this.bytes = is.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.in = is;
    }

    int length() {
      return bytes.length;
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }

  static final class LazyReader implements Closeable {
    private final InputStream in;

    LazyReader(InputStream is) {
      this.in = is;
    }

    int read() throws IOException {
      return in.read();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  // Negative (fastjson2 JSONReader.of(URL, Context)): the reader read the stream to its end.
  static EagerReader eager(URL url) throws IOException {
    try (InputStream is = url.openStream()) {
      return new EagerReader(is);
    }
  }

  // Positive, side by side: the reader reads the stream when asked, after it was closed.
  static LazyReader lazy(URL url) throws IOException {
    try (InputStream is = url.openStream()) {
      return new LazyReader(is);
    } // expect: use-after-move
  }
}
