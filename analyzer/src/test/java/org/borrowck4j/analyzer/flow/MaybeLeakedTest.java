package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.dead;
import static org.borrowck4j.analyzer.flow.HandBuilt.reinit;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Obligations;
import org.borrowck4j.analyzer.facts.Obligations.Obligation;
import org.junit.jupiter.api.Test;

class MaybeLeakedTest {
  private static Obligations obligation(Obligation o, CfgNode... takesOnAt) {
    BitSet takesOn = new BitSet();
    for (CfgNode n : takesOnAt) {
      takesOn.set(n.id());
    }
    return new Obligations(List.of(o), takesOn, new BitSet(), java.util.Map.of(), new BitSet());
  }

  @Test
  void aValueReleasedOnOneBranchOnlyMayLeak() {
    HandBuilt h = new HandBuilt();
    Variable buf = h.local("buf");
    Obligation o = new Obligation(0, buf, false);
    CfgNode allocated = h.eval(reinit(buf));
    CfgNode released = h.eval(h.consume(buf));
    CfgNode kept = h.eval();
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(buf));
    h.path(h.graph.entry(), allocated, released, scopeEnd, h.graph.exit()).path(allocated, kept, scopeEnd);
    h.obligations(obligation(o, allocated));
    MaybeLeaked leaked = h.analyses().maybeLeaked();
    assertFalse(leaked.mayHoldUnreleased(leaked.before(allocated), o), "nothing held before the allocation");
    assertTrue(leaked.mayHoldUnreleased(leaked.before(scopeEnd), o), "unreleased on the branch that kept it");
  }

  @Test
  void aReleasedValueDoesNotLeak() {
    HandBuilt h = new HandBuilt();
    Variable buf = h.local("buf");
    Obligation o = new Obligation(0, buf, false);
    CfgNode allocated = h.eval(reinit(buf));
    CfgNode released = h.eval(h.consume(buf));
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(buf));
    h.path(h.graph.entry(), allocated, released, scopeEnd, h.graph.exit());
    h.obligations(obligation(o, allocated));
    MaybeLeaked leaked = h.analyses().maybeLeaked();
    assertTrue(leaked.mayHoldUnreleased(leaked.before(released), o));
    assertFalse(leaked.mayHoldUnreleased(leaked.before(scopeEnd), o));
  }

  /** {@code if (buf == null)}: on that branch there is nothing to release. */
  @Test
  void aBranchThatShowsTheVariableNullHoldsNothing() {
    HandBuilt h = new HandBuilt();
    Variable buf = h.local("buf");
    Obligation o = new Obligation(0, buf, false);
    CfgNode allocated = h.eval(reinit(buf));
    CfgNode isNull = h.node(CfgNode.Kind.ASSUME_TRUE);
    CfgNode scopeEnd = h.node(CfgNode.Kind.SCOPE_END, dead(buf));
    h.path(h.graph.entry(), allocated, isNull, scopeEnd, h.graph.exit());
    h.obligations(obligation(o, allocated)).knownNull(isNull, buf);
    MaybeLeaked leaked = h.analyses().maybeLeaked();
    assertFalse(leaked.mayHoldUnreleased(leaked.before(scopeEnd), o));
  }

  /** D11: only normal paths count; an exception that leaves the method is not followed. */
  @Test
  void exceptionsLeavingTheMethodAreNotFollowed() {
    HandBuilt h = new HandBuilt();
    Variable buf = h.local("buf");
    Obligation o = new Obligation(0, buf, false);
    CfgNode allocated = h.eval(reinit(buf));
    CfgNode unwound = h.node(CfgNode.Kind.SCOPE_END, dead(buf));
    h.path(h.graph.entry(), allocated, h.graph.exit())
        .edge(allocated, unwound, Edge.Kind.EXCEPTION)
        .path(unwound, h.graph.exceptionalExit());
    h.obligations(obligation(o, allocated));
    assertNull(h.analyses().maybeLeaked().before(unwound));
  }

  /** Decision 160: an exception caught by a handler that lets the method go on is a normal path. */
  @Test
  void caughtExceptionsThatLetTheMethodGoOnAreFollowed() {
    HandBuilt h = new HandBuilt();
    CfgNode handler = caughtAfterAllocation(h, false);
    MaybeLeaked leaked = h.analyses().maybeLeaked();
    assertTrue(leaked.mayHoldUnreleased(leaked.before(handler), leaked.obligations().all().get(0)));
    assertNull(h.analyses().maybeLeakedOnNormalPaths().before(handler));
  }

  /** Decision 167: a way into a handler that the node cannot throw into is not followed. */
  @Test
  void closedWaysIntoAHandlerAreNotFollowed() {
    HandBuilt h = new HandBuilt();
    CfgNode handler = caughtAfterAllocation(h, true);
    assertNull(h.analyses().maybeLeaked().before(handler));
  }

  /**
   * A buffer allocated, then a call that may throw into a handler that completes normally (the way
   * closed or not); returns the handler.
   */
  private static CfgNode caughtAfterAllocation(HandBuilt h, boolean closed) {
    Variable buf = h.local("buf");
    Obligation o = new Obligation(0, buf, false);
    CfgNode allocated = h.eval(reinit(buf));
    CfgNode call = h.node(CfgNode.Kind.EVAL);
    CfgNode handler = h.node(CfgNode.Kind.BIND, dead(buf));
    h.path(h.graph.entry(), allocated, call, h.graph.exit()).edge(call, handler, Edge.Kind.EXCEPTION).path(handler, h.graph.exit());
    h.obligations(obligation(o, allocated));
    if (closed) {
      h.closedHandler(call, handler);
    }
    return handler;
  }
}
