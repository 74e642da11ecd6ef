// requires: java 22
package leaks;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Confined and shared arenas must be closed; the global and automatic ones are not ours. */
public class ArenaLeaks {

  // A confined arena never closed.
  long confinedNotClosed() {
    Arena arena = Arena.ofConfined(); // expect: owned-value-leaked
    MemorySegment seg = arena.allocate(JAVA_LONG);
    seg.set(JAVA_LONG, 0, 5L);
    return seg.get(JAVA_LONG, 0);
  }

  // A shared arena left open by an early return.
  long sharedEarlyReturn(int n) {
    Arena arena = Arena.ofShared(); // expect: owned-value-leaked
    if (n == 0) {
      return 0;
    }
    long size = arena.allocate(n).byteSize();
    arena.close();
    return size;
  }

  // A discarded arena.
  void discardedArena() {
    Arena.ofConfined(); // expect: owned-value-leaked
  }

  // Negative: closed by try-with-resources.
  long inTry() {
    try (Arena arena = Arena.ofConfined()) {
      return arena.allocate(64).byteSize();
    }
  }

  // Negative: closed explicitly on the only normal path.
  long closedExplicitly() {
    Arena arena = Arena.ofShared();
    long size = arena.allocate(32).byteSize();
    arena.close();
    return size;
  }

  // Negative: the global and automatic arenas are not ours to release.
  long globalAndAuto() {
    Arena global = Arena.global();
    Arena auto = Arena.ofAuto();
    return global.allocate(8).byteSize() + auto.allocate(8).byteSize();
  }

  // Negative: returned to the caller.
  Arena opened() {
    Arena arena = Arena.ofConfined();
    arena.allocate(8).fill((byte) 0);
    return arena;
  }
}
