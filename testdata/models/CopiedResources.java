package models;

import java.io.DataOutput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * D4: an assignment moves an owner, but not an AutoCloseable of no owned type (a file stream, a
 * random-access file, a JDBC object): the other variable is a second name for the same resource
 * (decision 257). Closing either closes it; a use through the other one afterwards is a use
 * after close.
 */
public class CopiedResources {
  private InputStream kept;

  // Negative: nanohttpd's request body, written through an interface-typed copy, then read again.
  long writtenThroughACopy(File f) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(f, "rw");
    try {
      DataOutput out = raf;
      out.writeInt(1);
      return raf.length();
    } finally {
      raf.close();
    }
  }

  // Negative: read through a copy, closed through the original.
  int readThroughACopy(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    InputStream current = in;
    int n = current.read();
    in.close();
    return n;
  }

  // Negative: closed through the copy.
  int closedThroughACopy(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    InputStream x = in;
    int n = x.read();
    x.close();
    return n;
  }

  // Negative: the copy is returned, or kept by a field, or closed by try-with-resources.
  InputStream returnedCopy(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    InputStream x = in;
    return x;
  }

  void storedCopy(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    InputStream x = in;
    kept = x;
  }

  int copyAsResource(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    try (InputStream x = in) {
      return x.read();
    }
  }

  // The nearest bug: read through the original after the copy closed it.
  int readAfterTheCopyClosedIt(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    InputStream x = in;
    x.close();
    return in.read(); // expect: use-after-move
  }

  // And neither closed: the file stays open.
  int neitherClosed(Path p) throws IOException {
    InputStream in = Files.newInputStream(p); // expect: owned-value-leaked
    InputStream x = in;
    return x.read();
  }

  // Negative: Methanol's DiskStore — the copy is given the other channel before the first is
  // closed, so it names the open one where it is written to (decision 339).
  void switchedBeforeClose(java.nio.channels.FileChannel editor, java.nio.channels.FileChannel existing, boolean c)
      throws IOException {
    java.nio.channels.FileChannel target = editor;
    if (c) {
      target = existing;
      editor.close();
    }
    target.write(java.nio.ByteBuffer.allocate(4));
  }

  // Negative: the same with a wrapper given another stream before the wrapped one is closed.
  int rewrappedBeforeClose(InputStream first, InputStream second) throws IOException {
    InputStream in = new java.io.BufferedInputStream(first);
    in = new java.io.BufferedInputStream(second);
    first.close();
    return in.read();
  }

  // The nearest bug: the copy keeps the closed channel on the path that closes it.
  void keptOnTheClosingPath(java.nio.channels.FileChannel editor, java.nio.channels.FileChannel existing, boolean c)
      throws IOException {
    java.nio.channels.FileChannel target = editor;
    if (c) {
      editor.close();
    } else {
      target = existing;
    }
    target.write(java.nio.ByteBuffer.allocate(4)); // expect: use-after-move
  }
}
