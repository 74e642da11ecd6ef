package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.FileContext;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.OwnershipFacts;
import org.borrowck4j.analyzer.model.MethodContract;

/**
 * Which owners that must be released may still hold an unreleased value (forward, along normal
 * control flow only: decision 11 counts normal paths; try-with-resources is the answer for
 * exceptional ones). A value is taken on when an obligated variable is initialised or assigned,
 * and discharged when it is released, closed, moved or escapes. Leaving scope, or being
 * overwritten, with the bit set is a leak.
 */
public final class MaybeLeaked {
  /** One variable that must be released; {@code closeOnly} when only closing discharges it. */
  public record Obligation(int index, Variable variable, boolean closeOnly) {}

  /** A point where an obligated variable loses an unreleased value. */
  public record Leak(Obligation obligation, CfgNode node, Event event) {}

  private final OwnershipFacts facts;
  private final FileContext context;
  private final Map<Variable, Obligation> obligations = new IdentityHashMap<>();
  private final List<Leak> leaks = new ArrayList<>();

  public MaybeLeaked(OwnershipFacts facts) {
    this.facts = facts;
    this.context = facts.context();
    findObligations();
    if (obligations.isEmpty()) {
      return;
    }
    BitSet entry = new BitSet();
    for (Obligation o : obligations.values()) {
      if (o.variable().isParameter()) {
        entry.set(o.index()); // an @Owned parameter arrives holding its value
      }
    }
    DataflowResults<BitSet> results =
        Dataflow.forward(
            facts.body().cfg(),
            BitSetLattice.UNION,
            entry,
            this::apply,
            e -> e.kind() != Edge.Kind.EXCEPTION && facts.feasibility().follows(e),
            facts.budget());
    Map<String, Leak> found = new LinkedHashMap<>();
    for (CfgNode node : facts.body().cfg().nodes()) {
      BitSet state = results.inputOf(node);
      if (state == null) {
        continue;
      }
      forgetKnownNull(node, state);
      for (Event e : facts.events(node)) {
        Obligation o = obligations.get(e.place());
        if (o != null && state.get(o.index()) && losesValue(node, e)) {
          found.putIfAbsent(o.index() + "@" + node.id(), new Leak(o, node, e));
        }
        apply(node, e, state);
      }
    }
    leaks.addAll(found.values());
  }

  public List<Leak> leaks() {
    return leaks;
  }

  private void findObligations() {
    for (CfgNode node : facts.body().cfg().nodes()) {
      for (Event e : facts.events(node)) {
        Variable v = e.place();
        if (obligations.containsKey(v) || !(e instanceof Event.Reinit || v.isParameter())) {
          continue;
        }
        if (v.isField()
            || v.kind() == Variable.Kind.RESOURCE
            || context.ownershipOf(v) != org.borrowck4j.analyzer.facts.Ownership.OWNER) {
          continue;
        }
        boolean annotated = v.isParameter() || context.isDroppable(v) && !context.index().isOwnedType(context.typeOf(v));
        if (!annotated && !context.acquiresValue(v)) {
          continue; // an alias of a value someone else holds has nothing to release
        }
        boolean byType =
            context.index().isMustReleaseType(context.typeOf(v)) || context.index().isUserTypeToRelease(context.typeOf(v));
        boolean byProducer = producedMustRelease(v);
        if (byType || byProducer) {
          obligations.put(v, new Obligation(obligations.size(), v, !byType));
        }
      }
    }
  }

  /**
   * Initialised from a call the models mark {@code @MustRelease} ({@code Files.lines}), or from an
   * operation deriving from such a value ({@code lines.filter(f)} takes the file along, decision
   * 6).
   */
  private boolean producedMustRelease(Variable v) {
    if (v.declaration() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
      return carriesFile(d.getInitializer().get(), 0);
    }
    return false;
  }

  private boolean carriesFile(Expression expr, int depth) {
    Expression e = FileContext.unwrap(expr);
    if (depth > 16 || !(e instanceof MethodCallExpr call)) {
      Variable v = context.variableOf(e);
      return v != null && depth > 0 && obligations.containsKey(v);
    }
    MethodContract c = context.contractOf(call);
    if (c == null) {
      return false;
    }
    if (c.returnsMustRelease()) {
      return true;
    }
    return c.receiver() == MethodContract.ReceiverMode.CONSUMES
        && c.returns() == MethodContract.ReturnMode.OWNED
        && call.getScope().isPresent()
        && carriesFile(call.getScope().get(), depth + 1);
  }

