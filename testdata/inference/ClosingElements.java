package inference;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A helper that closes each element of a list or array it is given closes the elements a caller
 * made it of (decision 319; htsjdk's {@code CloserUtil}: {@code close(Object obj)} is {@code
 * close(Arrays.asList(obj))}, and {@code close(List<?>)} closes each element that is
 * {@code Closeable}).
 */
public class ClosingElements {
  static void close(Object obj) {
    if (obj != null) {
      close(Arrays.asList(obj));
    }
  }

  static void close(List<?> objs) {
    for (Object o : objs) {
      if (o instanceof Closeable) {
        try {
          ((Closeable) o).close();
        } catch (IOException ioe) {
          // quietly
        }
      }
    }
  }

  static void closeArray(Closeable[] closeables) throws IOException {
    for (Closeable c : closeables) {
      c.close();
    }
  }

  /** Flushes each element: closes none. */
  static void flushAll(List<? extends Flushable> all) throws IOException {
    for (Flushable f : all) {
      f.flush();
    }
  }

  /** Reads the whole stream and closes it through the helper (htsjdk's {@code IOUtil.slurp}). */
  static int slurp(InputStream is) throws IOException {
    try {
      return is.read();
    } finally {
      close(is);
    }
  }

  // Negative: the stream a caller makes is closed by the method it is handed to.
  static int slurpFile(File f) throws IOException {
    return slurp(new FileInputStream(f));
  }

  // Negative: a list made of the stream, closed element by element.
  static int listMadeHere(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    int b = in.read();
    close(Collections.singletonList(in));
    return b;
  }

  // Negative: an array's elements closed.
  static int arrayMadeHere(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    int b = in.read();
    closeArray(new Closeable[] {in});
    return b;
  }

  // Positive, side by side: a helper that flushes each element closes nothing.
  static int flushedOnly(File f) throws IOException {
    java.io.FileOutputStream out = new java.io.FileOutputStream(f); // expect: owned-value-leaked
    out.write(1);
    flushAll(List.of(out));
    return 1;
  }

  // Positive, side by side: read after the helper closed it.
  static int readAfterClose(File f) throws IOException {
    InputStream in = new FileInputStream(f);
    close(in);
    return in.read(); // expect: use-after-move
  }
}
