package inference;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import org.borrowck4j.annotations.Owned;

/**
 * A method returning a new wrapper of its receiver, a resource to close, returns a second handle
 * on it (D19; decision 306): inferred {@code @MustCallAlias Mapped mapped(@MustCallAlias
 * LineReader this)}, as {@code new Mapped(reader)} is. Whoever holds either handle holds the
 * file; closing either closes both (ojAlgo's {@code TextLineReader.of(file).withParser(p)}).
 */
public class ReceiverHandles {
  /** Reads lines of a file it opens. */
  static final class LineReader implements Closeable {
    private final BufferedReader in;

    LineReader(InputStream stream) {
      in = new BufferedReader(new InputStreamReader(stream));
    }

    static LineReader of(File f) throws IOException {
      return new LineReader(new FileInputStream(f));
    }

    String read() throws IOException {
      return in.readLine();
    }

    /** A reader that parses what this one reads: closing it closes this one. */
    Mapped mapped() {
      return new Mapped(this);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  static final class Mapped implements Closeable {
    private final LineReader lines;

    Mapped(LineReader lines) {
      this.lines = lines;
    }

    int next() throws IOException {
      String line = lines.read();
      return line == null ? -1 : line.length();
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }

  /** An owned block of memory: a view made of it borrows it (D15), it is no second handle. */
  @Owned
  static final class Block implements Closeable {
    private int[] cells = new int[64];

    View view() {
      return new View(this);
    }

    int cell(int i) {
      return cells[i];
    }

    @Override
    public void close() {
      cells = null;
    }
  }

  static final class View {
    private final Block block;

    View(Block block) {
      this.block = block;
    }

    int first() {
      return block.cell(0);
    }
  }

  // Positive: the view borrows the block, which is closed while the view is still used.
  static int closedUnderView() {
    Block b = new Block();
    View v = b.view();
    b.close(); // expect: move-while-borrowed
    return v.first();
  }

  // Negative, side by side: the view's last use comes first.
  static int closedAfterView() {
    Block b = new Block();
    View v = b.view();
    int first = v.first();
    b.close();
    return first;
  }

  // Negative (ojAlgo): the caller gets the only handle on the new file, and closes it.
  static Mapped open(File f) throws IOException {
    return LineReader.of(f).mapped();
  }

  // Negative: try-with-resources closes the handle, and with it the file.
  static int first(File f) throws IOException {
    try (Mapped m = LineReader.of(f).mapped()) {
      return m.next();
    }
  }

  // Positive: the only handle on the new file, never closed.
  static int firstLeaked(File f) throws IOException {
    Mapped m = LineReader.of(f).mapped(); // expect: owned-value-leaked
    return m.next();
  }

  // Negative: the reader keeps the file; closing the handle made from it closes it.
  static int closedThroughHandle(File f) throws IOException {
    LineReader r = LineReader.of(f);
    Mapped m = r.mapped();
    try {
      return m.next();
    } finally {
      m.close();
    }
  }

  // Positive: a handle made from the reader and dropped; the reader is never closed.
  static int neitherClosed(File f) throws IOException {
    LineReader r = LineReader.of(f); // expect: owned-value-leaked
    Mapped m = r.mapped();
    return m.next();
  }
}
