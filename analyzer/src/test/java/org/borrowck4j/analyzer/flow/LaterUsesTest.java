package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.borrow;
import static org.borrowck4j.analyzer.flow.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;
import org.junit.jupiter.api.Test;

class LaterUsesTest {
  @Test
  void theFirstReadOfAHolderAfterThePointIsTheLaterUse() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    Event firstUse = use(it);
    CfgNode created = h.eval(borrow(loan));
    CfgNode point = h.eval();
    CfgNode used = h.eval(firstUse);
    CfgNode usedAgain = h.eval(use(it));
    h.path(h.graph.entry(), created, point, used, usedAgain, h.graph.exit());
    LaterUse later = h.analyses().laterUses().after(point, loan);
    assertSame(firstUse.at(), later.at());
    assertFalse(later.nextIteration());
    assertNull(h.analyses().laterUses().after(usedAgain, loan));
  }

  @Test
  void aUseReachedOnlyAroundTheLoopIsInTheNextIteration() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    CfgNode head = h.eval();
    CfgNode used = h.eval(use(it));
    CfgNode point = h.eval(borrow(loan));
    h.path(h.graph.entry(), head, used, point).edge(point, head, Edge.Kind.LOOP_BACK).path(head, h.graph.exit());
    LaterUse later = h.analyses().laterUses().after(point, loan);
    assertTrue(later.nextIteration());
  }
}
