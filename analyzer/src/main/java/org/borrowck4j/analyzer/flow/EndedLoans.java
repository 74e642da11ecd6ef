package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MoveCause;

/**
 * Which loans may have outlived their owner at each point (forward): a loan ends with its owner
 * when the owner's scope ends while it still holds its value (a drop), or when the
 * try-with-resources statement that owns it closes it. Bits {@code [0, n)} are loans in scope,
 * bits {@code [n, 2n)} loans whose owner ended; a later read of a holder of an ended loan is a
 * use of a reference that outlived its owner. Explicit moves and closes are not ends here: a
 * borrow used after one is {@code move-while-borrowed} (D1).
 */
public final class EndedLoans implements EventwiseAnalysis<BitSet> {
  private final BodyAnalyses analyses;
  private final BodyFacts facts;
  private final int n;
  private final Map<Long, Boolean> stillOwns = new HashMap<>();
  private final DataflowResults<BitSet> results;

  public EndedLoans(BodyAnalyses analyses) {
    this.analyses = analyses;
    this.facts = analyses.facts();
    this.n = facts.loans().size();
    if (n == 0) {
      this.results = null;
      return;
    }
    recordOwnershipAtScopeEnds(analyses.maybeMoved());
    this.results = analyses.solveForward(new BitSet(), transfer(), EventwiseAnalysis::anyEdge);
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

  /** Whether the loan may have outlived its owner, in a state. */
  public boolean ended(BitSet state, Loan loan) {
    return state.get(n + loan.index());
  }

  /**
   * A variable moved out of (or consumed) on every path before its scope ends is not dropped
   * there: nothing of it is left to end a loan. Looked up once per scope end from {@link
   * MaybeMoved}.
   */
  private void recordOwnershipAtScopeEnds(MaybeMoved moved) {
    moved.replay(
        (node, e, state) -> {
          if (e instanceof Event.StorageDead dead) {
            stillOwns.put(key(node, dead.place()), moved.maybeUnmoved(state, dead.place()));
          }
        });
  }

  private static long key(CfgNode node, Variable v) {
    return ((long) node.id() << 32) | v.id();
  }

  @Override
  public void apply(CfgNode node, Event e, BitSet state) {
    if (e instanceof Event.Borrow b) {
      state.set(b.loan().index());
      state.clear(n + b.loan().index());
      return;
    }
    Variable place = e.place();
    if (facts.loansEndedBy(place).isEmpty() && facts.loansSolelyHeldBy(place).isEmpty()) {
      return; // no loan depends on or is held by the place: most events
    }
    boolean ends =
        (e instanceof Event.StorageDead && facts.isDroppable(place) && stillOwns.getOrDefault(key(node, place), true))
            || (e instanceof Event.Move m && m.cause().kind() == MoveCause.Kind.CLOSED_BY_TRY);
    boolean kills =
        e instanceof Event.Reinit
            || e instanceof Event.StorageDead
            || (e instanceof Event.Move m && m.cause().kind() != MoveCause.Kind.HANDED_TO_CALLER);
    if (!ends && !kills) {
      return;
    }
    BitSet ended = (BitSet) facts.loansEndedBy(place).clone();
    ended.and(state); // bits [0, n) only: the index holds loan indexes
    BitSet forgotten = null;
    if (e instanceof Event.Reinit || e instanceof Event.StorageDead) {
      forgotten = (BitSet) facts.loansSolelyHeldBy(place).clone();
      forgotten.andNot(ended);
    }
    for (int i = ended.nextSetBit(0); i >= 0; i = ended.nextSetBit(i + 1)) {
      state.clear(i);
      if (ends) {
        state.set(n + i);
      }
    }
    if (forgotten != null) {
      for (int i = forgotten.nextSetBit(0); i >= 0; i = forgotten.nextSetBit(i + 1)) {
        state.clear(i);
        state.clear(n + i);
      }
    }
  }

  /** The loans a variable holds that may have outlived their owner, in a state. */
  public List<Loan> endedLoansHeldBy(BitSet state, Variable holder) {
    return facts.heldBy(holder).stream().filter(l -> ended(state, l)).toList();
  }
}
