package leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * An owner acquired before a call that throws into a catch that completes normally: the method
 * goes on, and the owner is left unreleased on that path (the Redisson codec warm-up leak).
 */
public class CaughtExceptions {
  interface Codec {
    ByteBuf encode(Object value) throws IOException;

    Object decode(ByteBuf buf) throws IOException;
  }

  // Decoding fails, the catch logs it and the method returns: the buffer leaks.
  void warmupLeaks(ByteBufAllocator alloc, Codec codec) {
    try {
      ByteBuf d = alloc.buffer(); // expect: owned-value-leaked
      d.writeInt(42);
      codec.decode(d);
      d.release();
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  // Negative: released in a finally block, whatever decode does.
  void warmupReleasesInFinally(ByteBufAllocator alloc, Codec codec) {
    ByteBuf d = alloc.buffer();
    try {
      d.writeInt(42);
      codec.decode(d);
    } catch (IOException e) {
      e.printStackTrace();
    } finally {
      d.release();
    }
  }

  // Negative: the catch releases and rethrows; the method does not go on.
  void rethrown(ByteBufAllocator alloc, Codec codec) throws IOException {
    ByteBuf d = alloc.buffer();
    try {
      codec.decode(d);
      d.release();
    } catch (IOException e) {
      throw e;
    }
  }

  // Negative: the catch itself releases the buffer.
  void releasedInCatch(ByteBufAllocator alloc, Codec codec) {
    ByteBuf d = alloc.buffer();
    try {
      codec.decode(d);
      d.release();
    } catch (IOException e) {
      d.release();
    }
  }

  // Negative: a catch of Throwable guards against bugs (Netty's `promise.setFailure(t)`): what a
  // failing writeInt would leave unreleased is not the problem to report.
  Object guardedAgainstBugs(ByteBufAllocator alloc, Codec codec) {
    try {
      ByteBuf buf = alloc.buffer(8);
      buf.writeInt(42);
      return codec.decode(buf);
    } catch (Throwable t) {
      return t;
    }
  }

  // Negative: an unchecked exception caught is a bug guard too.
  void uncheckedCaught(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(8);
    try {
      buf.writeInt(42);
      buf.release();
    } catch (IndexOutOfBoundsException e) {
      System.err.println(e);
    }
  }

  // A file opened in the try block, read, and closed only when nothing failed.
  int fileLeaksWhenReadFails(Path p) {
    try {
      InputStream in = Files.newInputStream(p); // expect: owned-value-leaked
      int first = in.read();
      in.close();
      return first;
    } catch (IOException e) {
      return -1;
    }
  }

  // Negative (D9): while the file is open only a helper runs that declares no IOException; the
  // catch is entered from opening the file (then nothing is open) and from the close (which counts
  // as done: what a failing close leaves is not the leak to report).
  int fileOpenWhileNothingCanFail(Path p) {
    try {
      InputStream in = Files.newInputStream(p);
      int first = firstOf(p.toString());
      in.close();
      return first;
    } catch (IOException e) {
      return -1;
    }
  }

  private static int firstOf(String name) {
    return name.isEmpty() ? -1 : name.charAt(0);
  }

  // Negative (D9): the catch of an IOException is entered from the call before the buffer only.
  void decodedBeforeTheBuffer(ByteBufAllocator alloc, Codec codec, ByteBuf input) {
    try {
      codec.decode(input);
      ByteBuf d = alloc.buffer();
      d.writeInt(42);
      d.release();
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  // Negative: try-with-resources closes it on every path.
  int fileWithResources(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return in.read();
    } catch (IOException e) {
      return -1;
    }
  }

  // Negative (decision 260): closing the first file fails and the second stays open on that path
  // to the handler; when a close fails the I/O has failed already, and the handler is there for
  // the work (snappy's native-library check).
  int secondCloseAfterAFailedOne(Path a, Path b) {
    try {
      InputStream first = null;
      InputStream second = null;
      int n;
      try {
        first = Files.newInputStream(a);
        second = Files.newInputStream(b);
        n = first.read() + second.read();
      } finally {
        if (first != null) {
          first.close();
        }
        if (second != null) {
          second.close();
        }
      }
      return n;
    } catch (IOException e) {
      return -1;
    }
  }

  // The nearest bug: the second file is closed only when reading succeeds.
  int secondClosedOnlyWhenReadingWorks(Path a, Path b) {
    try {
      InputStream first = null;
      InputStream second = null; // expect: owned-value-leaked
      try {
        first = Files.newInputStream(a);
        second = Files.newInputStream(b);
        int n = first.read() + second.read();
        second.close();
        return n;
      } finally {
        if (first != null) {
          first.close();
        }
      }
    } catch (IOException e) {
      return -1;
    }
  }

  /** A manager made by a factory from data of a type the lambda's parameter does not name. */
  static <T, M> M managed(String name, BiFunction<String, T, M> factory, T data) {
    return factory.apply(name, data);
  }

  static final class Settings {
    String context() {
      return "default";
    }
  }

  static final class Manager {
    private final OutputStream out;

    Manager(String context, OutputStream out) {
      this.out = out;
    }
  }

  // Negative (decision 261): only code whose declaration is unknown (`data`'s type is inferred
  // from a generic call) runs between opening the file and handing it to the manager; that it
  // throws an IOException into the catch would be a guess (log4j's file managers).
  Manager openedForAManager(Path p) {
    return managed(
        p.toString(),
        (name, data) -> {
          try {
            OutputStream out = Files.newOutputStream(p);
            return new Manager(data.context(), out);
          } catch (IOException e) {
            return null;
          }
        },
        new Settings());
  }

  // The nearest bug: a call declared to throw an IOException runs before the file is handed on.
  Manager openedBeforeACallThatFails(Path p, Path dir) {
    try {
      OutputStream out = Files.newOutputStream(p); // expect: owned-value-leaked
      Files.createDirectories(dir);
      return new Manager("default", out);
    } catch (IOException e) {
      return null;
    }
  }

  // Negative (decision 267): the read's IOException is caught by the inner catch, which closes the
  // stream; the outer catch of the same type is entered only from opening the file.
  int closedByTheInnerCatch(Path p) {
    try {
      InputStream in = Files.newInputStream(p);
      try {
        int b = in.read();
        in.close();
        return b;
      } catch (IOException e) {
        closeQuietly(in);
        return -2;
      }
    } catch (IOException e) {
      return -1;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  // The nearest bug: the inner catch returns without closing the stream.
  int leftOpenByTheInnerCatch(Path p) {
    try {
      InputStream in = Files.newInputStream(p); // expect: owned-value-leaked
      try {
        int b = in.read();
        in.close();
        return b;
      } catch (IOException e) {
        return -2;
      }
    } catch (IOException e) {
      return -1;
    }
  }

  // Negative (OpenNLP's evaluator tools, decision 309): flushed, then closed, in one try whose
  // catch swallows the failure; the stream holds only a FileOutputStream, whose flush does nothing
  // and never throws, so the close is reached whenever the flush is.
  void flushedThenClosed(File report) throws IOException {
    OutputStream out = new FileOutputStream(report);
    out.write(1);
    try {
      out.flush();
      out.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  // The nearest bug: a buffered stream's flush writes, may fail, and then the file stays open.
  void bufferedFlushedThenClosed(File report) throws IOException {
    OutputStream out = new BufferedOutputStream(new FileOutputStream(report)); // expect: owned-value-leaked
    out.write(1);
    try {
      out.flush();
      out.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
