package mwb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** Owned pooled buffers released or handed on while a slice or explicit borrow of them is used later. */
public class BufferSlices {
  private final Pool pool;
  private final Sink sink;

  public BufferSlices(Pool pool, Sink sink) {
    this.pool = pool;
    this.sink = sink;
  }

  // Releasing the buffer while a slice of it is read afterwards.
  int releaseThenRead() {
    Buffer b = pool.take();
    b.put(1);
    Slice s = b.slice(0, 1);
    b.release(); // expect: move-while-borrowed
    return s.get(0);
  }

  // Handing the buffer to an @Owned parameter while a slice of it is read afterwards.
  int acceptThenRead() {
    Buffer b = pool.take();
    b.put(2);
    Slice s = b.slice(0, 1);
    sink.accept(b); // expect: move-while-borrowed
    return s.get(0);
  }

  // Releasing the buffer while an explicit @Mut borrow of it is written afterwards.
  void releaseUnderMutBorrow() {
    Buffer b = pool.take();
    @Mut Buffer w = b;
    b.release(); // expect: move-while-borrowed
    w.put(3);
  }

  // Moving the buffer while an explicit @Borrowed local of it is read afterwards.
  int acceptUnderSharedBorrow() {
    Buffer b = pool.take();
    @Borrowed Buffer view = b;
    sink.accept(b); // expect: move-while-borrowed
    return view.size();
  }

  // Releasing before the loop that reads the slice.
  int releaseBeforeLoop() {
    Buffer b = pool.take();
    b.put(4);
    b.put(5);
    Slice s = b.slice(0, 2);
    b.release(); // expect: move-while-borrowed
    int total = 0;
    for (int i = 0; i < s.length(); i++) {
      total += s.get(i);
    }
    return total;
  }

  // An @Owned parameter handed on while a slice of it is read afterwards.
  int forwardParameter(@Owned Buffer b) {
    Slice s = b.slice(0, 1);
    sink.accept(b); // expect: move-while-borrowed
    return s.length();
  }

  // Negative: the buffer is released after the slice's last use.
  int readThenRelease() {
    Buffer b = pool.take();
    b.put(1);
    Slice s = b.slice(0, 1);
    int v = s.get(0);
    b.release();
    return v;
  }

  // Negative: released on a path that returns at once; the slice is read only on the other path.
  int releaseEarlyOrRead(boolean empty) {
    Buffer b = pool.take();
    Slice s = b.slice(0, 2);
    if (empty) {
      b.release();
      return 0;
    }
    int v = s.get(0) + s.get(1);
    b.release();
    return v;
  }

  // Negative: re-assigning the slice holder ends its loan on the first buffer.
  int reassignSlice() {
    Buffer a = pool.take();
    Buffer c = pool.take();
    Slice s = a.slice(0, 1);
    int x = s.get(0);
    s = c.slice(0, 1);
    a.release();
    int y = s.get(0);
    c.release();
    return x + y;
  }

  // Negative: passing the buffer to a @Borrowed parameter is no move.
  int peekWhileSliced() {
    Buffer b = pool.take();
    Slice s = b.slice(0, 1);
    sink.peek(b);
    int v = s.get(0);
    sink.accept(b);
    return v;
  }

  // Negative: released inside the loop only on a path that leaves the method.
  int sumUntilNegative(int n) {
    Buffer b = pool.take();
    Slice s = b.slice(0, n);
    int total = 0;
    for (int i = 0; i < n; i++) {
      int v = s.get(i);
      if (v < 0) {
        b.release();
        return -1;
      }
      total += v;
    }
    b.release();
    return total;
  }

  // Negative: the @Mut borrow's last use comes before the release.
  void fillThenRelease() {
    Buffer b = pool.take();
    @Mut Buffer w = b;
    w.put(7);
    w.put(8);
    b.release();
  }
}
