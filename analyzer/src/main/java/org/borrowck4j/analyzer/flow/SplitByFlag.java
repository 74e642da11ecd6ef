package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.dataflow.TransferFunction;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Conditions;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * A forward bit-set analysis split by the value of one flag a condition of the body tests
 * (decisions 249, 256): what may hold on a path on which the flag now has each value. A branch on
 * the flag keeps only the paths with the value it shows, so what happened only where the flag has
 * the other value does not reach it. Path-insensitive otherwise (D10), like the liveness split of
 * decision 92.
 *
 * <p>State: two copies of the inner analysis's state, for the flag true (or not null) and false
 * (or null), then one bit each saying that some path reaches here with that value.
 */
abstract class SplitByFlag implements EventwiseAnalysis<BitSet> {
  private final BodyFacts facts;
  private final Conditions conditions;
  private final EventwiseAnalysis<BitSet> inner;
  private final Variable flag;
  private final boolean nullFlag;
  private final int width;
  private final DataflowResults<BitSet> results;

  /**
   * @param inner the analysis split, whose state has {@code width} bits and starts as {@code innerEntry}
   * @param transfer how a node's events change the split state (given the split analysis itself)
   * @param follow the edges the inner analysis follows
   */
  SplitByFlag(
      BodyAnalyses analyses,
      EventwiseAnalysis<BitSet> inner,
      int width,
      BitSet innerEntry,
      Variable flag,
      Function<EventwiseAnalysis<BitSet>, TransferFunction<BitSet>> transfer,
      Predicate<Edge> follow) {
    this.facts = analyses.facts();
    this.conditions = facts.conditions();
    this.inner = inner;
    this.flag = flag;
    this.nullFlag = !(flag.type() instanceof PrimitiveType);
    this.width = width;
    BitSet entry = new BitSet();
    put(entry, 0, innerEntry);
    put(entry, 1, innerEntry);
    entry.set(2 * width);
    entry.set(2 * width + 1);
    this.results = analyses.solveForward(entry, transfer.apply(this), follow);
  }

  /**
   * Of the flags the body's conditions test, those the body records something in: it assigns
   * them a constant somewhere ({@code added = true}, {@code in = null}). A condition nothing
   * sets so ({@code if (c) consume(x); if (!c) use(x);} with {@code c} a parameter or a computed
   * value) is D10's: its correlation is not tracked.
   */
  static List<Variable> recordingFlags(BodyFacts facts, List<Variable> tested) {
    if (tested.isEmpty()) {
      return tested;
    }
    Set<Variable> recording = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CfgNode node : facts.body().cfg().nodes()) {
      if (facts.conditions().constantStoredBy(node) == null) {
        continue;
      }
      for (Event e : facts.events(node)) {
        if (e instanceof Event.Reinit) {
          recording.add(e.place());
        }
      }
    }
    List<Variable> out = new ArrayList<>(tested.size());
    for (Variable flag : tested) {
      if (recording.contains(flag)) {
        out.add(flag);
      }
    }
    return out;
  }

  @Override
  public BodyFacts facts() {
    return facts;
  }

  @Override
  public BitSet before(CfgNode node) {
    return results.inputOf(node);
  }

  /** A branch on the flag: only the paths with the value it shows go on. */
  @Override
  public void enter(CfgNode node, BitSet state) {
    if (conditions.flagTestedBy(node) == flag) {
      keepOnly(state, conditions.flagValueOn(node));
    }
    eachReachedHalf(state, half -> inner.enter(node, half));
  }

  @Override
  public void apply(CfgNode node, Event e, BitSet state) {
    step(node, e, state, true);
  }

  /** A call that throws on a null receiver has shown nothing about it. */
  @Override
  public void applyOnException(CfgNode node, Event e, BitSet state) {
    step(node, e, state, false);
  }

  @Override
  public void leaveByException(CfgNode node, BitSet state) {
    eachReachedHalf(state, half -> inner.leaveByException(node, half));
  }

  private void step(CfgNode node, Event e, BitSet state, boolean normally) {
    eachReachedHalf(state, half -> {
      if (normally) {
        inner.apply(node, e, half);
      } else {
        inner.applyOnException(node, e, half);
      }
    });
    if (e.place() != flag) {
      return;
    }
    if (e instanceof Event.Reinit) {
      Boolean stored = conditions.constantStoredBy(node);
      BitSet merged = half(state, 0);
      merged.or(half(state, 1));
      boolean reached = state.get(2 * width) || state.get(2 * width + 1);
      for (int value = 0; value < 2; value++) {
        boolean holds = stored == null || stored == (value == 0);
        put(state, value, holds ? merged : new BitSet());
        state.set(2 * width + value, holds && reached);
      }
    } else if (normally && nullFlag && e instanceof Event.Use use && AstNodes.isDereferenced(use.at())) {
      keepOnly(state, true); // past `c.m()` normally, `c` was not null
    }
  }

  /** The inner state just before {@code event} in {@code node}, over the flag's values some path has. */
  final BitSet innerStateBefore(CfgNode node, Event event) {
    BitSet state = before(node);
    if (state == null) {
      return null;
    }
    enter(node, state);
    for (Event e : facts.events(node)) {
      if (e == event) {
        break;
      }
      apply(node, e, state);
    }
    BitSet either = half(state, 0);
    either.or(half(state, 1));
    return either;
  }

  /**
   * Runs the inner analysis on each half some path reaches (a half no path reaches is empty, so
   * skipping it changes nothing).
   */
  private void eachReachedHalf(BitSet state, Consumer<BitSet> step) {
    for (int value = 0; value < 2; value++) {
      if (state.get(2 * width + value)) {
        BitSet half = half(state, value);
        step.accept(half);
        put(state, value, half);
      }
    }
  }

  private void keepOnly(BitSet state, boolean value) {
    int other = value ? 1 : 0;
    state.clear(other * width, (other + 1) * width);
    state.clear(2 * width + other);
  }

  /** Half 0 (the flag true, or not null) or 1 (false, or null), as a state of the inner analysis. */
  private BitSet half(BitSet state, int value) {
    return state.get(value * width, (value + 1) * width);
  }

  private void put(BitSet state, int value, BitSet half) {
    state.clear(value * width, (value + 1) * width);
    for (int i = half.nextSetBit(0); i >= 0 && i < width; i = half.nextSetBit(i + 1)) {
      state.set(value * width + i);
    }
  }
}
