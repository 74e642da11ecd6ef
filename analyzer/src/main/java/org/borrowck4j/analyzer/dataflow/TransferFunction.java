package org.borrowck4j.analyzer.dataflow;

import org.borrowck4j.analyzer.cfg.CfgNode;

/**
 * The effect of one CFG node on a state, applied in place: forward analyses map the state before
 * the node to the state after it, backward analyses the state after it to the state before.
 */
@FunctionalInterface
public interface TransferFunction<S> {
  void apply(CfgNode node, S state);
}
