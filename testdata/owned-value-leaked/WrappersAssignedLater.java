package leaks;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A local declared first and given a wrapper around a new file later owns the file, as one
 * initialised with it does (decision 298, after decision 262): the twelfth held-out set's
 * Processing `PApplet.loadBytes(File)` opens a stream in each branch of an `if`.
 */
public class WrappersAssignedLater {

  // Positive (Processing `loadBytes`): closed only when reading succeeds; a failure is caught
  // and the method goes on with the file open.
  static byte[] loadBytes(File file) {
    try {
      InputStream input; // expect: owned-value-leaked
      if (file.getName().endsWith(".gz")) {
        input = new BufferedInputStream(new GZIPInputStream(new FileInputStream(file)));
      } else {
        input = new BufferedInputStream(new FileInputStream(file));
      }
      byte[] buffer = input.readAllBytes();
      input.close();
      return buffer;
    } catch (IOException e) {
      return null;
    }
  }

  // Negative, side by side: closed on every path.
  static byte[] loadBytesClosed(File file) {
    try {
      InputStream input;
      if (file.getName().endsWith(".gz")) {
        input = new BufferedInputStream(new GZIPInputStream(new FileInputStream(file)));
      } else {
        input = new BufferedInputStream(new FileInputStream(file));
      }
      try {
        return input.readAllBytes();
      } finally {
        input.close();
      }
    } catch (IOException e) {
      return null;
    }
  }

  // Negative: a wrapper of a stream the caller owns is no new resource of this method.
  static int first(InputStream in) throws IOException {
    InputStream buffered;
    buffered = new BufferedInputStream(in);
    return buffered.read();
  }
}
