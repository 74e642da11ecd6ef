package inference;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A project's own helpers that take a SAX source: a value made around a stream by a constructor a
 * model says is a second handle of it (decision 349). What the helper does with the source is
 * inferred from its body, and a handler around code that throws nothing checked is no path on
 * which the helper leaves the source to its caller (decision 350).
 */
public class ParsingHelpers {
  private XMLReader reader;
  private String name;

  /** Parses the source: the reader closes its stream. Inferred: consumes it, idempotently. */
  Object parse(XMLReader r, InputSource input) {
    try {
      r.parse(input);
      return this;
    } catch (IOException | SAXException e) {
      return null;
    }
  }

  /**
   * Xalan's XSLTC.compile(InputSource, String): a reset that throws nothing checked comes before
   * the parse, under a handler that reports any failure and goes on. The parse ends the source on
   * every path the leak check follows: inferred to consume it.
   */
  boolean compile(InputSource input) {
    try {
      reset();
      if (reader == null) {
        parse(newReader(), input);
      } else {
        parse(reader, input);
      }
    } catch (Exception e) {
      System.err.println(e);
    } finally {
      reader = null;
    }
    return true;
  }

  /** Looks at the source and parses nothing: nothing is inferred. */
  String describe(InputSource input) {
    return input.getSystemId() + " " + name;
  }

  /**
   * A step that may fail as the code expects before the parse, under a handler that goes on: the
   * source is left open on that path, so nothing is inferred.
   */
  boolean compileChecked(InputSource input) {
    try {
      check();
      parse(reader, input);
    } catch (IOException e) {
      return false;
    }
    return true;
  }

  // Negative (Xalan's XSLTC.compile(URL)): the stream, in a source, handed to the helper that parses it.
  boolean compileFile(File f) throws IOException {
    InputStream stream = new FileInputStream(f);
    InputSource input = new InputSource(stream);
    input.setSystemId(f.toURI().toString());
    return compile(input);
  }

  // The source only described: the stream leaks.
  String describeFile(File f) throws IOException {
    InputStream stream = new FileInputStream(f); // expect: owned-value-leaked
    InputSource input = new InputSource(stream);
    return describe(input);
  }

  // The helper may return before the parse, on an expected failure: the stream leaks there.
  boolean compileCheckedFile(File f) throws IOException {
    InputStream stream = new FileInputStream(f); // expect: owned-value-leaked
    return compileChecked(new InputSource(stream));
  }

  private void reset() {
    name = null;
  }

  private void check() throws IOException {
    if (name == null) {
      throw new IOException("no name");
    }
  }

  private XMLReader newReader() {
    return reader;
  }
}
