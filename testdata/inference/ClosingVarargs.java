package inference;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * A variable-arity helper that closes each resource it is given closes every argument of a call
 * (decision 302; Camel's {@code IOHelper.close(Closeable...)}, called as {@code close(isr, in)}).
 */
public class ClosingVarargs {
  static void closeAll(Closeable... closeables) {
    for (Closeable c : closeables) {
      if (c != null) {
        try {
          c.close();
        } catch (IOException ignored) {
          // closing quietly
        }
      }
    }
  }

  /** Reads a character and closes both handles on the stream. */
  static int load(InputStream in) throws IOException {
    InputStreamReader isr = new InputStreamReader(in);
    try {
      return isr.read();
    } finally {
      closeAll(isr, in);
    }
  }

  // Negative: the helper closes the stream.
  static void closed(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    in.read();
    closeAll(in);
  }

  // Negative: a new stream handed to a method that closes it through the helper.
  static int loaded(File f) throws IOException {
    return load(new FileInputStream(f));
  }

  // Positive, side by side: read after the helper closed it.
  static int readAfterClose(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    closeAll(in);
    return in.read(); // expect: use-after-move
  }
}
