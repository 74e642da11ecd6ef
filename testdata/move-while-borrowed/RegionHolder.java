package mwb;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/** Keeps a region it was given (support type). */
public class RegionHolder {
  private final Region region;

  public RegionHolder(@Owned Region region) {
    this.region = region;
  }

  /** Closes the held region; closing again is harmless. */
  @Consumes(idempotent = true)
  public void close() {
    region.close();
  }
}
