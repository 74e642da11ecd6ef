package inference;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/**
 * Results that are part of the receiver, inferred from the bodies (decisions 180-183): a view
 * built by a constructor that keeps the receiver's array, a new object the receiver keeps, and a
 * constructor that stores its argument in an {@code @Owned} field. Each beside the body that
 * copies instead, which lends nothing.
 */
public class Views {
  /** A window on cells; its implicit canonical constructor keeps the array it is given. */
  record Span(int[] cells, int from, int to) {
    int get(int i) {
      return cells[from + i];
    }
  }

  /** The same shape with a compact constructor that keeps a copy: no view of the argument. */
  record Snapshot(int[] cells) {
    Snapshot {
      cells = cells.clone();
    }

    int get(int i) {
      return cells[i];
    }
  }

  /** A cursor over records; its constructor keeps the array. */
  static final class Cursor {
    private final String[] records;
    private int next;

    Cursor(String[] records) {
      this.records = records;
    }

    String next() {
      return records[next++];
    }
  }

  /** An owned sheet of cells: views of it end when it is closed. */
  @Owned
  static class Sheet implements AutoCloseable {
    private final int[] cells = new int[16];

    // Inferred @Borrowed: the record keeps the sheet's array.
    Span span() {
      return new Span(cells, 0, cells.length);
    }

    // Inferred nothing: the record keeps a copy.
    Snapshot snapshot() {
      return new Snapshot(cells);
    }

    @Override
    @Consumes(idempotent = true)
    public void close() {}
  }

  int spanAfterClose() {
    Sheet sheet = new Sheet();
    Span span = sheet.span();
    sheet.close(); // expect: move-while-borrowed
    return span.get(0);
  }

  // Negative: the snapshot is a copy, still there after the sheet closed.
  int snapshotAfterClose() {
    Sheet sheet = new Sheet();
    Snapshot snapshot = sheet.snapshot();
    sheet.close();
    return snapshot.get(0);
  }

  /** A plain page of records: an owner only where a variable is declared @Owned. */
  static class Page {
    private final String[] records = {"a", "b"};

    // Inferred @Borrowed: the cursor keeps the page's array.
    Cursor cursor() {
      return new Cursor(records);
    }

    // Inferred nothing: the cursor keeps a defensive copy.
    Cursor copiedCursor() {
      return new Cursor(records.clone());
    }
  }

  Cursor cursorOfLocal() {
    @Owned Page page = new Page();
    return page.cursor(); // expect: outlives-owner
  }

  // Negative: a cursor over a copy of the records.
  Cursor copiedCursorOfLocal() {
    @Owned Page page = new Page();
    return page.copiedCursor();
  }

  /** A piece of an arena. */
  static final class Slot {
    private int value;

    int value() {
      return value;
    }
  }

  /** An owned arena: the slots it hands out and keeps are freed with it. */
  @Owned
  static class Arena implements AutoCloseable {
    private final List<Slot> slots = new ArrayList<>();

    // Inferred @Borrowed: the arena keeps the new slot.
    Slot allocate() {
      Slot s = new Slot();
      slots.add(s);
      return s;
    }

    // Inferred nothing: a new slot the arena does not keep is the caller's.
    Slot scratch() {
      Slot s = new Slot();
      s.value = slots.size();
      return s;
    }

    @Override
    @Consumes(idempotent = true)
    public void close() {
      slots.clear();
    }
  }

  int slotAfterClose() {
    Arena arena = new Arena();
    Slot slot = arena.allocate();
    arena.close(); // expect: move-while-borrowed
    return slot.value();
  }

  // Negative: a scratch slot outlives the arena.
  int scratchAfterClose() {
    Arena arena = new Arena();
    Slot slot = arena.scratch();
    arena.close();
    return slot.value();
  }

  /** A buffer that must be released once. */
  static final class Buf {
    int size() {
      return 0;
    }

    @Consumes
    void release() {}
  }

  /** Stores its argument in an @Owned field: inferred @Owned, the argument moves. */
  static final class Owner {
    @Owned private final Buf buf;

    Owner(Buf buf) {
      this.buf = buf;
    }

    @Consumes
    void release() {
      buf.release();
    }
  }

  /** Stores its argument in a plain field: inferred @MustCallAlias (D19), nothing moves. */
  static final class Sharer {
    private final Buf buf;

    Sharer(Buf buf) {
      this.buf = buf;
    }

    int size() {
      return buf.size();
    }
  }

  Owner ownedThenRead() {
    @Owned Buf buf = new Buf();
    Owner owner = new Owner(buf);
    buf.size(); // expect: use-after-move
    return owner;
  }

  // Negative: the sharer is a second handle; the buffer stays usable.
  Sharer sharedThenRead() {
    @Owned Buf buf = new Buf();
    Sharer sharer = new Sharer(buf);
    buf.size();
    return sharer;
  }
}
