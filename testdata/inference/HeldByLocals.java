package inference;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A helper that puts its parameter into a local object keeps it there (decision 317): what the
 * object does with it is not followed, as it is not where the same lines stand in the caller.
 */
public class HeldByLocals {
  static final class Holder implements Closeable {
    private InputStream in;

    void set(InputStream in) {
      this.in = in;
    }

    int readAndClose() throws IOException {
      try {
        return in.read();
      } finally {
        in.close();
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static int viaHolder(InputStream in) throws IOException {
    Holder h = new Holder();
    h.set(in);
    return h.readAndClose();
  }

  private static int count(InputStream in) throws IOException {
    return in.read();
  }

  // Negative (the fifteenth held-out set's CDK `AtomTypeFactory`, in a helper): the holder the
  // helper made closes the stream.
  static int open(String name) throws IOException {
    InputStream in = new FileInputStream(name);
    return viaHolder(in);
  }

  // Negative, side by side: the same lines in the caller.
  static int inline(String name) throws IOException {
    InputStream in = new FileInputStream(name);
    Holder h = new Holder();
    h.set(in);
    return h.readAndClose();
  }

  // Positive: a helper that only reads it.
  static int leaked(String name) throws IOException {
    InputStream in = new FileInputStream(name); // expect: owned-value-leaked
    return count(in);
  }
}
