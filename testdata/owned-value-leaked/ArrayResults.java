package leaks;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A result of a primitive array type cannot carry what the call was given (decision 336): the
 * bytes read from a stream keep nothing of it, wherever they are stored. An array of objects can.
 */
public class ArrayResults {
  private byte[] policy;
  private Object[] kept;

  static byte[] bytesOf(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  static Object[] pairOf(InputStream in, String name) {
    return new Object[] {in, name};
  }

  // The nearest bug: the bytes are kept, the stream is not closed (Fabric's ChaincodeEndorsementPolicy).
  void policyFrom(File f) throws IOException {
    InputStream is = new FileInputStream(f); // expect: owned-value-leaked
    policy = bytesOf(is);
  }

  // The nearest bug: the stream made in the argument, only its bytes kept.
  void policyFromFile(File f) throws IOException {
    policy = bytesOf(new FileInputStream(f)); // expect: owned-value-leaked
  }

  // Negative: read and closed.
  void policyClosed(File f) throws IOException {
    try (InputStream is = new FileInputStream(f)) {
      policy = bytesOf(is);
    }
  }

  // Negative: an array of objects may hold the stream itself, and the field keeps it.
  void keptWithItsName(File f) throws IOException {
    InputStream is = new FileInputStream(f);
    kept = pairOf(is, f.getName());
  }
}