  /** Whether the event makes the variable lose its current value (scope end, overwrite). */
  private static boolean losesValue(CfgNode node, Event e) {
    if (e instanceof Event.StorageDead) {
      return true;
    }
    return e instanceof Event.Reinit && (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof AssignExpr);
  }

  private void apply(CfgNode node, BitSet state) {
    forgetKnownNull(node, state);
    for (Event e : facts.events(node)) {
      apply(node, e, state);
    }
  }

  /**
   * On the branch where {@code x == null} holds (or {@code x != null} fails), {@code x} holds
   * nothing to release: {@code toReturn = toReturn == null ? first : compose(toReturn, next)}.
   */
  private void forgetKnownNull(CfgNode node, BitSet state) {
    if ((node.kind() != CfgNode.Kind.ASSUME_TRUE && node.kind() != CfgNode.Kind.ASSUME_FALSE)
        || !(node.ast() instanceof BinaryExpr b)) {
      return;
    }
    boolean equals = b.getOperator() == BinaryExpr.Operator.EQUALS;
    if (!equals && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS) {
      return;
    }
    if (equals != (node.kind() == CfgNode.Kind.ASSUME_TRUE)) {
      return;
    }
    Expression other =
        b.getLeft() instanceof NullLiteralExpr ? b.getRight() : b.getRight() instanceof NullLiteralExpr ? b.getLeft() : null;
    Variable v = other == null ? null : context.variableOf(FileContext.unwrap(other));
    Obligation o = v == null ? null : obligations.get(v);
    if (o != null) {
      state.clear(o.index());
    }
  }

  private void apply(CfgNode node, Event e, BitSet state) {
    Obligation o = obligations.get(e.place());
    if (o == null) {
      return;
    }
    if (e instanceof Event.Reinit) {
      if (holdsNewValue(node) && acquired(node, o.variable())) {
        state.set(o.index());
      } else {
        state.clear(o.index());
      }
    } else if (e instanceof Event.StorageDead) {
      state.clear(o.index());
    } else if (e instanceof Event.Move m) {
      if (discharges(o, m.cause())) {
        state.clear(o.index());
      }
    } else if (e instanceof Event.Escape esc && !esc.borrowed()) {
      state.clear(o.index()); // kept elsewhere: not ours to release any more
    } else if (e instanceof Event.HandedOn) {
      state.clear(o.index()); // perhaps wrapped by what unannotated code returned (decision 37)
    }
  }

  private static boolean discharges(Obligation o, MoveCause cause) {
    if (cause.kind() == MoveCause.Kind.CONSUMED) {
      // A terminal operation does not close the file a stream reads (decision 11); an
      // intermediate one hands the file on to the stream it returns (decision 6).
      return !o.closeOnly() || cause.idempotent() || cause.derives();
    }
    return true;
  }

  /**
   * A declaration or assignment that gives the variable a value of its own: a fresh one or one
   * moved from another owner; any value, for a variable declared {@code @Owned}. An alias of a
   * value someone else holds brings no obligation.
   */
  private boolean acquired(CfgNode node, Variable v) {
    var declared = context.meanings(v.annotations());
    if (declared.contains(org.borrowck4j.analyzer.model.AnnotationNames.Meaning.OWNED)
        || declared.contains(org.borrowck4j.analyzer.model.AnnotationNames.Meaning.OWNING)) {
      return true;
    }
    Node value = null;
    if (node.ast() instanceof VariableDeclarator d) {
      value = d.getInitializer().orElse(null);
    } else if (node.ast() instanceof AssignExpr a) {
      value = a.getValue();
    }
    return value instanceof Expression e && context.fresh(e);
  }

  /** A declaration or assignment that stores a value (not {@code null}) in the variable. */
  private static boolean holdsNewValue(CfgNode node) {
    Node value = null;
    if (node.ast() instanceof VariableDeclarator d) {
      value = d.getInitializer().orElse(null);
    } else if (node.ast() instanceof AssignExpr a) {
      value = a.getValue();
    }
    return value != null && !(FileContext.unwrap((Expression) value) instanceof NullLiteralExpr);
  }
}
