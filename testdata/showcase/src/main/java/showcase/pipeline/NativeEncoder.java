// requires: java 22
package showcase.pipeline;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Encodes messages in native memory for a C codec. */
public final class NativeEncoder {

  /** Bug 6: the segment is handed out of the block whose arena frees it. */
  public MemorySegment encode(String text) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment utf8 = arena.allocateFrom(text);
      return utf8; // expect: outlives-owner
    }
  }

  /** Correct: the bytes are copied to the heap before the arena closes. */
  public byte[] encodeToHeap(String text) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment utf8 = arena.allocateFrom(text);
      return utf8.toArray(ValueLayout.JAVA_BYTE);
    }
  }
}
