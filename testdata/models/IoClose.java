package models;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** java.lang.AutoCloseable / java.io.Closeable: close() consumes; closing again is harmless (D5). */
public class IoClose {

  /** A user resource that declares what its close() does. */
  static final class DeclaredSession implements AutoCloseable {
    void send(String message) {
      System.out.println(message);
    }

    @Override
    @org.borrowck4j.annotations.Consumes(idempotent = true)
    public void close() {}
  }

  /** A user resource: its close() overrides AutoCloseable.close(). */
  static final class Session implements AutoCloseable {
    private boolean open = true;

    void send(String message) {
      if (!open) {
        throw new IllegalStateException("session closed");
      }
      System.out.println(message);
    }

    @Override
    public void close() {
      open = false;
    }
  }

  // An InputStream read after close().
  byte[] readAfterClose(File file) throws IOException {
    InputStream in = new FileInputStream(file);
    byte[] magic = in.readNBytes(4);
    in.close();
    byte[] rest = in.readAllBytes(); // expect: use-after-move
    return rest.length == 0 ? magic : rest;
  }

  // A Reader closed inside try-with-resources, then read again.
  String firstTwoLines(Path p) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(p)) {
      String first = r.readLine();
      r.close();
      return first + r.readLine(); // expect: use-after-move
    }
  }

  // A Writer closed inside the loop instead of after it.
  void writeAll(Path p, List<String> rows) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(p);
    for (String row : rows) {
      out.write(row); // expect: use-after-move
      out.newLine();
      out.close();
    }
    out.close();
  }

  // An OutputStream written after close().
  void writeTrailerTooLate(Path p, byte[] body, byte[] trailer) throws IOException {
    OutputStream os = Files.newOutputStream(p);
    os.write(body);
    os.close();
    os.write(trailer); // expect: use-after-move
  }

  // A PrintWriter used after close() on one path.
  void report(File f, List<String> lines, boolean summaryOnly) throws IOException {
    PrintWriter pw = new PrintWriter(new FileWriter(f));
    pw.println("report");
    if (summaryOnly) {
      pw.close();
    }
    pw.println(lines.size() + " lines"); // expect: use-after-move
    pw.close();
  }

  // D21: a user type that only inherits AutoCloseable.close() says nothing about what works after
  // it: no finding until its author declares @Consumes.
  void sendAfterClose() {
    Session session = new Session();
    session.send("hello");
    session.close();
    session.send("bye");
  }

  // Declared @Consumes: the author's contract, with Rust's rule (every use after it counts).
  void sendAfterDeclaredClose() {
    DeclaredSession session = new DeclaredSession();
    session.send("hello");
    session.close();
    session.send("bye"); // expect: use-after-move
  }

  // D21: a closed stream may still be logged, compared and closed again; reading it is the bug.
  String describeClosed(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    in.close();
    String name = "stream " + in + " " + in.hashCode();
    in.close();
    return name;
  }

  // A closed byte stream's flush() does nothing (decision 266; liquibase's changelog writer flushes
  // after a helper closed the stream); writing to it fails.
  void flushAfterClose(Path p, byte[] data) throws IOException {
    OutputStream out = Files.newOutputStream(p);
    out.close();
    out.flush();
    out.write(data); // expect: use-after-move
  }

  // A closed writer's flush() fails ("further write() or flush() invocations will cause an
  // IOException to be thrown").
  void writerFlushedAfterClose(Path p) throws IOException {
    Writer w = Files.newBufferedWriter(p);
    w.close();
    w.flush(); // expect: use-after-move
  }

  // A closed reader's markSupported() works; ready() does not.
  boolean readyAfterClose(Path p) throws IOException {
    BufferedReader r = Files.newBufferedReader(p);
    r.close();
    boolean marks = r.markSupported();
    return marks && r.ready(); // expect: use-after-move
  }

  // A Java 9 try-with-resources on an existing variable closes it: read after the block.
  String headerThenBody(Path p) throws IOException {
    BufferedReader reader = Files.newBufferedReader(p);
    String header;
    try (reader) {
      header = reader.readLine();
    }
    return header + reader.readLine(); // expect: use-after-move
  }

  // Negative: close() in finally.
  byte[] readFully(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    try {
      return in.readAllBytes();
    } finally {
      in.close();
    }
  }

  // Negative: closed explicitly (to surface errors) and again in finally: close() is idempotent.
  void writeReport(Path p, String text) throws IOException {
    Writer w = Files.newBufferedWriter(p);
    try {
      w.write(text);
      w.close();
    } finally {
      w.close();
    }
  }

  // Negative: try-with-resources, the resource used only inside the block.
  List<String> readLines(Path p) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var in = Files.newBufferedReader(p)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  // Negative: the pre-Java-7 idiom, a null check then close() in finally.
  String readConfig(File f) throws IOException {
    BufferedReader r = null;
    try {
      r = new BufferedReader(new FileReader(f));
      return r.readLine();
    } finally {
      if (r != null) {
        r.close();
      }
    }
  }

  // Negative: the variable re-assigned to a new stream after close().
  void concatenate(Path a, Path b, OutputStream sink) throws IOException {
    InputStream in = Files.newInputStream(a);
    in.transferTo(sink);
    in.close();
    in = Files.newInputStream(b);
    in.transferTo(sink);
    in.close();
  }

  // Negative: a user AutoCloseable closed twice (AutoCloseable.close() is modelled idempotent).
  void closeSessionTwice() {
    Session session = new Session();
    try {
      session.send("ping");
      session.close();
    } finally {
      session.close();
    }
  }

  // Negative: a user AutoCloseable in try-with-resources.
  void sessionInTry(List<String> messages) {
    try (Session session = new Session()) {
      for (String m : messages) {
        session.send(m);
      }
    }
  }

  // Negative: closing a ByteArrayOutputStream has no effect; it may be read afterwards (@NoEffect).
  byte[] inMemoryAfterClose(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(data);
    bytes.close();
    return bytes.toByteArray();
  }

  // Negative: try-with-resources closing a ByteArrayOutputStream does nothing either (@NoEffect),
  // so returning it from inside is not closing a moved value.
  ByteArrayOutputStream inMemoryReturnedFromTry(byte[] data) throws IOException {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      bytes.write(data);
      return bytes;
    }
  }

  // D19: a wrapper is a second handle on the stream it wraps; nothing moves, both stay usable
  // while the resource is open.
  int readRawWhileWrapped(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    BufferedInputStream buffered = new BufferedInputStream(raw);
    int first = buffered.read();
    int available = raw.available();
    buffered.close();
    return first + available;
  }

  // The nearest bug: the wrapped stream read after the wrapper closed it.
  int readRawAfterWrapperClosed(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    BufferedInputStream buffered = new BufferedInputStream(raw);
    int first = buffered.read();
    buffered.close();
    return first + raw.read(); // expect: use-after-move
  }

  // And the other way round: the wrapper read after the stream it wraps was closed.
  String readWrapperAfterStreamClosed(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in));
    in.close();
    return reader.readLine(); // expect: use-after-move
  }

  // Negative: one resource, two handles, both in the try-with-resources (Effective Java's
  // one resource per declaration): each close is harmless after the other.
  String bothHandlesInTry(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in))) {
      return reader.readLine();
    }
  }

  // Negative: one obligation for the pair: closing the wrapper discharges it.
  String closedThroughTheWrapper(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in));
    try {
      return reader.readLine();
    } finally {
      reader.close();
    }
  }

  // Negative: an in-memory sink read after the wrapper around it closed (its close does nothing).
  byte[] serialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes);
    out.writeObject(value);
    out.close();
    return bytes.toByteArray();
  }

  // Negative: the wrapper is returned: the stream's resource goes with it.
  BufferedReader opened(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new BufferedReader(new InputStreamReader(in));
  }

  // The nearest bug: neither handle is closed.
  int neitherClosed(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // expect: owned-value-leaked
    BufferedInputStream buffered = new BufferedInputStream(in);
    return buffered.read();
  }

  // Negative: the wrapper is closed, which closes what it wraps.
  int readThroughWrapper(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try (BufferedInputStream buffered = new BufferedInputStream(raw)) {
      return buffered.read();
    }
  }
}
