package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import java.util.List;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Holder;

/**
 * Liveness of loan holders (backward): a variable holding a borrow is live where it is read later
 * before being given a new value; a for-each loop's hidden iterator is live where the loop's head
 * may be reached again. A loan is live where one of its holders is (non-lexical lifetimes).
 * Closing a holder again, when that is harmless ({@code rs.close()} after its statement closed
 * it, D5, D21), does not keep its loan alive: it needs nothing of what was borrowed.
 */
public final class LiveHolders {
  private final BodyFacts facts;
  private final DataflowResults<BitSet> results;

  public LiveHolders(BodyAnalyses analyses) {
    this.facts = analyses.facts();
    this.results =
        facts.holders().isEmpty()
            ? null
            : Dataflow.backward(
                analyses.cfg(), BitSetLattice.UNION, new BitSet(), this::apply, analyses.feasibility()::follows, analyses.budget());
  }

  /** The holders live right after the node (used on some path after it). */
  public BitSet liveAfter(CfgNode node) {
    if (results == null) {
      return new BitSet();
    }
    BitSet s = results.inputOf(node);
    return s == null ? new BitSet() : s;
  }

  /** The loans some holder live after the node keeps alive. */
  public BitSet loansLiveAfter(CfgNode node) {
    return facts.loansHeldByAny(liveAfter(node));
  }

  private void apply(CfgNode node, BitSet state) {
    List<Event> events = facts.events(node);
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      Holder h = facts.holderOf(e.place());
      if (h == null) {
        continue;
      }
      if (e instanceof Event.Use u && !u.kind().isIdempotentRelease()) {
        state.set(h.index());
      } else if (e instanceof Event.Reinit || e instanceof Event.StorageDead) {
        state.clear(h.index());
      }
    }
    if (node.kind() == CfgNode.Kind.FOREACH_NEXT) {
      for (Holder h : facts.holders()) {
        if (h.loop() == node.ast()) {
          state.set(h.index());
        }
      }
    }
  }
}
