package realworld;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.Iterator;
import java.util.Set;
import java.util.Spliterator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Idioms found in Guava, Netty and Spring that must stay clean (bench/FINDINGS.md has the
 * history), and their buggy twins.
 */
public class Idioms {
  private ByteBuf cached;
  private Set<Object> selectedKeys;

  // Netty: a flag says whether the finally block must release; on the path of the return it is false.
  static ByteBuf readBytes(ByteBufAllocator alloc, ByteBuf source, int length) {
    boolean release = true;
    ByteBuf dst = alloc.buffer(length);
    try {
      source.readBytes(dst);
      release = false;
      return dst;
    } finally {
      if (release) {
        dst.release();
      }
    }
  }

  // Netty's `finally { if (success == false) ... }`: the flag compared with a literal reads as `!success`.
  static ByteBuf readBytesComparedWithFalse(ByteBufAllocator alloc, ByteBuf source, int length) {
    boolean success = false;
    ByteBuf dst = alloc.buffer(length);
    try {
      source.readBytes(dst);
      success = true;
      return dst;
    } finally {
      if (success == false) {
        dst.release();
      }
    }
  }

  // The flag tested the wrong way round: the returned buffer is released.
  static ByteBuf readBytesComparedWrongly(ByteBufAllocator alloc, ByteBuf source, int length) {
    boolean success = false;
    ByteBuf dst = alloc.buffer(length);
    try {
      source.readBytes(dst);
      success = true;
      return dst;
    } finally {
      if (success == true) {
        dst.release(); // expect: use-after-move
      }
    }
  }

  // The same without the flag: the finally block releases what was returned.
  static ByteBuf readBytesWrongly(ByteBufAllocator alloc, ByteBuf source, int length) {
    ByteBuf dst = alloc.buffer(length);
    try {
      source.readBytes(dst);
      return dst;
    } finally {
      dst.release(); // expect: use-after-move
    }
  }

  // Netty: a helper that always throws ends the path (PlatformDependent.throwException is modelled).
  static ByteBuf compose(ByteBufAllocator alloc, ByteBuf next) {
    ByteBuf composite = alloc.buffer();
    try {
      composite.writeBytes(next);
    } catch (Throwable cause) {
      composite.release();
      PlatformDependent.throwException(cause);
    }
    return composite;
  }

  // A private helper of the class that always throws ends the path too.
  ByteBuf orFail(ByteBufAllocator alloc, boolean ok) {
    ByteBuf buf = alloc.buffer();
    if (!ok) {
      buf.release();
      fail("not ok");
    }
    return buf;
  }

  private static void fail(String message) {
    throw new IllegalStateException(message);
  }

  // Netty: a lazily created value is cached in a field and returned: not a move (the field is not @Owned).
  ByteBuf swapped(ByteBufAllocator alloc) {
    ByteBuf swapped = this.cached;
    if (swapped != null) {
      return swapped;
    }
    this.cached = swapped = alloc.buffer();
    return swapped;
  }

  // Netty: a local that names a buffer held elsewhere (a field) has nothing to release.
  int peek() {
    ByteBuf alias = this.cached;
    return alias.readableBytes();
  }

  // Netty: retain() hands out another reference to the same buffer; nothing is dropped.
  void share(ByteBuf buf) {
    buf.retain();
  }

  // Netty: readBytes(ByteBuf) copies into its argument; only readBytes(int) returns a new buffer.
  void copyInto(ByteBuf source, ByteBuf target) {
    source.readBytes(target);
  }

  // Dropping the buffer readBytes(int) returns is a leak.
  void dropCopy(ByteBuf source) {
    source.readBytes(8); // expect: owned-value-leaked
  }

  // Netty: a close that fails is logged with the resource it failed on.
  static void closeQuietly(Closeable handle) {
    try {
      handle.close();
    } catch (IOException e) {
      System.err.println("could not close " + handle);
    }
  }

  // Netty: the iterator is re-created after the set was replaced; removing through it is fine.
  int drain() {
    Iterator<Object> i = selectedKeys.iterator();
    int handled = 0;
    for (;;) {
      i.next();
      i.remove();
      handled++;
      if (!i.hasNext()) {
        break;
      }
      if (handled > 10) {
        selectedKeys = Set.of();
        i = selectedKeys.iterator();
      }
    }
    return handled;
  }

  // Guava: closing the source stream later, through a method reference, after its spliterator was taken.
  static <T> Stream<T> wrap(Stream<T> stream) {
    Spliterator<T> split = stream.spliterator();
    return StreamSupport.stream(split, false).onClose(stream::close);
  }

  // Guava: the resource is also seen as a more specific type; the try statement still closes it.
  static int count(Path dir) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      if (stream instanceof SecureDirectoryStream) {
        SecureDirectoryStream<Path> sds = (SecureDirectoryStream<Path>) stream;
        for (Path p : sds) {
          n++;
        }
      }
    }
    return n;
  }
}
