package org.borrowck4j.analyzer.flow;

import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.dataflow.TransferFunction;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;

/**
 * A forward analysis whose state can be followed through a node event by event (rustc's {@code
 * ResultsCursor}): a check sees the state just before each event it judges.
 */
public interface EventwiseAnalysis<S> {
  /** The facts the analysis runs over. */
  BodyFacts facts();

  /** A copy of the state before the node, or null where it is unreachable. */
  S before(CfgNode node);

  /** What happens to the state when control enters the node, before its events (default: nothing). */
  default void enter(CfgNode node, S state) {}

  /** Applies one of the node's events to a state. */
  void apply(CfgNode node, Event e, S state);

  /** Applies one of the node's events on the way out by an exception (default: as {@link #apply}). */
  default void applyOnException(CfgNode node, Event e, S state) {
    apply(node, e, state);
  }

  /** What leaving the node by an exception does to the state, after its events (default: nothing). */
  default void leaveByException(CfgNode node, S state) {}

  /** The effect of a whole node: entering it, then each of its events in order. */
  default TransferFunction<S> transfer() {
    return (node, state) -> {
      enter(node, state);
      for (Event e : facts().events(node)) {
        apply(node, e, state);
      }
    };
  }

  /** Every edge (the analyses' default; feasibility is applied on top). */
  static boolean anyEdge(Edge e) {
    return true;
  }

  /** What a check does with each event and the state just before it. */
  @FunctionalInterface
  interface Visitor<S> {
    void visit(CfgNode node, Event event, S stateBefore);
  }

  /** Visits every event of every node that has a state, in node order, with the state before it. */
  default void replay(Visitor<S> visitor) {
    for (CfgNode node : facts().body().cfg().nodes()) {
      S state = before(node);
      if (state == null) {
        continue;
      }
      enter(node, state);
      for (Event e : facts().events(node)) {
        visitor.visit(node, e, state);
        apply(node, e, state);
      }
    }
  }
}
