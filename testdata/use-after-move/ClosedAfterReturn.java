package uam;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Decision 220: a {@code return} hands the caller what the returned value holds; a finally block
 * or a try-with-resources close that runs after the return must not close it, or the caller gets
 * a closed resource ("Stream closed", "This ResultSet is closed").
 */
public class ClosedAfterReturn {
  /** Keeps the reader it is built with (inferred: the constructor wraps it). */
  static final class Lines {
    private final BufferedReader reader;

    Lines(Reader source) {
      this.reader = new BufferedReader(source);
    }

    String next() throws IOException {
      return reader.readLine();
    }
  }

  // The bug: the reader returned wraps the stream the try-with-resources statement closes.
  Reader open(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return new InputStreamReader(in);
    } // expect: use-after-move
  }

  // The correct idiom: what the caller needs is read before the close.
  String firstLine(Path p) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(p)))) {
      return r.readLine();
    }
  }

  // The bug: the object returned keeps the reader, which the finally block closes.
  Lines lines(Path p) throws IOException {
    Reader source = Files.newBufferedReader(p);
    try {
      return new Lines(source);
    } finally {
      source.close(); // expect: use-after-move
    }
  }

  // The correct idiom: the caller gets the object and closes what it holds.
  Lines linesForTheCaller(Path p) throws IOException {
    Reader source = Files.newBufferedReader(p);
    return new Lines(source);
  }

  // The bug: a result set returned and closed in the finally block.
  ResultSet query(Statement st) throws SQLException {
    ResultSet rs = st.executeQuery("select 1");
    try {
      return rs;
    } finally {
      rs.close(); // expect: use-after-move
    }
  }

  // The correct idiom: closed only where the method fails, never on the path of the return
  // (decision 34's flag).
  Connection configured(Connection c) throws SQLException {
    boolean ok = false;
    try {
      c.setAutoCommit(false);
      ok = true;
      return c;
    } finally {
      if (!ok) {
        c.close();
      }
    }
  }

  // Negative: a catch that closes and rethrows does not run after the return.
  Reader openOrClose(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    try {
      return new InputStreamReader(in);
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  // Negative: closing an in-memory stream does nothing (D19); the caller's stream still works.
  DataOutputStream inMemory() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      return new DataOutputStream(bytes);
    } finally {
      bytes.close();
    }
  }

  // Negative: the bytes are copied out before the wrapper closes.
  byte[] serialise(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
      out.flush();
      return bytes.toByteArray();
    }
  }

  /** The project's own sink: closing it ends the writing, what was written stays readable. */
  static final class Capture extends java.io.OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean finished;

    @Override
    public void write(int b) {
      bytes.write(b);
    }

    @Override
    public void close() {
      finished = true;
    }

    byte[] content() {
      return finished ? bytes.toByteArray() : new byte[0];
    }
  }

  /** Keeps the captured output for its reader. */
  static final class Captured {
    final Capture out;

    Captured(Capture out) {
      this.out = out;
    }
  }

  // Negative: what the project's own type does once closed is its author's word (D21), and this
  // one is read after it was closed (JGit's TemporaryBuffer in FS.execute).
  Captured capture(byte[] data) throws IOException {
    try (Capture out = new Capture()) {
      out.write(data);
      return new Captured(out);
    }
  }

  // The bug: the stream is handed on inside the wrapper on one branch only, and the finally block
  // closes it on every path: that branch returns a closed stream (decision 268).
  Object maybeBuffered(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    try {
      Object value = Integer.valueOf(in.read());
      if (value.equals(0)) {
        value = new java.io.BufferedInputStream(in);
      }
      return value;
    } finally {
      in.close(); // expect: use-after-move
    }
  }

  // The correct idiom (Hessian's HessianProxy.invoke): the branch that hands the stream on inside
  // the wrapper forgets it, so the finally block closes it only where the value returned does not
  // hold it (decision 268).
  Object bufferedOrClosed(Path p) throws IOException {
    InputStream in = null;
    try {
      in = Files.newInputStream(p);
      Object value = Integer.valueOf(in.read());
      if (value.equals(0)) {
        value = new java.io.BufferedInputStream(in);
        in = null;
      }
      return value;
    } finally {
      if (in != null) {
        in.close();
      }
    }
  }
}
