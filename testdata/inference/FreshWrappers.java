package inference;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * A method returning a wrapper made around a new file returns a new resource its caller owns
 * (decision 298): {@code return new BufferedInputStream(new FileInputStream(name))} is inferred
 * {@code @Owned @MustRelease}, as {@code return new FileInputStream(name)} is. And a constructor
 * that closes what it is given consumes it at {@code new}, as a method would (decision 299; the
 * JDK's jdb `Env.SourceCode`).
 */
public class FreshWrappers {
  static InputStream open(String name) throws IOException {
    return new BufferedInputStream(new FileInputStream(name));
  }

  static BufferedReader reader(File f) throws IOException {
    return new BufferedReader(new FileReader(f));
  }

  /** Reads every line and closes the reader, whatever happens. */
  static final class SourceCode {
    private int lines;

    SourceCode(BufferedReader reader) throws IOException {
      try {
        while (reader.readLine() != null) {
          lines++;
        }
      } finally {
        reader.close();
      }
    }

    int lines() {
      return lines;
    }
  }

  // Positive: the factory's stream is read and never closed.
  static int first(String name) throws IOException {
    InputStream in = open(name); // expect: owned-value-leaked
    return in.read();
  }

  // Negative, side by side: closed by try-with-resources.
  static int firstClosed(String name) throws IOException {
    try (InputStream in = open(name)) {
      return in.read();
    }
  }

  // Negative: the constructor closes the reader it is given.
  static int lines(File f) throws IOException {
    BufferedReader reader = reader(f);
    SourceCode code = new SourceCode(reader);
    return code.lines();
  }

  // Positive, side by side: the reader is read after the constructor closed it.
  static String linesThenRead(File f) throws IOException {
    BufferedReader reader = reader(f);
    SourceCode code = new SourceCode(reader);
    return code.lines() + reader.readLine(); // expect: use-after-move
  }
}
