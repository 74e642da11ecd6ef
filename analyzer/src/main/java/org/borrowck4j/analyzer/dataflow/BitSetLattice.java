package org.borrowck4j.analyzer.dataflow;

import java.util.BitSet;

/** Sets of indices joined by union: the "may" analyses (maybe moved, live). */
public final class BitSetLattice implements Lattice<BitSet> {
  public static final BitSetLattice UNION = new BitSetLattice();

  private BitSetLattice() {}

  @Override
  public BitSet bottom() {
    return new BitSet();
  }

  @Override
  public BitSet copy(BitSet state) {
    return (BitSet) state.clone();
  }

  @Override
  public boolean joinInto(BitSet target, BitSet incoming) {
    int before = target.cardinality();
    target.or(incoming);
    return target.cardinality() != before;
  }

  @Override
  public long cost(BitSet state) {
    return 1 + (state.length() >> 6);
  }
}
