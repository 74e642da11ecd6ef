// requires: java 22
package outlives;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Segments borrow from their arena: try-with-resources closes the arena at the end of the try. */
public class ArenaScopes {

  // A segment kept in a variable declared outside the try, read after the arena closed.
  byte readAfterTry() {
    MemorySegment seg;
    try (Arena arena = Arena.ofConfined()) {
      seg = arena.allocate(8);
      seg.set(JAVA_BYTE, 0, (byte) 1);
    }
    return seg.get(JAVA_BYTE, 0); // expect: outlives-owner
  }

  // Only the first use after the end is reported.
  long fillAfterTry() {
    MemorySegment seg;
    try (Arena arena = Arena.ofShared()) {
      seg = arena.allocate(64);
    }
    seg.fill((byte) 0); // expect: outlives-owner
    return seg.byteSize();
  }

  // Used in a loop condition after the try.
  int sumAfterTry(int n) {
    MemorySegment ints;
    try (Arena arena = Arena.ofConfined()) {
      ints = arena.allocate(JAVA_INT, n);
      for (int i = 0; i < n; i++) {
        ints.setAtIndex(JAVA_INT, i, i);
      }
    }
    int sum = 0;
    for (long i = 0; i < ints.byteSize() / 4; i++) { // expect: outlives-owner
      sum += ints.getAtIndex(JAVA_INT, i);
    }
    return sum;
  }

  // Assigned on both branches inside the try, used after it.
  long branchAllocation(boolean big) {
    MemorySegment seg;
    try (Arena arena = Arena.ofConfined()) {
      if (big) {
        seg = arena.allocate(4096);
      } else {
        seg = arena.allocate(16);
      }
    }
    return seg.byteSize(); // expect: outlives-owner
  }

  // A C string allocated in a shared arena, read after it closed.
  String stringAfterTry(String text) {
    MemorySegment cString;
    try (Arena arena = Arena.ofShared()) {
      cString = arena.allocateFrom(text);
    }
    return cString.getString(0); // expect: outlives-owner
  }

  // Passing the dead segment to another method is a use.
  void passAfterTry() {
    MemorySegment seg;
    try (Arena arena = Arena.ofConfined()) {
      seg = arena.allocate(32);
    }
    checksum(seg); // expect: outlives-owner
  }

  // Returning a segment of the arena the block owns.
  MemorySegment returnAllocation() {
    try (Arena arena = Arena.ofConfined()) {
      return arena.allocate(16); // expect: outlives-owner
    }
  }

  // Returning a local that holds a segment of the block's arena.
  MemorySegment returnHeldSegment() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(16);
      seg.fill((byte) 3);
      return seg; // expect: outlives-owner
    }
  }

  // Nested arenas: the inner segment outlives the inner try; the outer one is still fine.
  long nestedArenas() {
    try (Arena outer = Arena.ofConfined()) {
      MemorySegment kept = outer.allocate(8);
      MemorySegment scratch;
      try (Arena inner = Arena.ofConfined()) {
        scratch = inner.allocate(8);
        scratch.fill((byte) 2);
      }
      kept.fill((byte) 1);
      return kept.byteSize() + scratch.byteSize(); // expect: outlives-owner
    }
  }

  // Negative: the segment is used only inside its arena's try-with-resources block.
  long usedInside() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(JAVA_INT, 4);
      seg.setAtIndex(JAVA_INT, 0, 42);
      return seg.getAtIndex(JAVA_INT, 0);
    }
  }

  // Negative: the data is copied to the heap before the arena closes.
  int copiedOut() {
    byte[] copy;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(4);
      seg.fill((byte) 9);
      copy = seg.toArray(JAVA_BYTE);
    }
    return copy.length;
  }

  // Negative: the variable gets a segment of a live arena before it is used again.
  long reassignedBeforeUse() {
    MemorySegment seg;
    try (Arena first = Arena.ofConfined()) {
      seg = first.allocate(8);
      seg.fill((byte) 0);
    }
    try (Arena second = Arena.ofConfined()) {
      seg = second.allocate(16);
      return seg.byteSize();
    }
  }

  // Negative: the automatic arena is not an owner of ours; its segments live as long as needed.
  long automaticArena() {
    MemorySegment seg;
    {
      Arena auto = Arena.ofAuto();
      seg = auto.allocate(8);
    }
    return seg.byteSize();
  }

  // Negative: a global segment kept beyond the block.
  long globalArena() {
    MemorySegment seg;
    {
      seg = Arena.global().allocate(8);
    }
    seg.fill((byte) 5);
    return seg.byteSize();
  }

  // Negative: returning the arena itself hands it (and its segments) to the caller.
  Arena openWithHeader() {
    Arena arena = Arena.ofConfined();
    MemorySegment header = arena.allocate(16);
    header.fill((byte) 0);
    return arena;
  }

  private static long checksum(MemorySegment seg) {
    long sum = 0;
    for (long i = 0; i < seg.byteSize(); i++) {
      sum += seg.get(JAVA_BYTE, i);
    }
    return sum;
  }
}
