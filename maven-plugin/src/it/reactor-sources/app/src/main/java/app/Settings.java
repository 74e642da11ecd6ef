package app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import util.Streams;

/**
 * Module B uses module A's helpers, whose contracts come from module A's sources (decision 313):
 * a stream closed through `closeQuietly` is closed, and one `open` returns must be closed.
 */
public class Settings {
  Properties load(File file) {
    Properties p = new Properties();
    InputStream in = null;
    try {
      in = Streams.open(file);
      p.load(in);
    } catch (IOException e) {
      return p;
    } finally {
      Streams.closeQuietly(in);
    }
    return p;
  }

  int firstByte(File file) throws IOException {
    return Streams.open(file).read();
  }
}
