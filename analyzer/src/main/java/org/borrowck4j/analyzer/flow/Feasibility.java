package org.borrowck4j.analyzer.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.dataflow.TransferFunction;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Conditions;
import org.borrowck4j.analyzer.facts.Event;

/**
 * Which edges of a body can be taken. Analyses stay path-insensitive (D10) but skip two
 * kinds of edges no execution takes: the branch of a condition on a local boolean flag whose value
 * is known there ({@code boolean release = true; try { ...; release = false; return buf; }
 * finally { if (release) buf.release(); }}: on the path of the {@code return} the flag is false),
 * the normal exit of a call to a method that never returns normally, the exceptional exit of
 * a call to one that reports failure otherwise than by throwing (a model's {@code @NoThrow}), and
 * the way into a catch of a checked exception from a call declared not to throw it (D9). The flags' values it
 * settles for that are offered to the analyses that correlate other facts with a flag ({@link
 * LiveHolders}).
 */
public final class Feasibility {
  private final BitSet blocked = new BitSet();
  private final BitSet noReturn;
  private final BitSet noThrow;
  private final java.util.Set<Edge> closedHandlers;
  private final Flags flags;
  /** The flags' values before each node, on the feasible paths (sound: an over-approximation). */
  private DataflowResults<BitSet> values;

  public Feasibility(BodyAnalyses analyses) {
    BodyFacts facts = analyses.facts();
    Cfg cfg = analyses.cfg();
    this.noReturn = facts.noReturnCalls();
    this.noThrow = facts.noThrowCalls();
    this.closedHandlers = facts.closedHandlerEdges();
    this.flags = new Flags(facts);
    if (flags.count == 0) {
      return;
    }
    // The flags' values depend on which branches are feasible: settle both together. Each round's
    // values hold on the edges the previous round left, so they over-approximate the last ones.
    for (int round = 0; round < 4; round++) {
      values = Dataflow.forward(cfg, BitSetLattice.UNION, new BitSet(), flags, this::follows, analyses.budget());
      BitSet next = new BitSet();
      for (CfgNode node : cfg.nodes()) {
        Integer flag = flags.tested(node);
        BitSet state = flag == null ? null : values.inputOf(node);
        if (state == null) {
          continue;
        }
        boolean mayBeTrue = state.get(2 * flag);
        boolean mayBeFalse = state.get(2 * flag + 1);
        boolean assumesTrue = flags.conditions.flagValueOn(node);
        if (assumesTrue ? !mayBeTrue && mayBeFalse : mayBeTrue && !mayBeFalse) {
          next.set(node.id());
        }
      }
      if (next.equals(blocked)) {
        break;
      }
      blocked.clear();
      blocked.or(next);
    }
  }

  /** The local boolean flags that conditions of the body test, in the order first tested. */
  public List<Variable> flags() {
    return flags.tested;
  }

  /**
   * Whether the flag may have the value right after the node, on some feasible path (a branch on
   * the flag has shown it). False where the node is not reached, and for a flag not yet assigned
   * there ({@code boolean ok;}: then it may be either).
   */
  public boolean mayHoldAfter(CfgNode node, Variable flag, boolean value) {
    Integer i = flags.index.get(flag);
    BitSet state = i == null || values == null ? null : values.inputOf(node);
    if (state == null) {
      return false;
    }
    flags.apply(node, state);
    return state.get(2 * i + (value ? 0 : 1));
  }

  /** Whether control can flow along the edge. */
  public boolean follows(Edge e) {
    if (blocked.get(e.from())) {
      return false;
    }
    if (e.kind() == Edge.Kind.EXCEPTION) {
      // A call that reports failure otherwise (decision 154); a catch of a checked exception the
      // call does not throw (D9).
      return !noThrow.get(e.from()) && (closedHandlers.isEmpty() || !closedHandlers.contains(e));
    }
    return !noReturn.get(e.from());
  }

  /**
   * The local boolean flags tested by conditions, as a union lattice of two bits each: may be
   * true ({@code 2i}), may be false ({@code 2i + 1}). A branch on a flag shows its value to the
   * code it leads to.
   */
  private static final class Flags implements TransferFunction<BitSet> {
    final BodyFacts facts;
    final Conditions conditions;
    final Map<Variable, Integer> index = new IdentityHashMap<>();
    final List<Variable> tested = new ArrayList<>(0);
    int count;

    Flags(BodyFacts facts) {
      this.facts = facts;
      this.conditions = facts.conditions();
      for (CfgNode node : facts.body().cfg().nodes()) {
        Variable flag = conditions.flagTestedBy(node);
        if (flag != null && !index.containsKey(flag)) {
          index.put(flag, count++);
          tested.add(flag);
        }
      }
      // Boolean flags first: the analyses that correlate facts with a flag take only the first
      // few (LiveHolders), and null tests (decision 152) must not crowd them out.
      tested.sort(java.util.Comparator.comparing((Variable v) -> !(v.type() instanceof com.github.javaparser.ast.type.PrimitiveType)));
    }

    Integer tested(CfgNode node) {
      Variable flag = conditions.flagTestedBy(node);
      return flag == null ? null : index.get(flag);
    }

    @Override
    public void apply(CfgNode node, BitSet state) {
      Integer shown = tested(node);
      if (shown != null) {
        // Past `if (ok)` the flag is true: the branch says which value it has (if any path agrees).
        state.clear(2 * shown + (conditions.flagValueOn(node) ? 1 : 0));
      }
      for (Event e : facts.events(node)) {
        Integer i = index.get(e.place());
        if (i == null || !(e instanceof Event.Reinit)) {
          continue;
        }
        Boolean value = conditions.constantStoredBy(node);
        state.set(2 * i, value == null || value);
        state.set(2 * i + 1, value == null || !value);
      }
    }
  }
}
