package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.OwnershipFacts;

/**
 * Which loans may have been created and not yet ended on some path to each point (forward, like
 * rustc's {@code Borrows}). A loan ends when its only holder variable gets a new value or leaves
 * scope, or when the place it borrows from does. Whether it still matters there is liveness: see
 * {@link LiveHolders}.
 */
public final class LoansInScope {
  private final OwnershipFacts facts;
  private final DataflowResults<BitSet> results;

  public LoansInScope(OwnershipFacts facts) {
    this.facts = facts;
    this.results =
        facts.loans().isEmpty()
            ? null
            : Dataflow.forward(facts.body().cfg(), BitSetLattice.UNION, new BitSet(), this::apply, facts.feasibility()::follows, facts.budget());
  }

  /** The loans in scope before the node, or null where it is unreachable. */
  public BitSet before(CfgNode node) {
    return results == null ? new BitSet() : results.inputOf(node);
  }

  /** Applies one event: replay a node's events with this to see each intermediate state. */
  public void apply(Event e, BitSet state) {
    if (e instanceof Event.Borrow b) {
      state.set(b.loan().index());
    } else if (e instanceof Event.Reinit || e instanceof Event.StorageDead) {
      state.andNot(facts.loansEndedBy(e.place()));
      state.andNot(facts.loansSolelyHeldBy(e.place()));
    }
  }

  private void apply(CfgNode node, BitSet state) {
    for (Event e : facts.events(node)) {
      apply(e, state);
    }
  }
}
