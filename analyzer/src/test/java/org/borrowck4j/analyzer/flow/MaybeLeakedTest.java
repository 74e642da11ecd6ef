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
    return new Obligations(List.of(o), takesOn, new BitSet());
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

  /** D11: only normal paths count; try-with-resources is the answer for exceptional ones. */
  @Test
  void exceptionalPathsAreNotFollowed() {
    HandBuilt h = new HandBuilt();
    Variable buf = h.local("buf");
    Obligation o = new Obligation(0, buf, false);
    CfgNode allocated = h.eval(reinit(buf));
    CfgNode handler = h.node(CfgNode.Kind.BIND, dead(buf));
    h.path(h.graph.entry(), allocated, h.graph.exit()).edge(allocated, handler, Edge.Kind.EXCEPTION).path(handler, h.graph.exit());
    h.obligations(obligation(o, allocated));
    assertNull(h.analyses().maybeLeaked().before(handler));
  }
}
