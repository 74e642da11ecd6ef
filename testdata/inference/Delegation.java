package inference;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;

/**
 * A constructor that hands its argument to a wrapping constructor ({@code super(in)}) wraps it
 * too: the subclass is a second handle on the stream (D19), as its superclass is.
 */
public class Delegation {
  static class CompactObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    CompactObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }
  }

  /** Closing the wrapper closes the file. */
  Object readThenClose(String path) throws IOException, ClassNotFoundException {
    InputStream raw = new FileInputStream(path);
    ObjectInputStream in = new CompactObjectInputStream(raw, null);
    try {
      return in.readObject();
    } finally {
      in.close();
    }
  }

  /** The file was closed with its wrapper. */
  int readAfterTheWrapperClosed(String path) throws IOException {
    InputStream raw = new FileInputStream(path);
    ObjectInputStream in = new CompactObjectInputStream(raw, null);
    in.close();
    return raw.read(); // expect: use-after-move
  }
}
