package leaks;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
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

  // Positive: a helper that only hands it to a helper that only reads it.
  static int countAgain(InputStream in) throws IOException {
    return count(in);
  }

  static int sizeAgain(File f) throws IOException {
    return countAgain(new FileInputStream(f)); // expect: owned-value-leaked
  }

  // Negative (the thirteenth held-out set's Joinery `writeCsv`): a helper that hands the stream,
  // as it is or wrapped, to code nothing here follows — an implementation may close it — does
  // more than read it (decision 305).
  static int parseAll(Parser parser, InputStream in) throws IOException {
    return parser.parse(new BufferedInputStream(in)) == null ? 0 : 1;
  }

  static int parseFile(Parser parser, File f) throws IOException {
    return parseAll(parser, new FileInputStream(f));
  }

  /** Holds a reader for whoever reads it later. */
  static final class Source {
    Reader reader;
  }

  static List<String> lines(Reader in) throws IOException {
    BufferedReader lines = new BufferedReader(in);
    List<String> out = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      out.add(line);
    }
    return out;
  }

  static BufferedReader buffered(Reader in) {
    return new BufferedReader(in);
  }

  static Source source(Reader in) {
    Source s = new Source();
    s.reader = in;
    return s;
  }

  // Positive (the thirteenth held-out set's JSAT `loadArffFile(new FileReader(file))`): the helper's
  // one body only reads the reader, so what it returns does not hold it (decision 310).
  static List<String> read(File f) throws IOException {
    return lines(new InputStreamReader(new FileInputStream(f))); // expect: owned-value-leaked
  }

  // Negative, side by side: helpers whose result holds the reader hand it to the caller.
  static BufferedReader open(String name) throws IOException {
    return buffered(new InputStreamReader(new FileInputStream(name)));
  }

  static Source openSource(File f) throws IOException {
    return source(new InputStreamReader(new FileInputStream(f)));
  }

  // Negative (Camel's `IOHelper.buffered`): the helper returns the stream itself on one path and a
  // wrapper of it on the other; the paths disagree, nothing is said, and the result, a stream, may
  // be the only handle on the file.
  static InputStream bufferedOrSame(InputStream in) {
    return in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
  }

  static InputStream openBuffered(File f) throws IOException {
    return bufferedOrSame(new FileInputStream(f));
  }

  // Positive (pgjdbc's `PKCS12KeyManager`): a library method that declares nothing and returns
  // nothing keeps nothing; `KeyStore.load` reads the stream and leaves it open.
  static KeyStore keys(File f, char[] password) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(new FileInputStream(f), password); // expect: owned-value-leaked
    return keyStore;
  }
}
