// requires: java 22
package models;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/** java.lang.foreign.Arena: close() consumes and is NOT idempotent ("Already closed", D5). */
public class ArenaClose {

  // Closing an arena twice throws IllegalStateException.
  void closeTwice() {
    Arena arena = Arena.ofConfined();
    MemorySegment seg = arena.allocate(16);
    seg.fill((byte) 0);
    arena.close();
    arena.close(); // expect: use-after-move
  }

  // close() in the try body and again in finally: the normal path closes twice.
  long checksum(byte[] data) {
    Arena arena = Arena.ofShared();
    try {
      MemorySegment seg = arena.allocate(data.length);
      seg.copyFrom(MemorySegment.ofArray(data));
      long sum = 0;
      for (long i = 0; i < seg.byteSize(); i++) {
        sum += seg.get(ValueLayout.JAVA_BYTE, i);
      }
      arena.close();
      return sum;
    } finally {
      arena.close(); // expect: use-after-move
    }
  }

  // The arena asked for more memory after close().
  long allocateAfterClose() {
    Arena arena = Arena.ofConfined();
    MemorySegment counter = arena.allocate(ValueLayout.JAVA_INT);
    counter.set(ValueLayout.JAVA_INT, 0, 42);
    int value = counter.get(ValueLayout.JAVA_INT, 0);
    arena.close();
    long size = arena.allocate(8).byteSize(); // expect: use-after-move
    return value + size;
  }

  // Closed early on one path, then allocated from (D10).
  void maybeEarlyClose(boolean headerOnly) {
    Arena arena = Arena.ofConfined();
    MemorySegment header = arena.allocate(16);
    header.fill((byte) 0);
    if (headerOnly) {
      arena.close();
    }
    arena.allocate(1024).fill((byte) 1); // expect: use-after-move
    arena.close();
  }

  // Closed explicitly inside try-with-resources, which closes it again at the end of the block.
  // The implicit close is reported at the block's closing brace, the line javac gives it.
  void closeInsideTry() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(32);
      seg.fill((byte) 7);
      arena.close();
    } // expect: use-after-move
  }

  // Negative: try-with-resources, segments used only inside.
  String roundTrip(String text) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment cString = arena.allocateFrom(text);
      return cString.getString(0);
    }
  }

  // Negative: a shared arena in try-with-resources with an array allocation.
  long sumOfSquares(int n) {
    try (Arena arena = Arena.ofShared()) {
      MemorySegment ints = arena.allocate(ValueLayout.JAVA_INT, n);
      for (int i = 0; i < n; i++) {
        ints.setAtIndex(ValueLayout.JAVA_INT, i, i * i);
      }
      long sum = 0;
      for (int i = 0; i < n; i++) {
        sum += ints.getAtIndex(ValueLayout.JAVA_INT, i);
      }
      return sum;
    }
  }

  // Negative: closed exactly once, in finally.
  int longest(List<String> words) {
    Arena arena = Arena.ofConfined();
    try {
      int max = 0;
      for (String w : words) {
        MemorySegment s = arena.allocateFrom(w);
        max = (int) Math.max(max, s.byteSize());
      }
      return max;
    } finally {
      arena.close();
    }
  }

  // Negative: the variable re-assigned to a fresh arena after close().
  void twoPhases() {
    Arena arena = Arena.ofConfined();
    MemorySegment first = arena.allocate(64, 8);
    first.fill((byte) 1);
    arena.close();
    arena = Arena.ofConfined();
    MemorySegment second = arena.allocate(64, 8);
    second.fill((byte) 2);
    arena.close();
  }
}
