package inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * In-memory sinks whose close() does nothing (decision 156): returning one from the
 * try-with-resources block that closed it is harmless (commons-io's
 * UnsynchronizedByteArrayOutputStream); returning a sink whose close closes a file is not.
 */
public class NothingToClose {
  abstract static class MemorySink extends OutputStream {
    byte[] bytes = new byte[0];

    @Override
    public void close() throws IOException {
      // nothing to release
    }
  }

  static final class ByteSink extends MemorySink {
    @Override
    public void write(int b) {
      bytes = Arrays.copyOf(bytes, bytes.length + 1);
      bytes[bytes.length - 1] = (byte) b;
    }
  }

  static final class FileSink extends OutputStream {
    private final OutputStream out;

    FileSink(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  // Negative: the sink's close did nothing.
  static ByteSink copy(InputStream in) throws IOException {
    try (ByteSink sink = new ByteSink()) {
      sink.write(in.read());
      return sink;
    }
  }

  // Positive: the block's end closes the returned sink's file: the caller gets a closed stream.
  static FileSink copyToFile(InputStream in, OutputStream file) throws IOException {
    try (FileSink sink = new FileSink(file)) {
      sink.write(in.read());
      return sink;
    } // expect: use-after-move
  }
}
