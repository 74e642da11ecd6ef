package inference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Scanner;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A stream whose close() only flushes what it stores is no second handle on it (decision 283):
 * closing it, or a writer around it, leaves the stored stream open. Maven Shade writes each entry
 * of a jar through such a stream.
 */
public class NonClosingWrappers {
  static final class NoCloseOutputStream extends OutputStream {
    private final OutputStream delegate;

    NoCloseOutputStream(OutputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(int b) throws IOException {
      delegate.write(b);
    }

    @Override
    public void close() throws IOException {
      delegate.flush();
    }
  }

  static final class ClosingOutputStream extends OutputStream {
    private final OutputStream delegate;

    ClosingOutputStream(OutputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(int b) throws IOException {
      delegate.write(b);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  // Negative: the entry is written through a writer that leaves the jar open, then the entry ends.
  void entryWritten(JarOutputStream jar, Properties props) throws IOException {
    jar.putNextEntry(new JarEntry("x.properties"));
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(new NoCloseOutputStream(jar), StandardCharsets.ISO_8859_1));
    props.store(writer, null);
    writer.close();
    jar.closeEntry();
  }

  // The nearest bug: the wrapper's close() closes the jar, and the entry is ended after.
  void entryWrittenAndJarClosed(JarOutputStream jar, Properties props) throws IOException {
    jar.putNextEntry(new JarEntry("x.properties"));
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(new ClosingOutputStream(jar), StandardCharsets.ISO_8859_1));
    props.store(writer, null);
    writer.close();
    jar.closeEntry(); // expect: use-after-move
  }

  /** Closes the stream it stores through the scanner it built over it: still a wrapper. */
  static final class Lines implements java.io.Closeable {
    private final java.io.InputStream in;
    private final Scanner scanner;

    Lines(java.io.InputStream in) {
      this.in = in;
      this.scanner = new Scanner(in);
    }

    boolean more() {
      return scanner.hasNextLine();
    }

    @Override
    public void close() {
      scanner.close();
    }
  }

  // Also a bug: the lines are closed, and the stream under them with them, before it is read.
  int readAfterLinesClosed(java.io.InputStream stream) throws IOException {
    Lines lines = new Lines(stream);
    lines.more();
    lines.close();
    return stream.read(); // expect: use-after-move
  }
}
