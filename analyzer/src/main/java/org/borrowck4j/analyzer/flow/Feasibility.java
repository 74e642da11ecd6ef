package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.FileContext;
import org.borrowck4j.analyzer.facts.OwnershipFacts;

/**
 * Which edges of a body can be taken. Analyses stay path-insensitive (decision 10) but skip two
 * kinds of edges no execution takes: the branch of a condition on a local boolean flag whose value
 * is known there ({@code boolean release = true; try { ...; release = false; return buf; }
 * finally { if (release) buf.release(); }}: on the path of the {@code return} the flag is false),
 * and the normal exit of a call to a method of the same class that never returns normally.
 */
public final class Feasibility {
  private final Cfg cfg;
  private final BitSet blocked = new BitSet();
  private final BitSet noReturn = new BitSet();

  public Feasibility(OwnershipFacts facts) {
    this.cfg = facts.body().cfg();
    FileContext context = facts.context();
    for (CfgNode node : cfg.nodes()) {
      if (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof MethodCallExpr call && context.isNoReturn(call)) {
        noReturn.set(node.id());
      }
    }
    Flags flags = new Flags(facts);
    if (flags.count > 0) {
      // The flags' values depend on which branches are feasible: settle both together.
      for (int round = 0; round < 4; round++) {
        DataflowResults<BitSet> values =
            Dataflow.forward(cfg, BitSetLattice.UNION, new BitSet(), flags, this::follows, facts.budget());
        BitSet next = new BitSet();
        for (CfgNode node : cfg.nodes()) {
          Integer flag = flags.tested(node);
          BitSet state = flag == null ? null : values.inputOf(node);
          if (state == null) {
            continue;
          }
          boolean mayBeTrue = state.get(2 * flag);
          boolean mayBeFalse = state.get(2 * flag + 1);
          boolean assumesTrue = node.kind() == CfgNode.Kind.ASSUME_TRUE;
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
  }

  /** Whether control can flow along the edge. */
  public boolean follows(Edge e) {
    if (blocked.get(e.from())) {
      return false;
    }
    return !(noReturn.get(e.from()) && e.kind() != Edge.Kind.EXCEPTION);
  }

  /**
   * Local boolean variables tested by conditions, as a union lattice of two bits each: may be
   * true ({@code 2i}), may be false ({@code 2i + 1}).
   */
  private static final class Flags implements org.borrowck4j.analyzer.dataflow.TransferFunction<BitSet> {
    final OwnershipFacts facts;
    final Map<Variable, Integer> index = new IdentityHashMap<>();
    final Map<Node, Integer> testedAt = new IdentityHashMap<>();
    int count;

    Flags(OwnershipFacts facts) {
      this.facts = facts;
      FileContext context = facts.context();
      for (CfgNode node : facts.body().cfg().nodes()) {
        if ((node.kind() == CfgNode.Kind.ASSUME_TRUE || node.kind() == CfgNode.Kind.ASSUME_FALSE)
            && node.ast() instanceof NameExpr name) {
          Variable v = context.variableOf(name);
          if (v != null && v.kind() == Variable.Kind.LOCAL && v.type() instanceof PrimitiveType p && p.getType() == PrimitiveType.Primitive.BOOLEAN) {
            Integer i = index.computeIfAbsent(v, k -> count++);
            testedAt.put(node.ast(), i);
          }
        }
      }
    }

    Integer tested(CfgNode node) {
      if (node.kind() != CfgNode.Kind.ASSUME_TRUE && node.kind() != CfgNode.Kind.ASSUME_FALSE) {
        return null;
      }
      return testedAt.get(node.ast());
    }

    @Override
    public void apply(CfgNode node, BitSet state) {
      for (Event e : facts.events(node)) {
        Integer i = index.get(e.place());
        if (i == null || !(e instanceof Event.Reinit)) {
          continue;
        }
        Boolean value = constant(node.ast());
        state.set(2 * i, value == null || value);
        state.set(2 * i + 1, value == null || !value);
      }
    }

    /** The literal a declaration or assignment stores, or null for anything else. */
    private static Boolean constant(Node ast) {
      Expression value = null;
      if (ast instanceof VariableDeclarator d) {
        value = d.getInitializer().orElse(null);
      } else if (ast instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN) {
        value = a.getValue();
      }
      return value == null ? null : FileContext.unwrap(value) instanceof BooleanLiteralExpr b ? b.getValue() : null;
    }
  }
}
