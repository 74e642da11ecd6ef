package models;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;
import org.xml.sax.InputSource;

/** java.net.URL.openStream(): a stream over an open connection or file, to be closed (D11). */
public class UrlStreams {

  // The nearest bug (checkstyle #3962): the stream is handed to a parser's input and never closed.
  String systemId(URL url) throws IOException {
    InputStream in = url.openStream(); // expect: owned-value-leaked
    InputSource source = new InputSource(in);
    source.setSystemId(url.toString());
    return parse(source);
  }

  private String parse(InputSource source) {
    return source.getSystemId();
  }

  // Negative: the source that holds the stream is returned, and the stream goes with it.
  InputSource source(URL url) throws IOException {
    return new InputSource(url.openStream());
  }

  // Negative: the idiom, try-with-resources.
  Properties load(URL url) throws IOException {
    Properties p = new Properties();
    try (InputStream in = url.openStream()) {
      p.load(in);
    }
    return p;
  }

  // Negative: the stream is returned to the caller, who owns it.
  InputStream open(URL url) throws IOException {
    return url.openStream();
  }
}
