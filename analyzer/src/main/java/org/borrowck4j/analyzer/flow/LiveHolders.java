package org.borrowck4j.analyzer.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Conditions;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Holder;

/**
 * Liveness of loan holders (backward): a variable holding a borrow is live where it is read later
 * before being given a new value; a for-each loop's hidden iterator is live where the loop's head
 * may be reached again before the loop is left (an enclosing loop entering it again makes a new
 * one). A loan is live where one of its holders is (non-lexical lifetimes).
 * Closing a holder again, when that is harmless ({@code rs.close()} after its statement closed
 * it, D5, D21), or asking it what works on a closed value ({@code rs.isClosed()}), does not keep
 * its loan alive: it needs nothing of what was borrowed.
 *
 * <p>Liveness is refined by the local boolean flags the body's conditions test (decision 92): a
 * holder used later only on paths that need a flag to have another value than it has here is not
 * live here ({@code if (building) { list.add(x); continue; }} while the iterator over {@code list}
 * is used only when {@code building} is false, and {@code building} never goes back to false).
 */
public final class LiveHolders {
  /** At most this many flags refine a body's liveness (each costs one more backward analysis). */
  static final int MAX_FLAGS = 8;

  private final BodyAnalyses analyses;
  private final BodyFacts facts;
  /** The hidden iterators of each for-each loop (by holder index): set at its head, cleared where it is left. */
  private final Map<Object, BitSet> loopHolders = new IdentityHashMap<>();
  private final DataflowResults<BitSet> results;
  /** One split analysis per flag, made when liveness is first asked for where some holder is live. */
  private List<FlagSplit> splits;

  public LiveHolders(BodyAnalyses analyses) {
    this.analyses = analyses;
    this.facts = analyses.facts();
    for (Holder h : facts.holders()) {
      if (h.loop() != null) {
        loopHolders.computeIfAbsent(h.loop(), l -> new BitSet()).set(h.index());
      }
    }
    this.results =
        facts.holders().isEmpty()
            ? null
            : Dataflow.backward(
                analyses.cfg(), BitSetLattice.UNION, new BitSet(), this::apply, analyses.feasibility()::follows, analyses.budget());
  }

  /** The holders live right after the node (used on some path after it). */
  public BitSet liveAfter(CfgNode node) {
    BitSet s = results == null ? null : results.inputOf(node);
    if (s == null || s.isEmpty()) {
      return new BitSet();
    }
    for (FlagSplit split : splits()) {
      split.refine(node, s);
    }
    return s;
  }

  /** The loans some holder live after the node keeps alive. */
  public BitSet loansLiveAfter(CfgNode node) {
    return facts.loansHeldByAny(liveAfter(node));
  }

  private void apply(CfgNode node, BitSet state) {
    List<Event> events = facts.events(node);
    for (int i = events.size() - 1; i >= 0; i--) {
      applyEvent(events.get(i), state, 0);
    }
    leaveLoop(node, state, 0);
    enterLoopHead(node, state, 0);
  }

  /** What one event does to the holders live before it, with holder {@code h} at bit {@code offset + h}. */
  private void applyEvent(Event e, BitSet state, int offset) {
    Holder h = facts.holderOf(e.place());
    if (h == null) {
      return;
    }
    if (e instanceof Event.Use u && facts.needsBorrowedValue(u)) {
      state.set(offset + h.index());
    } else if (e instanceof Event.Reinit || e instanceof Event.StorageDead) {
      state.clear(offset + h.index());
    }
  }

  /** A loop's head takes another step: its hidden iterator is live before it. */
  private void enterLoopHead(CfgNode node, BitSet state, int offset) {
    BitSet iterators = node.kind() == CfgNode.Kind.FOREACH_NEXT ? loopHolders.get(node.ast()) : null;
    for (int h = iterators == null ? -1 : iterators.nextSetBit(0); h >= 0; h = iterators.nextSetBit(h + 1)) {
      state.set(offset + h);
    }
  }

