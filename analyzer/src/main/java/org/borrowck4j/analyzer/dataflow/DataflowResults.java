package org.borrowck4j.analyzer.dataflow;

import org.borrowck4j.analyzer.cfg.CfgNode;

/**
 * The fixpoint of an analysis: for each node, the state that flows into its transfer function
 * (before the node for a forward analysis, after it for a backward one). A checker replays a
 * node's transfer function from there to see the state at each of the node's effects.
 */
public final class DataflowResults<S> {
  private final Object[] inputs;
  private final Lattice<S> lattice;

  DataflowResults(Object[] inputs, Lattice<S> lattice) {
    this.inputs = inputs;
    this.lattice = lattice;
  }

  /** Whether the analysis reached the node at all (false for unreachable code). */
  public boolean reached(CfgNode node) {
    return inputs[node.id()] != null;
  }

  /** A copy of the state flowing into the node, or null where the node was not reached. */
  @SuppressWarnings("unchecked")
  public S inputOf(CfgNode node) {
    Object s = inputs[node.id()];
    return s == null ? null : lattice.copy((S) s);
  }
}
