package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.reinit;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.junit.jupiter.api.Test;

class FeasibilityTest {
  /** {@code boolean release = false; if (release) { A } else { B }}: A is not reached. */
  @Test
  void aBranchOnAFlagKnownThereIsNotTaken() {
    HandBuilt h = new HandBuilt();
    Variable release = h.local("release");
    CfgNode declared = h.eval(reinit(release));
    CfgNode whenTrue = h.node(CfgNode.Kind.ASSUME_TRUE);
    CfgNode whenFalse = h.node(CfgNode.Kind.ASSUME_FALSE);
    CfgNode a = h.eval();
    CfgNode b = h.eval();
    h.path(h.graph.entry(), declared, whenTrue, a, h.graph.exit()).path(declared, whenFalse, b, h.graph.exit());
    h.constantStored(declared, false).flagTested(whenTrue, release, true).flagTested(whenFalse, release, false);
    BodyAnalyses analyses = h.analyses();
    assertFalse(analyses.isReachable(a));
    assertTrue(analyses.isReachable(b));
  }

  /** The same flag assigned on one path only may be either: both branches stay. */
  @Test
  void aFlagWhoseValueDependsOnThePathBlocksNothing() {
    HandBuilt h = new HandBuilt();
    Variable release = h.local("release");
    CfgNode declared = h.eval(reinit(release));
    CfgNode fork = h.eval();
    CfgNode cleared = h.eval(reinit(release));
    CfgNode join = h.eval();
    CfgNode whenTrue = h.node(CfgNode.Kind.ASSUME_TRUE);
    CfgNode a = h.eval();
    h.path(h.graph.entry(), declared, fork, cleared, join, whenTrue, a, h.graph.exit()).path(fork, join);
    h.constantStored(declared, true).constantStored(cleared, false).flagTested(whenTrue, release, true);
    assertTrue(h.analyses().isReachable(a));
  }

  @Test
  void aCallThatNeverReturnsLeavesOnlyByItsException() {
    HandBuilt h = new HandBuilt();
    CfgNode fail = h.eval();
    CfgNode after = h.eval();
    CfgNode handler = h.eval();
    h.path(h.graph.entry(), fail, after, h.graph.exit()).edge(fail, handler, Edge.Kind.EXCEPTION).path(handler, h.graph.exit());
    h.noReturn(fail);
    BodyAnalyses analyses = h.analyses();
    assertFalse(analyses.isReachable(after));
    assertTrue(analyses.isReachable(handler));
  }

  /** A branch shows the flag's value: {@code if (f) { if (!f) { A } }} never reaches A. */
  @Test
  void aBranchShowsTheFlagsValueToWhatFollows() {
    HandBuilt h = new HandBuilt();
    Variable f = h.local("f");
    CfgNode decided = h.eval(reinit(f));
    CfgNode whenTrue = h.branchOn(f, true);
    CfgNode a = h.eval();
    h.path(h.graph.entry(), decided, whenTrue, h.branchOn(f, false), a, h.graph.exit()).path(decided, h.graph.exit());
    BodyAnalyses analyses = h.analyses();
    assertFalse(analyses.isReachable(a));
    assertTrue(analyses.feasibility().mayHoldAfter(whenTrue, f, true));
    assertFalse(analyses.feasibility().mayHoldAfter(whenTrue, f, false));
    assertTrue(analyses.feasibility().mayHoldAfter(decided, f, false), "`f = c()` may be either");
  }
}
