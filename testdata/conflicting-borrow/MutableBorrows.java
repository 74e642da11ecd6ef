package cb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Explicit @Mut / @Borrowed locals and user @Borrowed results on annotated Buffers. */
public class MutableBorrows {

  // Reading the buffer while a @Mut borrow of it is live (Rust E0503).
  void readWhileMut(Buffer buf) {
    @Mut Buffer m = buf;
    int n = buf.size(); // expect: conflicting-borrow
    m.write(n);
  }

  // A second @Mut borrow while the first is still used (E0499).
  void twoMutableBorrows(Buffer buf) {
    @Mut Buffer first = buf;
    @Mut Buffer second = buf; // expect: conflicting-borrow
    second.write(1);
    first.write(2);
  }

  // A @Mut borrow while a shared borrow is still used (E0502).
  int mutWhileShared(Buffer buf) {
    @Borrowed Buffer reader = buf;
    @Mut Buffer writer = buf; // expect: conflicting-borrow
    writer.write(1);
    return reader.size();
  }

  // A shared borrow while a @Mut borrow is still used.
  void sharedWhileMut(Buffer buf) {
    @Mut Buffer writer = buf;
    @Borrowed Buffer reader = buf; // expect: conflicting-borrow
    writer.write(reader.size());
  }

  // Assigning a field of the buffer while a @Mut borrow of it is live.
  void assignWhileMut(Buffer buf) {
    @Mut Buffer m = buf;
    buf.limit = 3; // expect: conflicting-borrow
    m.write(1);
  }

  // Passing the buffer to a @Borrowed parameter while a @Mut borrow of it is live.
  void passWhileMut(Buffer buf) {
    @Mut Buffer m = buf;
    int total = Buffers.sum(buf); // expect: conflicting-borrow
    m.write(total);
  }

  // Mutating the buffer while a shared borrow of it is still read.
  int writeWhileShared(Buffer buf) {
    @Borrowed Buffer r = buf;
    buf.write(7); // expect: conflicting-borrow
    return r.size();
  }

  // Assigning a field while a shared borrow is still read (E0506).
  int assignWhileShared(Buffer buf) {
    @Borrowed Buffer r = buf;
    buf.position = 0; // expect: conflicting-borrow
    return r.get(0);
  }

  // Calling a @Mut method on the owner itself while a @Mut borrow is live.
  void writeBothWays(Buffer buf) {
    @Mut Buffer m = buf;
    buf.write(1); // expect: conflicting-borrow
    m.write(2);
  }

  // Clearing the buffer while a slice borrowed from it is used later.
  int sliceAfterClear(Buffer buf) {
    Slice s = buf.slice(0, 2);
    buf.clear(); // expect: conflicting-borrow
    return s.get(0);
  }

  // Passing the buffer to a @Mut parameter while a slice of it is used later.
  int sliceAfterFill(Buffer buf) {
    Slice head = buf.slice(0, 4);
    Buffers.fill(buf, 0, 4); // expect: conflicting-borrow
    return head.length();
  }

  // Inside a loop, the @Mut borrow is used again at every round.
  void readInLoop(Buffer buf, int rounds) {
    @Mut Buffer m = buf;
    for (int i = 0; i < rounds; i++) {
      int n = buf.size(); // expect: conflicting-borrow
      m.write(n);
    }
  }

  // Negative: the owner is read after the @Mut borrow's last use.
  int readAfterMut(Buffer buf) {
    @Mut Buffer m = buf;
    m.write(1);
    return buf.size();
  }

  // Negative: mutation after the shared borrow's last use.
  void writeAfterShared(Buffer buf) {
    @Borrowed Buffer r = buf;
    int n = r.size();
    buf.write(n);
  }

  // Negative: two shared borrows of the same buffer, both read.
  int twoReaders(Buffer buf) {
    @Borrowed Buffer a = buf;
    @Borrowed Buffer b = buf;
    return a.size() + b.get(0) + buf.size();
  }

  // Negative: a @Mut borrow of one buffer while another buffer is written.
  void differentBuffers(Buffer a, Buffer b) {
    @Mut Buffer m = a;
    b.write(1);
    m.write(2);
  }

  // Negative: re-assigning the slice holder ends the loan on the first buffer.
  int reassignSlice(Buffer a, Buffer b) {
    Slice s = a.slice(0, 1);
    int first = s.get(0);
    s = b.slice(0, 1);
    a.clear();
    return first + s.get(0);
  }

  // Negative: re-assigning the @Mut holder ends its loan on the first buffer.
  void reassignMut(Buffer a, Buffer b) {
    @Mut Buffer m = a;
    m.write(1);
    m = b;
    a.write(2);
    m.write(3);
  }

  // Negative: a slice taken in one branch, the buffer cleared in the other.
  int sliceOrClear(Buffer buf, boolean peek) {
    if (peek) {
      Slice s = buf.slice(0, 1);
      return s.get(0);
    }
    buf.clear();
    return 0;
  }

  // Negative: two-phase borrow: the argument is read before the receiver is mutated.
  void appendSize(Buffer buf) {
    buf.write(buf.size());
  }

  // Negative: set() is not declared @Mut, so it does not conflict with a live slice.
  int overwrite(Buffer buf) {
    Slice s = buf.slice(0, 2);
    buf.set(0, 9);
    return s.get(0);
  }

  // Assigning a field of the buffer while a slice of it is used later.
  int assignWhileSliced(Buffer buf) {
    Slice s = buf.slice(0, 1);
    buf.limit = 0; // expect: conflicting-borrow
    return s.get(0);
  }

  // Negative: assigning a field through a @Mut parameter.
  void resetThroughMut(@Mut Buffer buf) {
    buf.limit = 0;
    buf.position = 0;
  }

  // A slice taken through a @Mut borrow borrows the same root: writing through the @Mut borrow conflicts.
  int sliceThroughMut(Buffer buf) {
    @Mut Buffer m = buf;
    Slice s = m.slice(0, 1);
    m.write(1); // expect: conflicting-borrow
    return s.get(0);
  }

  // A new @Mut borrow while a slice is still used.
  int mutWhileSliced(Buffer buf) {
    Slice s = buf.slice(0, 1);
    @Mut Buffer m = buf; // expect: conflicting-borrow
    m.write(2);
    return s.get(0);
  }

  // Negative: the @Mut borrow lends itself to a @Borrowed parameter (a reborrow), then writes.
  void reborrowForRead(Buffer buf) {
    @Mut Buffer m = buf;
    int total = Buffers.sum(m);
    m.write(total);
  }

  // Negative: the @Mut borrow lends itself to a @Mut parameter (a reborrow), then writes again.
  void reborrowForWrite(Buffer buf) {
    @Mut Buffer m = buf;
    Buffers.fill(m, 0, 2);
    m.write(1);
  }

  // Negative: a shared borrow passed on to @Borrowed parameters next to its owner.
  int sharedReborrow(Buffer buf) {
    @Borrowed Buffer r = buf;
    int total = Buffers.sum(r) + Buffers.compare(r, buf);
    return total + r.size();
  }

  // A @Borrowed(from = "buf") result borrows its argument: clearing the argument while it is used.
  int windowAfterClear(Buffer buf) {
    Slice w = Buffers.window(buf, 0, 2);
    buf.clear(); // expect: conflicting-borrow
    return w.get(0);
  }

  // Negative: the window's last use is before the buffer is cleared.
  int windowThenClear(Buffer buf) {
    Slice w = Buffers.window(buf, 0, 2);
    int v = w.get(0);
    buf.clear();
    return v;
  }
}
