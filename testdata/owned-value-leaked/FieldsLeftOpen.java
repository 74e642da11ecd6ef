package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;

/**
 * A closeable class that opens a file into a private field and never closes it (decision 312):
 * closing the object leaves the file open. Side by side with the classes that close, hand on or
 * expose what they hold.
 */
public class FieldsLeftOpen {

  /** OpenNLP's markable stream: `InputStream.close()` is inherited and closes nothing. */
  static class MarkableStream extends InputStream {
    private final FileInputStream in;
    private long marked = -1;

    MarkableStream(File file) throws FileNotFoundException {
      in = new FileInputStream(file); // expect: owned-value-leaked
    }

    @Override
    public synchronized void mark(int limit) {
      try {
        marked = in.getChannel().position();
      } catch (IOException e) {
        marked = -1;
      }
    }

    @Override
    public synchronized void reset() throws IOException {
      in.getChannel().position(marked);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }
  }

  // Negative: the same stream closing what it opened.
  static class ClosingStream extends InputStream {
    private final FileInputStream in;

    ClosingStream(File file) throws FileNotFoundException {
      in = new FileInputStream(file);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** A `close()` of its own that only flushes. */
  static class FlushingWriter implements Closeable {
    private Writer out;

    FlushingWriter(File file) throws IOException {
      this.out = new BufferedWriter(new FileWriter(file)); // expect: owned-value-leaked
    }

    void write(String s) throws IOException {
      out.write(s);
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.flush();
      }
    }
  }

  // Negative: closed through a helper it is handed to.
  static class QuietlyClosing implements Closeable {
    private Writer out;

    QuietlyClosing(File file) throws IOException {
      this.out = new BufferedWriter(new FileWriter(file));
    }

    @Override
    public void close() {
      closeQuietly(out);
    }

    private static void closeQuietly(Closeable c) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  // Negative: wrapped by another field, which is closed.
  static class WrappedThenClosed implements Closeable {
    private final InputStream in;
    private final BufferedReader reader;

    WrappedThenClosed(File file) throws IOException {
      in = new FileInputStream(file);
      reader = new BufferedReader(new InputStreamReader(in));
    }

    String line() throws IOException {
      return reader.readLine();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  // Negative: handed out, so whoever asks may close it.
  static class Exposing implements Closeable {
    private final InputStream in;

    Exposing(File file) throws IOException {
      in = new FileInputStream(file);
    }

    InputStream stream() {
      return in;
    }

    @Override
    public void close() {}
  }

  // Negative: not closeable, it holds the file as long as it lives (its author's choice).
  static class HeldForLife {
    private final FileInputStream in;

    HeldForLife(File file) throws IOException {
      in = new FileInputStream(file);
    }

    int next() throws IOException {
      return in.read();
    }
  }

  // Negative: given, not opened here: whoever opened it closes it.
  static class Given implements Closeable {
    private final InputStream in;

    Given(InputStream in) {
      this.in = in;
    }

    int next() throws IOException {
      return in.read();
    }

    @Override
    public void close() {}
  }

  /** A buffer allocated into a field that the class's release never releases. */
  static class Frame implements AutoCloseable {
    private ByteBuf payload;

    Frame(ByteBufAllocator alloc, int size) {
      payload = alloc.buffer(size); // expect: owned-value-leaked
    }

    int size() {
      return payload.readableBytes();
    }

    @Override
    public void close() {
      payload = null;
    }
  }

  // Negative: opened on demand and closed when the object is.
  static class Lazy implements Closeable {
    private final File file;
    private FileInputStream in;

    Lazy(File file) {
      this.file = file;
    }

    int next() throws IOException {
      if (in == null) {
        in = new FileInputStream(file);
      }
      return in.read();
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }

  /** Stands for an annotation processor's (Lombok's) that writes a getter for the field. */
  @interface Getter {}

  // Negative: a getter nobody can read hands the stream out.
  static class Generated implements Closeable {
    @Getter private final InputStream in;

    Generated(File file) throws IOException {
      in = new FileInputStream(file);
    }

    @Override
    public void close() {}
  }
}
