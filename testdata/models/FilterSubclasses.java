package models;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;

/**
 * A subclass of one of the JDK's filter streams hands what it wraps to {@code super(out)}: the
 * filter's close() closes it ("This method simply performs out.close()"), so the new stream is a
 * second handle on it (D19, decision 327).
 */
public class FilterSubclasses {
  static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      super.write(b);
      count++;
    }
  }

  static final class Upper extends FilterReader {
    Upper(Reader in) {
      super(in);
    }
  }

  // A shield: its close() leaves the stream open (Spring's NonClosingInputStream).
  static final class Shield extends FilterInputStream {
    Shield(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller closes the stream
    }
  }

  // Not a filter: a holder whose close() closes its field through a private method; its second
  // constructor delegates with this(…), which decides nothing of its own (decision 330).
  static final class Holder implements java.io.Closeable {
    private final InputStream in;

    Holder(InputStream in, int skip) {
      this.in = in;
    }

    Holder(InputStream in) {
      this(in, 0);
    }

    int read() throws IOException {
      return in.read();
    }

    @Override
    public void close() throws IOException {
      closeAll();
    }

    private void closeAll() throws IOException {
      in.close();
    }
  }

  // The holder made by the delegating constructor closed the stream it holds.
  static int readAfterTheHolderClosed(InputStream in) throws IOException {
    Holder h = new Holder(in);
    h.close();
    return in.read(); // expect: use-after-move
  }

  static long copy(OutputStream out) throws IOException {
    try (Counting c = new Counting(out)) {
      c.write(1);
      return c.count;
    }
  }

  // Negative: the helper's try-with-resources closes the file through the counting stream.
  static long copyToFile(File f) throws IOException {
    return copy(new FileOutputStream(f));
  }

  // Closing the counting stream closed the file it wraps.
  static void writtenAfterTheWrapperClosed(OutputStream out) throws IOException {
    Counting c = new Counting(out);
    c.close();
    out.write(1); // expect: use-after-move
  }

  // Negative: the shield is closed, the stream read on and closed by its owner.
  static int readPastTheShield(InputStream in) throws IOException {
    try (Shield s = new Shield(in)) {
      s.read();
    }
    return in.read();
  }

  // Closing the reader closed the one it wraps.
  static int readAfterTheWrapperClosed(Reader in) throws IOException {
    Upper u = new Upper(in);
    u.close();
    return in.read(); // expect: use-after-move
  }

  // Negative: the reader is read through the wrapper, then both are closed at once.
  static int readThrough(Reader in) throws IOException {
    try (Upper u = new Upper(in)) {
      return u.read();
    }
  }

  // A shield written as an anonymous class (jwarc's WaczWriter): the helper leaves the stream open.
  static void writeShielded(OutputStream out, String value) throws IOException {
    try (java.io.Writer writer =
        new java.io.OutputStreamWriter(
            new FilterOutputStream(out) {
              @Override
              public void close() {}
            },
            java.nio.charset.StandardCharsets.UTF_8)) {
      writer.write(value);
    }
  }

  // Negative (decision 348): the entry written through the shield, then the stream used on.
  static void entries(java.util.zip.ZipOutputStream zip) throws IOException {
    zip.putNextEntry(new java.util.zip.ZipEntry("a.json"));
    writeShielded(zip, "{}");
    zip.closeEntry();
  }

  // An anonymous subclass that counts and closes like its superclass: closing it closes the stream.
  static void writeCounting(OutputStream out) throws IOException {
    OutputStream counting =
        new FilterOutputStream(out) {
          @Override
          public void write(int b) throws IOException {
            super.write(b);
          }
        };
    counting.close();
    out.write(1); // expect: use-after-move
  }
}
