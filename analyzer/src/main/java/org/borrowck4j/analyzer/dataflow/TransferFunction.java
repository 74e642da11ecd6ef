package org.borrowck4j.analyzer.dataflow;

import org.borrowck4j.analyzer.cfg.CfgNode;

/**
 * The effect of one CFG node on a state, applied in place: forward analyses map the state before
 * the node to the state after it, backward analyses the state after it to the state before.
 */
@FunctionalInterface
public interface TransferFunction<S> {
  void apply(CfgNode node, S state);

  /**
   * The effect of a node on the state that leaves it by an exception (a forward analysis only):
   * by default the same as {@link #apply}; an analysis may say that part of the node's effect
   * happens only when it completes normally.
   */
  default void applyExceptional(CfgNode node, S state) {
    apply(node, state);
  }
}
