package org.borrowck4j.analyzer.dataflow;

/**
 * The domain of an analysis: a join-semilattice whose states are updated in place.
 *
 * @param <S> the state type
 */
public interface Lattice<S> {
  /** The state that carries no information yet: the identity of {@link #joinInto}. */
  S bottom();

  S copy(S state);

  /** {@code target := target ⊔ incoming}; returns whether {@code target} changed. */
  boolean joinInto(S target, S incoming);

  /** What handling a state costs, in {@link Budget} steps. */
  default long cost(S state) {
    return 1;
  }
}
