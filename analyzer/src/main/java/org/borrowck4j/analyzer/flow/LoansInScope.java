package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;

/**
 * Which loans may have been created and not yet ended on some path to each point (forward, like
 * rustc's {@code Borrows}). A loan ends when its only holder variable gets a new value or leaves
 * scope, or when the place it borrows from does. Whether it still matters there is liveness: see
 * {@link LiveHolders}.
 */
public final class LoansInScope implements EventwiseAnalysis<BitSet> {
  private final BodyAnalyses analyses;
  private final BodyFacts facts;
  private final DataflowResults<BitSet> results;

  public LoansInScope(BodyAnalyses analyses) {
    this.analyses = analyses;
    this.facts = analyses.facts();
    this.results =
        facts.loans().isEmpty()
            ? null
            : analyses.solveForward(new BitSet(), transfer(), EventwiseAnalysis::anyEdge);
  }

  @Override
  public BodyFacts facts() {
    return facts;
  }

  @Override
  public BitSet before(CfgNode node) {
    if (results == null) {
      return analyses.isReachable(node) ? new BitSet() : null;
    }
    return results.inputOf(node);
  }

  /**
   * On the branch where a variable is {@code null} ({@code if (rec == null) synth.close();}) it
   * holds none of its loans: they end there as if it had been assigned.
   */
  @Override
  public void enter(CfgNode node, BitSet state) {
    Variable isNull = facts.conditions().nullOn(node);
    if (isNull != null) {
      state.andNot(facts.loansSolelyHeldBy(isNull));
    }
  }

  @Override
  public void apply(CfgNode node, Event e, BitSet state) {
    if (e instanceof Event.Borrow b) {
      state.set(b.loan().index());
    } else if (e instanceof Event.IteratorDead d) {
      state.clear(d.loan().index());
    } else if (e instanceof Event.Reinit || e instanceof Event.StorageDead) {
      state.andNot(facts.loansEndedBy(e.place()));
      state.andNot(facts.loansSolelyHeldBy(e.place()));
    }
  }
}
