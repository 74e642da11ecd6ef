package models;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A class path resource's stream ({@code Class.getResourceAsStream}, {@code
 * ClassLoader.getResourceAsStream}) reads a file or a jar entry: to be closed (D11, decision 353).
 */
public class ClassPathResources {

  // The nearest bug: the stream loaded into properties and never closed.
  Properties loadedNeverClosed() throws IOException {
    Properties p = new Properties();
    p.load(ClassPathResources.class.getResourceAsStream("/app.properties")); // expect: owned-value-leaked
    return p;
  }

  // A loader's resource read and left open.
  int firstByte(ClassLoader loader) throws IOException {
    InputStream in = loader.getResourceAsStream("app.properties"); // expect: owned-value-leaked
    return in.read();
  }

  // Negative: the idiom, try-with-resources.
  Properties loaded() throws IOException {
    Properties p = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/app.properties")) {
      p.load(in);
    }
    return p;
  }

  // Negative: a missing resource is null, and there is nothing to close on that branch.
  Properties loadedIfPresent() throws IOException {
    Properties p = new Properties();
    InputStream in = ClassLoader.getSystemResourceAsStream("app.properties");
    if (in != null) {
      p.load(in);
      in.close();
    }
    return p;
  }

  // Negative: the stream is returned to the caller, who owns it.
  InputStream open(String name) {
    return Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
  }
}
