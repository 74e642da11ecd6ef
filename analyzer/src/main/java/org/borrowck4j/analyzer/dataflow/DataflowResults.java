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
  private final TransferFunction<S> transfer;

  DataflowResults(Object[] inputs, Lattice<S> lattice, TransferFunction<S> transfer) {
    this.inputs = inputs;
    this.lattice = lattice;
    this.transfer = transfer;
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

  /** A copy of the state flowing out of the node, or null where the node was not reached. */
  public S outputOf(CfgNode node) {
    S s = inputOf(node);
    if (s != null) {
      transfer.apply(node, s);
    }
    return s;
  }
}