  /**
   * Leaving a for-each loop ends its hidden iterator (D20): a later step of the same loop, once an
   * enclosing loop entered it again, is a new iterator's, whose loan starts there.
   */
  private void leaveLoop(CfgNode node, BitSet state, int offset) {
    BitSet iterators = node.kind() == CfgNode.Kind.SCOPE_END ? loopHolders.get(node.ast()) : null;
    for (int h = iterators == null ? -1 : iterators.nextSetBit(0); h >= 0; h = iterators.nextSetBit(h + 1)) {
      state.clear(offset + h);
    }
  }

  private List<FlagSplit> splits() {
    if (splits == null) {
      splits = new ArrayList<>(0);
      List<Variable> flags = analyses.feasibility().flags();
      for (int i = 0; i < flags.size() && i < MAX_FLAGS; i++) {
        splits.add(new FlagSplit(flags.get(i)));
      }
    }
    return splits;
  }

  /**
   * Liveness split by the value of one flag (backward): bits {@code [0, n)} are the holders used
   * later if the flag is true here, bits {@code [n, 2n)} those used later if it is false. Storing
   * a literal in the flag makes both what the stored value's half was after it; storing anything
   * else, or the flag's scope ending, makes both the union; a branch that shows the flag's value
   * keeps only that value's half (the other value does not take it). Each half is a subset of
   * plain liveness; the flag's possible values here ({@link Feasibility#mayHoldAfter}) pick the
   * halves that can matter, so what is left is still every holder some execution uses later.
   */
  private final class FlagSplit {
    private final Variable flag;
    private final int n;
    private final Conditions conditions;
    private final DataflowResults<BitSet> split;

    FlagSplit(Variable flag) {
      this.flag = flag;
      this.n = facts.holders().size();
      this.conditions = facts.conditions();
      this.split =
          Dataflow.backward(
              analyses.cfg(), BitSetLattice.UNION, new BitSet(), this::apply, analyses.feasibility()::follows, analyses.budget());
    }

    private void apply(CfgNode node, BitSet state) {
      List<Event> events = facts.events(node);
      for (int i = events.size() - 1; i >= 0; i--) {
        Event e = events.get(i);
        if (e.place() == flag && (e instanceof Event.Reinit || e instanceof Event.StorageDead)) {
          Boolean stored = e instanceof Event.Reinit ? conditions.constantStoredBy(node) : null;
          BitSet before = stored == null ? half(state, true) : half(state, stored);
          if (stored == null) {
            before.or(half(state, false));
          }
          state.clear();
          for (int h = before.nextSetBit(0); h >= 0; h = before.nextSetBit(h + 1)) {
            state.set(h);
            state.set(n + h);
          }
        } else {
          applyEvent(e, state, 0);
          applyEvent(e, state, n);
        }
      }
      leaveLoop(node, state, 0);
      leaveLoop(node, state, n);
      enterLoopHead(node, state, 0);
      enterLoopHead(node, state, n);
      if (conditions.flagTestedBy(node) == flag) {
        // Only executions in which the flag has the branch's value come through here.
        int other = conditions.flagValueOn(node) ? n : 0;
        state.clear(other, other + n);
      }
    }

    /** The holders live if the flag has the value (bits {@code [0, n)} of a copy). */
    private BitSet half(BitSet state, boolean value) {
      return value ? state.get(0, n) : state.get(n, 2 * n);
    }

    /** Keeps in {@code live} only the holders that some value the flag may have after the node keeps. */
    void refine(CfgNode node, BitSet live) {
      BitSet after = split.inputOf(node);
      if (after == null) {
        return;
      }
      Feasibility feasibility = analyses.feasibility();
      boolean mayBeTrue = feasibility.mayHoldAfter(node, flag, true);
      boolean mayBeFalse = feasibility.mayHoldAfter(node, flag, false);
      if (!mayBeTrue && !mayBeFalse) {
        return; // not assigned yet here: every later test comes after an assignment
      }
      BitSet kept = mayBeTrue ? half(after, true) : new BitSet();
      if (mayBeFalse) {
        kept.or(half(after, false));
      }
      live.and(kept);
    }
  }
}
