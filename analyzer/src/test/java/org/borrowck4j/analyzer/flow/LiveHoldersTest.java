package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.borrow;
import static org.borrowck4j.analyzer.flow.HandBuilt.reinit;
import static org.borrowck4j.analyzer.flow.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Loan;
import org.junit.jupiter.api.Test;

class LiveHoldersTest {
  /** Non-lexical lifetimes: a loan lasts until the last use of what holds it. */
  @Test
  void aHolderIsLiveUntilItsLastUse() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    CfgNode created = h.eval(reinit(it), borrow(loan));
    CfgNode beforeUse = h.eval();
    CfgNode lastUse = h.eval(use(it));
    CfgNode after = h.eval();
    h.path(h.graph.entry(), created, beforeUse, lastUse, after, h.graph.exit());
    LiveHolders live = h.analyses().liveHolders();
    assertTrue(live.loansLiveAfter(beforeUse).get(loan.index()));
    assertFalse(live.loansLiveAfter(lastUse).get(loan.index()));
    assertFalse(live.loansLiveAfter(after).get(loan.index()));
  }

  @Test
  void aNewValueEndsTheLivenessOfTheOldOne() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    CfgNode created = h.eval(reinit(it), borrow(loan));
    CfgNode reassigned = h.eval(reinit(it));
    CfgNode used = h.eval(use(it));
    h.path(h.graph.entry(), created, reassigned, used, h.graph.exit());
    assertFalse(h.analyses().liveHolders().loansLiveAfter(created).get(loan.index()), "the use reads the new value");
  }

  /** D20: a for-each loop's iterator is live while the loop can take another step. */
  @Test
  void aForEachLoopsIteratorIsLiveWhereTheLoopMayGoOn() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    CfgNode head = h.node(CfgNode.Kind.FOREACH_NEXT);
    Loan loan = h.loopLoan(list, head);
    CfgNode body = h.eval();
    CfgNode afterLoop = h.eval();
    h.path(h.graph.entry(), head, body).edge(body, head, Edge.Kind.LOOP_BACK).path(head, afterLoop, h.graph.exit());
    LiveHolders live = h.analyses().liveHolders();
    assertTrue(live.loansLiveAfter(body).get(loan.index()), "the loop goes on after the body");
    assertFalse(live.loansLiveAfter(afterLoop).get(loan.index()));
  }
}
