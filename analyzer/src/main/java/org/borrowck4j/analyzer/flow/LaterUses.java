package org.borrowck4j.analyzer.flow;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Holder;
import org.borrowck4j.analyzer.facts.Loan;

/**
 * Where a loan is used after a point (rustc's {@code explain_borrow}: "borrow later used here"):
 * the first read of one of its holders, or its loop's head, found by a search from the point.
 * Paths within the current iteration are preferred.
 */
public final class LaterUses {
  private final BodyFacts facts;
  private final Budget budget;

  public LaterUses(BodyAnalyses analyses) {
    this.facts = analyses.facts();
    this.budget = analyses.budget();
  }

  /** The first use of the loan after {@code from}, or null. */
  public LaterUse after(CfgNode from, Loan loan) {
    LaterUse sameIteration = search(from, loan, false);
    return sameIteration != null ? sameIteration : search(from, loan, true);
  }

  private LaterUse search(CfgNode from, Loan loan, boolean acrossIterations) {
    Cfg cfg = facts.body().cfg();
    BitSet seen = new BitSet(cfg.size());
    Deque<CfgNode> work = new ArrayDeque<>();
    Deque<Boolean> crossed = new ArrayDeque<>();
    for (Edge e : from.successors()) {
      if (e.kind() == Edge.Kind.LOOP_BACK && !acrossIterations) {
        continue;
      }
      work.add(cfg.node(e.to()));
      crossed.add(e.kind() == Edge.Kind.LOOP_BACK);
    }
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      boolean back = crossed.poll();
      if (seen.get(n.id())) {
        continue;
      }
      seen.set(n.id());
      budget.charge(1);
      for (Holder h : facts.holdersOf(loan)) {
        if (h.loop() != null && n.kind() == CfgNode.Kind.FOREACH_NEXT && n.ast() == h.loop()) {
          return new LaterUse(h.loop(), back, true);
        }
        if (h.variable() != null) {
          for (Event e : facts.events(n)) {
            if (e instanceof Event.Use u && u.place() == h.variable() && facts.needsBorrowedValue(u)) {
              return new LaterUse(u.at(), back, false);
            }
          }
        }
      }
      if (leavesTheLoopOf(n, loan)) {
        continue; // the loop's next entry makes a new iterator (D20)
      }
      for (Edge e : n.successors()) {
        if (e.kind() == Edge.Kind.LOOP_BACK && !acrossIterations) {
          continue;
        }
        work.add(cfg.node(e.to()));
        crossed.add(back || e.kind() == Edge.Kind.LOOP_BACK);
      }
    }
    return null;
  }

  /** Whether the node leaves the for-each loop that alone holds the loan. */
  private boolean leavesTheLoopOf(CfgNode n, Loan loan) {
    if (n.kind() != CfgNode.Kind.SCOPE_END || n.ast() == null) {
      return false;
    }
    Set<Holder> holders = facts.holdersOf(loan);
    for (Holder h : holders) {
      if (h.loop() != n.ast()) {
        return false;
      }
    }
    return !holders.isEmpty();
  }
}
