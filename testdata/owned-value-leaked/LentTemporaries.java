package leaks;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyStore;
import java.util.Properties;

/**
 * A new resource passed straight to a call that only reads it is dropped when the call returns,
 * as a local holding it would be (decision 297): {@code props.load(new FileInputStream(f))} leaves
 * the file open. A call that takes, keeps or closes it, a wrapper kept with it, and code whose
 * result may wrap it are not drops.
 */
public class LentTemporaries {
  /** Opened elsewhere: nothing declares or shows what it does with the stream. */
  interface Parser {
    Object parse(InputStream in) throws IOException;
  }

  private InputStream kept;

  static int count(InputStream in) throws IOException {
    int n = 0;
    while (in.read() >= 0) {
      n++;
    }
    return n;
  }

  static int countAndClose(InputStream in) throws IOException {
    try {
      return count(in);
    } finally {
      in.close();
    }
  }

  void keep(InputStream in) {
    kept = in;
  }

  // Positive (the twelfth held-out set's Processing `saveStream(target, createInputRaw(source))`,
  // the JDK's `JavaSoundAudioClip.create`): the properties are read, the file never closed.
  static Properties load(File f) throws IOException {
    Properties props = new Properties();
    props.load(new FileInputStream(f)); // expect: owned-value-leaked
    return props;
  }

  // Negative, side by side: the same with try-with-resources.
  static Properties loadClosed(File f) throws IOException {
    Properties props = new Properties();
    try (InputStream in = new FileInputStream(f)) {
      props.load(in);
    }
    return props;
  }

  // Positive: a helper of the sources that only reads what it is given; through a wrapper too.
  static int size(File f) throws IOException {
    return count(new FileInputStream(f)); // expect: owned-value-leaked
  }

  static int sizeBuffered(File f) throws IOException {
    return count(new BufferedInputStream(new FileInputStream(f))); // expect: owned-value-leaked
  }

  // Negative: a helper that closes it, and one that keeps it.
  static int sizeAndClose(File f) throws IOException {
    return countAndClose(new BufferedInputStream(new FileInputStream(f)));
  }

  void open(File f) throws IOException {
    keep(new FileInputStream(f));
  }

  // Negative: code nothing declares, whose result is kept, may wrap the stream (decision 37); an
  // implementation nothing here shows may close it.
  static Object parse(Parser parser, File f) throws IOException {
    return parser.parse(new FileInputStream(f));
  }

  static void parseAndDrop(Parser parser, File f) throws IOException {
    parser.parse(new FileInputStream(f));
  }

  // Positive (pgjdbc's `PKCS12KeyManager`): a library method that declares nothing and returns
  // nothing keeps nothing; `KeyStore.load` reads the stream and leaves it open.
  static KeyStore keys(File f, char[] password) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(new FileInputStream(f), password); // expect: owned-value-leaked
    return keyStore;
  }
}
