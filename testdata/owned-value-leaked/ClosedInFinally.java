package leaks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * The pre-Java-7 idiom: a reader made inside the try around a stream opened before it, closed in
 * the finally. A charset named by a static import is a `Charset` (decision 357), so the reader's
 * constructor throws nothing the catch expects; a project's `closeQuietly(Object)` closing the
 * reader closes the stream it wraps (decision 358).
 */
public class ClosedInFinally {

  /** Webarchive-commons' ArchiveUtils.closeQuietly: closes what it is given when it is closeable. */
  static void closeQuietly(Object o) {
    if (o == null || !(o instanceof Closeable)) {
      return;
    }
    try {
      ((Closeable) o).close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  // Negative (webarchive-commons' ArchiveUtils.loadVersion): closed by the helper in the finally,
  // also on the catch's return.
  static String firstLine(File f) throws IOException {
    InputStream input = new FileInputStream(f);
    BufferedReader br = null;
    try {
      br = new BufferedReader(new InputStreamReader(input, UTF_8));
      return br.readLine();
    } catch (IOException e) {
      return e.getMessage();
    } finally {
      closeQuietly(br);
    }
  }

  // Negative: the same reader closed in the finally where it was made.
  static String firstLineClosedHere(File f) throws IOException {
    InputStream input = new FileInputStream(f);
    BufferedReader br = null;
    try {
      br = new BufferedReader(new InputStreamReader(input, UTF_8));
      return br.readLine();
    } catch (IOException e) {
      return e.getMessage();
    } finally {
      if (br != null) {
        br.close();
      }
    }
  }

  // The close after the try: the catch's return leaves the stream open.
  static String firstLineClosedAfter(File f) throws IOException {
    InputStream input = new FileInputStream(f); // expect: owned-value-leaked
    BufferedReader br = new BufferedReader(new InputStreamReader(input, UTF_8));
    String line;
    try {
      line = br.readLine();
    } catch (IOException e) {
      return e.getMessage();
    }
    closeQuietly(br);
    return line;
  }
}
