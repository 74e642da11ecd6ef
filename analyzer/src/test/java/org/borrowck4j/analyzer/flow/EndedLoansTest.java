package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.borrow;
import static org.borrowck4j.analyzer.flow.HandBuilt.dead;
import static org.borrowck4j.analyzer.flow.HandBuilt.reinit;
import static org.borrowck4j.analyzer.flow.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Loan;
import org.junit.jupiter.api.Test;

class EndedLoansTest {
  /** E0597: the owner is dropped at its scope end while the borrow is used after it. */
  @Test
  void aBorrowOfAnOwnerDroppedAtItsScopeEndHasOutlivedIt() {
    HandBuilt h = new HandBuilt();
    Variable arena = h.local("arena");
    Variable segment = h.local("segment");
    Loan loan = h.loan(arena, Loan.Kind.SHARED, segment);
    CfgNode created = h.eval(reinit(arena), reinit(segment), borrow(loan));
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(arena));
    CfgNode used = h.eval(use(segment));
    h.path(h.graph.entry(), created, scopeEnd, used, h.graph.exit());
    h.droppable(arena);
    EndedLoans ended = h.analyses().endedLoans();
    assertEquals(List.of(), ended.endedLoansHeldBy(ended.before(scopeEnd), segment));
    assertEquals(List.of(loan), ended.endedLoansHeldBy(ended.before(used), segment));
  }

  /** An owner moved away on every path is not dropped at its scope end: nothing ends there. */
  @Test
  void anOwnerMovedBeforeItsScopeEndIsNotDroppedThere() {
    HandBuilt h = new HandBuilt();
    Variable arena = h.local("arena");
    Variable segment = h.local("segment");
    Loan loan = h.loan(arena, Loan.Kind.SHARED, segment);
    CfgNode created = h.eval(reinit(arena), reinit(segment), borrow(loan));
    CfgNode moved = h.eval(h.move(arena));
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(arena));
    CfgNode used = h.eval(use(segment));
    h.path(h.graph.entry(), created, moved, scopeEnd, used, h.graph.exit());
    h.droppable(arena);
    EndedLoans ended = h.analyses().endedLoans();
    assertEquals(List.of(), ended.endedLoansHeldBy(ended.before(used), segment), "a move is move-while-borrowed, not an end (D1)");
  }

  @Test
  void aPlainObjectLeavingScopeEndsNothing() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    CfgNode created = h.eval(reinit(list), reinit(it), borrow(loan));
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(list));
    CfgNode used = h.eval(use(it));
    h.path(h.graph.entry(), created, scopeEnd, used, h.graph.exit());
    EndedLoans ended = h.analyses().endedLoans();
    assertEquals(List.of(), ended.endedLoansHeldBy(ended.before(used), it), "the GC keeps a list alive");
  }
}
