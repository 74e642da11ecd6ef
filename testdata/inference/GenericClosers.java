package inference;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Close helpers generic in what they close (JMH's FileUtils.safelyClose): a method's type variable
 * is its bound, as the class file says (decision 355), so the overload is chosen and its body read.
 */
public final class GenericClosers {
  private GenericClosers() {}

  /**
   * Flushes, then closes. Its erasure takes a Flushable (the leftmost bound), which has no close():
   * nothing is inferred, and a stream, which is no Flushable, calls the other overload.
   */
  public static <T extends Flushable & Closeable> void safelyClose(T obj) {
    if (obj != null) {
      try {
        obj.flush();
      } catch (IOException e) {
        // ignore
      }
      try {
        obj.close();
      } catch (IOException e) {
        // ignore
      }
    }
  }

  /** Closes: inferred to close, idempotently. */
  public static <T extends Closeable> void safelyClose(T obj) {
    if (obj != null) {
      try {
        obj.close();
      } catch (IOException e) {
        // ignore
      }
    }
  }

  /** Reads one byte and leaves it open: nothing is inferred. */
  static <T extends InputStream> int peek(T in) throws IOException {
    return in.read();
  }

  // Negative (JMH's Version.getPlainVersion): loaded, closed by the generic helper in a finally.
  static String version(File f) throws IOException {
    Properties p = new Properties();
    InputStream s = new FileInputStream(f);
    try {
      p.load(s);
    } catch (IOException e) {
      return "-";
    } finally {
      safelyClose(s);
    }
    return p.getProperty("version", "-");
  }

  // Only peeked at: the stream leaks.
  static int peeked(File f) throws IOException {
    InputStream s = new FileInputStream(f); // expect: owned-value-leaked
    return peek(s);
  }

  // Read after the generic helper closed it.
  static int readAfterClose(File f) throws IOException {
    InputStream s = new FileInputStream(f);
    safelyClose(s);
    return s.read(); // expect: use-after-move
  }
}
