package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.borrow;
import static org.borrowck4j.analyzer.flow.HandBuilt.mutate;
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

  /**
   * Decision 92: {@code boolean f = c(); it = list.iterator(); if (f) list.add(x); ... if (!f)
   * it.next();} — where the add runs, {@code f} is true, and the iterator is used only when it is
   * false: not live there. Plain liveness keeps it.
   */
  @Test
  void aHolderUsedOnlyUnderTheOtherValueOfAFlagIsNotLive() {
    Correlated c = new Correlated(false);
    LiveHolders live = c.h.analyses().liveHolders();
    assertFalse(live.loansLiveAfter(c.add).get(c.loan.index()), "f is true at the add; the iterator needs it false");
    assertTrue(live.loansLiveAfter(c.created).get(c.loan.index()), "f may be either before the branch");
    assertTrue(live.loansLiveAfter(c.join).get(c.loan.index()));
  }

  /** The same, but the later use is under the same value of the flag: live. */
  @Test
  void aHolderUsedUnderTheSameValueOfTheFlagStaysLive() {
    Correlated c = new Correlated(true);
    assertTrue(c.h.analyses().liveHolders().loansLiveAfter(c.add).get(c.loan.index()));
  }

  /** {@code boolean flag = …; it = list.iterator();}: where the flag fixtures start. */
  private static class IteratorAndFlag {
    final HandBuilt h = new HandBuilt();
    final Variable list = h.local("list");
    final Variable it = h.local("it");
    final Variable flag;
    final Loan loan;
    final CfgNode decided;
    final CfgNode created;

    IteratorAndFlag(String flagName) {
      flag = h.local(flagName);
      loan = h.loan(list, Loan.Kind.SHARED, it);
      decided = h.eval(reinit(flag));
      created = h.eval(reinit(it), borrow(loan));
    }
  }

  /**
   * {@code boolean f = c(); it = list.iterator(); if (f) list.add(x); if (f == useWhen) it.next();}
   */
  private static final class Correlated extends IteratorAndFlag {
    final CfgNode add;
    final CfgNode join;

    Correlated(boolean useWhen) {
      super("f");
      CfgNode whenTrue = h.branchOn(flag, true);
      add = h.eval(mutate(list));
      join = h.eval();
      CfgNode toSkip = h.branchOn(flag, !useWhen);
      h.path(h.graph.entry(), decided, created, whenTrue, add, join, toSkip, h.graph.exit())
          .path(created, h.branchOn(flag, false), join)
          .path(join, h.branchOn(flag, useWhen), h.eval(use(it)), h.graph.exit());
    }
  }

  /**
   * Jetty's CookieCache: {@code boolean building = false; it = list.listIterator(); loop { if
   * (building) { list.add(v); continue; } it.next(); building = true; list.add(v); }}. Once the
   * flag is set it never goes back: after either add the iterator is not used again.
   */
  @Test
  void aFlagSetForGoodEndsTheLoansUsedOnlyWhileItWasFalse() {
    BuildingLoop loop = new BuildingLoop(false);
    LiveHolders live = loop.h.analyses().liveHolders();
    assertFalse(live.loansLiveAfter(loop.addWhileBuilding).get(loop.loan.index()));
    assertFalse(live.loansLiveAfter(loop.addAfterSwitch).get(loop.loan.index()));
    assertTrue(live.loansLiveAfter(loop.created).get(loop.loan.index()), "the first step checks with the iterator");
  }

  /** A flag given a value no literal says may be either: the split keeps both halves. */
  @Test
  void aFlagOfUnknownValueRefinesNothing() {
    BuildingLoop loop = new BuildingLoop(true);
    LiveHolders live = loop.h.analyses().liveHolders();
    assertTrue(live.loansLiveAfter(loop.addWhileBuilding).get(loop.loan.index()), "`building = check()` may make it false again");
  }

  /** The CookieCache loop; with {@code recompute}, {@code building = check()} after the first add. */
  private static final class BuildingLoop extends IteratorAndFlag {
    final CfgNode addWhileBuilding;
    final CfgNode addAfterSwitch;

    BuildingLoop(boolean recompute) {
      super("building");
      CfgNode head = h.eval();
      CfgNode whenBuilding = h.branchOn(flag, true);
      addWhileBuilding = h.eval(mutate(list));
      CfgNode recomputed = recompute ? h.eval(reinit(flag)) : h.eval();
      CfgNode switched = h.eval(reinit(flag));
      addAfterSwitch = h.eval(mutate(list));
      h.path(h.graph.entry(), decided, created, head, whenBuilding, addWhileBuilding, recomputed)
          .edge(recomputed, head, Edge.Kind.LOOP_BACK)
          .path(head, h.branchOn(flag, false), h.eval(use(it)), switched, addAfterSwitch)
          .edge(addAfterSwitch, head, Edge.Kind.LOOP_BACK)
          .path(head, h.graph.exit());
      h.constantStored(decided, false).constantStored(switched, true);
    }
  }
}
