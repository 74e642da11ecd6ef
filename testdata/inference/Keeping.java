package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * A method that stores its argument in a field keeps it (D23: {@code @Retained}): the caller's
 * duty to release passes with it. A method that stores a copy keeps nothing of the argument.
 */
public class Keeping {
  /** A message that holds its content until it is released. */
  static class Message {
    private ByteBuf content;

    void setContent(ByteBuf buf) {
      this.content = buf;
    }

    void setCopyOf(ByteBuf buf) {
      this.content = buf.copy();
    }

    void release() {
      if (content != null) {
        content.release();
      }
    }
  }

  // Negative: the message keeps the buffer; releasing it is the message's business now.
  void handedToSetter(Message m, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    m.setContent(buf);
  }

  // The nearest bug: the message keeps a copy, and the original is never released.
  void copiedBySetter(Message m, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    buf.writeInt(1);
    m.setCopyOf(buf);
  }

  /** A frame wraps the buffer it is built with: where the frame goes, the buffer goes. */
  static final class Frame {
    final ByteBuf content;

    Frame(ByteBuf content) {
      this.content = content;
    }
  }

  // Negative: the frame that wraps the buffer is returned.
  Frame framed(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    return new Frame(buf);
  }

  // The nearest bug: the frame is dropped, and the buffer with it.
  int frameDropped(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    Frame f = new Frame(buf);
    return f.content.readableBytes();
  }

  /** Keeps the buffer only while there is room: it sometimes takes it, sometimes not. */
  static boolean offer(List<ByteBuf> queue, ByteBuf buf, int limit) {
    if (queue.size() < limit) {
      queue.add(buf);
      return true;
    }
    return false;
  }

  // Negative: whether releasing is still this method's duty depends on what offer returned;
  // nothing is guessed (the buffer is released where the queue is full).
  void offered(List<ByteBuf> queue, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    if (!offer(queue, buf, 8)) {
      buf.release();
    }
  }

  /** Queues the buffer where there is room and releases it where not: taken in two ways. */
  static void queueOrRelease(List<ByteBuf> queue, ByteBuf buf) {
    if (queue.size() < 8) {
      queue.add(buf);
    } else {
      buf.release();
    }
  }

  /** Passes the buffer on as it came: it takes what queueOrRelease takes (decision 272). */
  static void send(List<ByteBuf> queue, ByteBuf buf) {
    queueOrRelease(queue, buf);
  }

  /** Passes a copy on: the buffer it was given stays the caller's. */
  static void sendCopy(List<ByteBuf> queue, ByteBuf buf) {
    queueOrRelease(queue, buf.copy());
  }

  // Negative: send hands the buffer on to a method that queues or releases it.
  void sent(List<ByteBuf> queue, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    send(queue, buf);
  }

  // The nearest bug: only a copy is handed on, and the buffer is never released.
  void sentCopy(List<ByteBuf> queue, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    buf.writeInt(1);
    sendCopy(queue, buf);
  }

  /**
   * Keeps a reader over the stream it is built with: a field that keeps a wrapper keeps what the
   * wrapper wraps (decision 221), so the decoder wraps the stream as a frame wraps its buffer.
   */
  static final class Decoder {
    private final java.io.Reader reader;

    Decoder(java.io.InputStream in) {
      this.reader = new java.io.InputStreamReader(in);
    }

    int next() throws java.io.IOException {
      return reader.read();
    }
  }

  // Negative: the decoder that keeps the stream is returned.
  Decoder decoder(java.nio.file.Path p) throws java.io.IOException {
    java.io.InputStream in = java.nio.file.Files.newInputStream(p);
    return new Decoder(in);
  }

  // The nearest bug: the decoder is dropped, and the stream with it.
  int decoderDropped(java.nio.file.Path p) throws java.io.IOException {
    java.io.InputStream in = java.nio.file.Files.newInputStream(p); // expect: owned-value-leaked
    Decoder d = new Decoder(in);
    return d.next();
  }

  /** Reads a clip from a stream; each kind of clip its own way. */
  abstract static class ClipReader {
    abstract int read(java.io.InputStream in) throws java.io.IOException;

    // Positive (the JDK's `SunFileReader.getAudioInputStream(URL)`): the stream goes, inside the
    // wrapper built in the argument, to readers of which one closes it and one does not; it is
    // reported, not guessed away (decision 308).
    final int read(java.net.URL url) throws java.io.IOException {
      java.io.InputStream urlStream = url.openStream(); // expect: owned-value-leaked
      return read(new java.io.BufferedInputStream(urlStream));
    }
  }

  static final class ClosingClipReader extends ClipReader {
    @Override
    int read(java.io.InputStream in) throws java.io.IOException {
      try {
        return in.read();
      } finally {
        in.close();
      }
    }
  }

  static final class OpenClipReader extends ClipReader {
    @Override
    int read(java.io.InputStream in) throws java.io.IOException {
      return in.read();
    }
  }

  /** Reads lines and closes the reader, unless reading fails: it sometimes takes the reader. */
  static String[] lines(java.io.BufferedReader reader) {
    try {
      String first = reader.readLine();
      reader.close();
      return new String[] {first};
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Its parameter goes, inside a local wrapper, where it is sometimes taken: so is it. */
  static String[] lines(java.io.InputStream input) {
    java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(input));
    return lines(reader);
  }

  // Negative (Processing's `PApplet.loadStrings(url.openStream())`, decision 308): the helper
  // closes the stream, through the reader it wraps it in, on every path but a failed read.
  String[] shaderLines(java.net.URL url) throws java.io.IOException {
    return lines(url.openStream());
  }
}
