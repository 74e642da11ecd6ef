package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.borrow;
import static org.borrowck4j.analyzer.flow.HandBuilt.dead;
import static org.borrowck4j.analyzer.flow.HandBuilt.reinit;
import static org.borrowck4j.analyzer.flow.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Loan;
import org.junit.jupiter.api.Test;

class LoansInScopeTest {
  @Test
  void aLoanIsInScopeFromItsCreationUntilItsHolderGetsANewValue() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    CfgNode created = h.eval(reinit(it), borrow(loan));
    CfgNode between = h.eval(use(it));
    CfgNode reassigned = h.eval(reinit(it));
    CfgNode after = h.eval();
    h.path(h.graph.entry(), created, between, reassigned, after, h.graph.exit());
    LoansInScope analysis = h.analyses().loansInScope();
    assertFalse(analysis.before(created).get(loan.index()));
    assertTrue(analysis.before(between).get(loan.index()));
    assertFalse(analysis.before(after).get(loan.index()), "the only holder was given a new value");
  }

  @Test
  void aLoanEndsWhenWhatItBorrowsLeavesScope() {
    HandBuilt h = new HandBuilt();
    Variable list = h.local("list");
    Variable it = h.local("it");
    Loan loan = h.loan(list, Loan.Kind.SHARED, it);
    CfgNode created = h.eval(borrow(loan));
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(list));
    CfgNode after = h.eval(use(it));
    h.path(h.graph.entry(), created, scopeEnd, after, h.graph.exit());
    assertFalse(h.analyses().loansInScope().before(after).get(loan.index()));
  }

  /**
   * The one convention for unreachable code (owned by {@link BodyAnalyses}): no state, whether or
   * not the body has loans. Before, a body without loans answered an empty state everywhere, so a
   * mutation through a shared borrow in {@code if (false) { ... }} was reported or not depending
   * on an unrelated loan elsewhere in the method.
   */
  @Test
  void unreachableCodeHasNoStateWithOrWithoutLoans() {
    for (boolean withLoan : new boolean[] {false, true}) {
      HandBuilt h = new HandBuilt();
      Variable list = h.local("list");
      CfgNode reached = h.eval();
      if (withLoan) {
        reached = h.eval(borrow(h.loan(list, Loan.Kind.SHARED, h.local("it"))));
      }
      CfgNode unreached = h.eval(use(list));
      h.path(h.graph.entry(), reached, h.graph.exit()).path(unreached, h.graph.exit());
      BodyAnalyses analyses = h.analyses();
      assertFalse(analyses.isReachable(unreached));
      assertNull(analyses.loansInScope().before(unreached), "with a loan elsewhere: " + withLoan);
      assertNull(analyses.maybeMoved().before(unreached));
      assertNull(analyses.endedLoans().before(unreached));
    }
  }
}
