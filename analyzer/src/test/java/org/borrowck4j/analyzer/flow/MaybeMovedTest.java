package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.reinit;
import static org.borrowck4j.analyzer.flow.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Event;
import org.junit.jupiter.api.Test;

class MaybeMovedTest {
  @Test
  void aMoveReachesTheUseAfterIt() {
    HandBuilt h = new HandBuilt();
    Variable x = h.local("x");
    Event.Move m = h.move(x);
    CfgNode moved = h.eval(m);
    CfgNode used = h.eval(use(x));
    h.path(h.graph.entry(), moved, used, h.graph.exit());
    MaybeMoved analysis = h.analyses().maybeMoved();
    BitSet state = analysis.before(used);
    assertEquals(List.of(m), analysis.movesIn(state, x));
    assertFalse(analysis.maybeUnmoved(state, x), "moved on every path");
    assertEquals(List.of(), analysis.movesIn(analysis.before(moved), x));
  }

  @Test
  void aMoveInOneBranchLeavesTheValueOnTheOther() {
    HandBuilt h = new HandBuilt();
    Variable x = h.local("x");
    CfgNode branch = h.eval();
    CfgNode moved = h.eval(h.move(x));
    CfgNode other = h.eval();
    CfgNode join = h.eval(use(x));
    h.path(h.graph.entry(), branch, moved, join, h.graph.exit()).path(branch, other, join);
    MaybeMoved analysis = h.analyses().maybeMoved();
    BitSet state = analysis.before(join);
    assertEquals(1, analysis.movesIn(state, x).size());
    assertTrue(analysis.maybeUnmoved(state, x), "not moved on the other branch");
  }

  @Test
  void aNewValueMakesTheVariableUsableAgain() {
    HandBuilt h = new HandBuilt();
    Variable x = h.local("x");
    CfgNode moved = h.eval(h.move(x));
    CfgNode assigned = h.eval(reinit(x));
    CfgNode used = h.eval(use(x));
    h.path(h.graph.entry(), moved, assigned, used, h.graph.exit());
    MaybeMoved analysis = h.analyses().maybeMoved();
    assertEquals(List.of(), analysis.movesIn(analysis.before(used), x));
  }

  /** D9: a call that throws has neither consumed its receiver nor taken its argument. */
  @Test
  void aCallThatThrowsHasNotTakenItsValues() {
    HandBuilt h = new HandBuilt();
    Variable x = h.local("x");
    Variable y = h.local("y");
    Variable z = h.local("z");
    CfgNode calls = h.eval(h.consume(x), h.move(y), h.assignAway(z));
    CfgNode handler = h.node(CfgNode.Kind.BIND, use(x), use(y), use(z));
    h.path(h.graph.entry(), calls, h.graph.exit()).edge(calls, handler, Edge.Kind.EXCEPTION).path(handler, h.graph.exit());
    MaybeMoved analysis = h.analyses().maybeMoved();
    BitSet inHandler = analysis.before(handler);
    assertEquals(List.of(), analysis.movesIn(inHandler, x), "release() threw: x is not released");
    assertEquals(List.of(), analysis.movesIn(inHandler, y), "take(y) threw: y was not taken");
    assertEquals(1, analysis.movesIn(inHandler, z).size(), "an assignment is no call: it moved");
    assertEquals(1, analysis.movesIn(analysis.before(h.graph.exit()), y).size(), "the normal exit took y");
  }

  @Test
  void theStateFollowsTheEventsWithinANode() {
    HandBuilt h = new HandBuilt();
    Variable x = h.local("x");
    Event.Move m = h.move(x);
    Event later = use(x);
    CfgNode node = h.eval(use(x), m, later);
    h.path(h.graph.entry(), node, h.graph.exit());
    MaybeMoved analysis = h.analyses().maybeMoved();
    List<Integer> movesSeen = new java.util.ArrayList<>();
    analysis.replay((n, e, state) -> movesSeen.add(analysis.movesIn(state, x).size()));
    assertEquals(List.of(0, 0, 1), movesSeen);
  }
}
