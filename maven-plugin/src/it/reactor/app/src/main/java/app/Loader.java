package app;

import api.Streams;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Properties;

/** Closes its stream through module A's helper, which module B sees only as a class file. */
public class Loader {
  Properties load(String path) throws IOException {
    Properties p = new Properties();
    FileInputStream in = null;
    try {
      in = new FileInputStream(path);
      p.load(in);
    } finally {
      Streams.closeQuietly(in);
    }
    return p;
  }
}
