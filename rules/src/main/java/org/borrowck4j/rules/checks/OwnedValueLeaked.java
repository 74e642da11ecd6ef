package org.borrowck4j.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.BodyContext;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.FileContext;
import org.borrowck4j.analyzer.flow.MaybeLeaked;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.rules.diagnostics.LifetimeDiagnostics;

/**
 * BC006 (warning): an owner that must be released — a user type with a non-idempotent
 * {@code @Consumes} method, an {@code Arena}, a {@code ByteBuf}, a file-backed stream the models
 * mark — reaches the end of its scope unreleased and unmoved on some normal path (reported at its
 * declaration, with the exit), or a must-release result is dropped (reported at the call).
 * Exceptional paths do not count (decision 11).
 */
public final class OwnedValueLeaked implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC006",
          "owned-value-leaked",
          Severity.WARNING,
          "An owner that must be released goes out of scope unreleased on some path.",
          "medium",
          List.of("reliability", "resource-leak"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(BodyContext body, Consumer<Finding> report) {
    leakedVariables(body, report);
    discardedResults(body, report);
  }

  private void leakedVariables(BodyContext body, Consumer<Finding> report) {
    MaybeLeaked leaked = body.analysis(MaybeLeaked.class, MaybeLeaked::new);
    Map<Integer, MaybeLeaked.Leak> first = new LinkedHashMap<>();
    for (MaybeLeaked.Leak leak : leaked.leaks()) {
      MaybeLeaked.Leak known = first.get(leak.obligation().index());
      if (known == null || exit(body, leak).compareTo(exit(body, known)) < 0) {
        first.put(leak.obligation().index(), leak);
      }
    }
    for (MaybeLeaked.Leak leak : first.values()) {
      var v = leak.obligation().variable();
      boolean overwritten = leak.event() instanceof Event.Reinit;
      report.accept(
          Finding.of(
                  INFO,
                  LifetimeDiagnostics.declarationSpan(v),
                  LifetimeDiagnostics.leaked(v),
                  LifetimeDiagnostics.leakedDeclaration(v),
                  List.of(new Label(exit(body, leak), LifetimeDiagnostics.leakExit(v, overwritten))),
                  List.of(Note.help(LifetimeDiagnostics.leakHelp(v, leak.obligation().closeOnly()))))
              .withSubject(LifetimeDiagnostics.declarationSpan(v))
              .withFlow(List.of(Finding.PRIMARY, 0)));
    }
  }

  private static Span exit(BodyContext body, MaybeLeaked.Leak leak) {
    if (leak.event() instanceof Event.Reinit) {
      return Span.of(leak.node().ast());
    }
    return LifetimeDiagnostics.exitSpan(body.body().cfg(), leak.node());
  }

  /** A must-release value a call returns that nobody keeps: {@code alloc.buffer();}. */
  private void discardedResults(BodyContext body, Consumer<Finding> report) {
    FileContext context = body.file();
    Cfg cfg = body.body().cfg();
    BitSet normal = null; // computed for the first candidate: most bodies have none
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CfgNode node : cfg.nodes()) {
      if (node.kind() != CfgNode.Kind.EVAL || !seen.add(node.ast())) {
        continue;
      }
      Obligation o = freshObligation(context, node.ast());
      if (o == Obligation.NONE) {
        continue;
      }
      if (normal == null) {
        normal = normallyReachable(cfg, body.facts().feasibility());
      }
      if (normal.get(node.id()) && isDropped(context, (Expression) node.ast(), o == Obligation.CLOSE_ONLY)) {
        String what = node.ast() instanceof MethodCallExpr m ? m.getNameAsString() + "()" : "new " + ((ObjectCreationExpr) node.ast()).getType().getNameAsString();
        report.accept(
            Finding.of(
                INFO,
                Span.of(node.ast()),
                LifetimeDiagnostics.discarded(what),
                LifetimeDiagnostics.discardedLabel(),
                List.of(),
                List.of(Note.help(LifetimeDiagnostics.discardedHelp()))));
      }
    }
  }

  private enum Obligation {
    NONE,
    RELEASE,
    CLOSE_ONLY
  }

  /** Whether the call returns a fresh owner that must be released. */
  private static Obligation freshObligation(FileContext context, Node ast) {
    ContractIndex index = context.index();
    MethodContract c;
    if (ast instanceof MethodCallExpr m) {
      c = context.contractOf(m);
    } else if (ast instanceof ObjectCreationExpr o) {
      c = context.contractOf(o);
    } else {
      return Obligation.NONE;
    }
    if (c == null || c.returns() != MethodContract.ReturnMode.OWNED) {
      return Obligation.NONE;
    }
    if (index.isMustReleaseType(c.returnType()) || index.isUserTypeToRelease(c.returnType())) {
      return Obligation.RELEASE;
    }
    return c.returnsMustRelease() ? Obligation.CLOSE_ONLY : Obligation.NONE;
  }

  /**
   * Follows the value up the expression: dropped as a statement, or consumed by an operation that
   * does not release it; kept when stored, passed, returned or released.
   */
  private static boolean isDropped(FileContext context, Expression value, boolean closeOnly) {
    Expression current = value;
    for (int guard = 0; guard < 64; guard++) {
      Node parent = current.getParentNode().orElse(null);
      while (parent instanceof com.github.javaparser.ast.expr.EnclosedExpr) {
        parent = parent.getParentNode().orElse(null);
      }
      if (parent instanceof ExpressionStmt) {
        return true;
      }
      if (!(parent instanceof MethodCallExpr call) || call.getScope().map(FileContext::unwrap).orElse(null) != current) {
        return false; // kept: an argument, an initializer, a returned value...
      }
      MethodContract c = context.contractOf(call);
      if (c == null) {
        return false; // unknown code: not guessed at
      }
      if (c.receiver() == MethodContract.ReceiverMode.CONSUMES) {
        if (c.returns() == MethodContract.ReturnMode.OWNED) {
          current = call; // a derived value carries the obligation (decision 6)
          continue;
        }
        return closeOnly && !c.idempotent();
      }
      if (c.returnType().isKnown() && c.returnType().equals(context.typeOf(current))) {
        current = call; // a fluent method returning the same kind of value
        continue;
      }
      return true; // read and dropped
    }
    return false;
  }

  private static BitSet normallyReachable(Cfg cfg, org.borrowck4j.analyzer.flow.Feasibility feasibility) {
    BitSet seen = new BitSet();
    Deque<CfgNode> work = new ArrayDeque<>(List.of(cfg.entry()));
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      if (seen.get(n.id())) {
        continue;
      }
      seen.set(n.id());
      for (Edge e : n.successors()) {
        if (LifetimeDiagnostics.normal(e) && feasibility.follows(e)) {
          work.add(cfg.node(e.to()));
        }
      }
    }
    return seen;
  }
}
