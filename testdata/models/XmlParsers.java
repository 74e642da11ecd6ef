package models;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.SAXParser;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JDK's XML parsers close the stream they parse at the end of the parse (InputSource's
 * javadoc: "standard processing of both byte and character streams is to close them"), and a
 * source made around a stream is a second handle on it (decision 347).
 */
public class XmlParsers {

  // Negative (Nutch's ParsePluginsReader): a source made around the stream, parsed.
  String rootOfSource(DocumentBuilder builder, File f) throws IOException, SAXException {
    InputStream in = new FileInputStream(f);
    InputSource source = new InputSource(in);
    Document document = builder.parse(source);
    return document.getDocumentElement().getTagName();
  }

  // Negative: the stream parsed as it is.
  String rootOfStream(DocumentBuilder builder, File f) throws IOException, SAXException {
    InputStream in = new FileInputStream(f);
    Document document = builder.parse(in);
    return document.getDocumentElement().getTagName();
  }

  // Negative: a SAX parser closes it too.
  void sax(SAXParser parser, File f, DefaultHandler handler) throws IOException, SAXException {
    parser.parse(new FileInputStream(f), handler);
  }

  // Negative (Ant's XMLValidateTask): a source around a new stream, given to a SAX reader.
  boolean validate(org.xml.sax.XMLReader reader, File f) throws IOException {
    try {
      InputSource source = new InputSource(new FileInputStream(f));
      source.setSystemId(f.toURI().toString());
      reader.parse(source);
      return true;
    } catch (SAXException e) {
      return false;
    }
  }

  // The stream read after the parse closed it.
  int readAfterParse(DocumentBuilder builder, File f) throws IOException, SAXException {
    InputStream in = new FileInputStream(f);
    builder.parse(in);
    return in.read(); // expect: use-after-move
  }

  // A source made and never parsed: the stream leaks.
  String sourceNeverParsed(File f) throws IOException {
    InputStream in = new FileInputStream(f); // expect: owned-value-leaked
    InputSource source = new InputSource(in);
    return source.getEncoding();
  }

  // Negative (HAPI's XMLUtils): a resolver's input keeps the stream for the parser.
  org.w3c.dom.ls.LSInput resolve(org.w3c.dom.ls.DOMImplementationLS impl, File f) throws IOException {
    org.w3c.dom.ls.LSInput input = impl.createLSInput();
    InputStream in = new FileInputStream(f);
    input.setByteStream(in);
    return input;
  }
}
