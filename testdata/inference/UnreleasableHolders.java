package inference;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An object that keeps a stream but that nothing can end — not `AutoCloseable`, not owned — is
 * released, if at all, by a method of its own (`finish()`), which the rules do not follow. Its
 * constructor keeps what it stores, as a setter's field does (decision 285): the caller's duty is
 * handed on. A holder that can be closed is a second handle on the stream (D19), and leaving it
 * unclosed leaks the stream.
 */
public class UnreleasableHolders {
  interface XmlOutput {
    void write(String s) throws IOException;

    void finish() throws IOException;
  }

  static final class StreamXmlOutput implements XmlOutput {
    private final Writer out;

    StreamXmlOutput(OutputStream os) {
      this.out = new OutputStreamWriter(os, StandardCharsets.UTF_8);
    }

    @Override
    public void write(String s) throws IOException {
      out.write(s);
    }

    @Override
    public void finish() throws IOException {
      out.close();
    }
  }

  static final class ClosableXmlOutput implements Closeable {
    private final Writer out;

    ClosableXmlOutput(OutputStream os) {
      this.out = new OutputStreamWriter(os, StandardCharsets.UTF_8);
    }

    void write(String s) throws IOException {
      out.write(s);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  // Negative (SpotBugs Project:624): the holder's own finish() closes the writer over `out`.
  static void writeXml(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    XmlOutput xml = new StreamXmlOutput(out);
    try {
      xml.write("<x/>");
    } finally {
      xml.finish();
    }
  }

  // Positive, side by side: a holder that can be closed is a second handle on `out`, and it is
  // never closed.
  static void writeXmlUnclosed(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file); // expect: owned-value-leaked
    ClosableXmlOutput xml = new ClosableXmlOutput(out);
    xml.write("<x/>");
  }

  // Negative: closed, it closes `out` with it.
  static void writeXmlClosed(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    try (ClosableXmlOutput xml = new ClosableXmlOutput(out)) {
      xml.write("<x/>");
    }
  }
}
