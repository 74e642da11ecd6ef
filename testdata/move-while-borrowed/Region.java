package mwb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/**
 * A memory region (support type), an owned type like an {@code Arena}: segments allocated from
 * it borrow from it. Closing is idempotent, so a region is not a value that must be released.
 */
@Owned
public class Region implements Iterable<Segment> {
  private final List<Segment> segments = new ArrayList<>();

  /** A segment borrowed from this region. */
  @Borrowed
  public Segment allocate(int size) {
    Segment s = new Segment(size);
    segments.add(s);
    return s;
  }

  /** Iterates the allocated segments; the iterator borrows from this region. */
  @Borrowed
  @Override
  public Iterator<Segment> iterator() {
    return segments.iterator();
  }

  public int size() {
    return segments.size();
  }

  /** Frees every segment; closing again is harmless. */
  @Consumes(idempotent = true)
  public void close() {
    segments.clear();
  }
}
