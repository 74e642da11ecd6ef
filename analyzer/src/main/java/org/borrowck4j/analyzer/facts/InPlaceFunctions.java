package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Lambdas run in place (D22): a lambda passed to a parameter the models mark {@code @RunsInPlace}
 * runs during the call, while the call reads its receiver — or, for a stream operation, the
 * collection the pipeline streams over, found by following the receiver back through the
 * stream's derivations and {@code stream()} to the collection's place (as a loan's root). Every
 * structural change of such a place in the lambda's own body is an {@link InPlaceChange}. Lambdas
 * given to code without such a contract are not looked at (DESIGN: no finding from a guess), nor
 * are method references or lambdas nested in the lambda.
 */
final class InPlaceFunctions {
  private InPlaceFunctions() {}

  static List<InPlaceChange> of(MethodCallExpr call, MethodContract c, FileFacts file, LoanCollector loans) {
    if (c == null || call.getScope().isEmpty()) {
      return List.of();
    }
    List<InPlaceChange> out = List.of();
    Map<Variable, List<Variable>> roots = null;
    for (int i = 0; i < call.getArguments().size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p == null || !p.runsInPlace() || !(AstNodes.unwrap(call.getArgument(i)) instanceof LambdaExpr lambda)) {
        continue;
      }
      Body body = file.bodies.lambdaBody(lambda);
      if (body == null) {
        continue;
      }
      if (roots == null) {
        roots = loans.paths(call.getScope().get());
        if (roots.isEmpty()) {
          return List.of();
        }
      }
      BodyFacts facts = file.of(body);
      for (CfgNode node : body.cfg().nodes()) {
        for (Event e : facts.events(node)) {
          if (e instanceof Event.Mutate m && roots.containsKey(m.place()) && structural(m)) {
            if (out.isEmpty()) {
              out = new ArrayList<>(1);
            }
            Node from = borrowedAt(call.getScope().get(), m.place(), file);
            out.add(
                new InPlaceChange(
                    m, new Event.Operand(m.place(), roots.get(m.place()), from, call, null, c.name())));
          }
        }
      }
    }
    return out;
  }

  /** A change of the collection's structure: a {@code @Mut} method or parameter, not an assignment. */
  private static boolean structural(Event.Mutate m) {
    return m.cause().kind() == MutationCause.Kind.MUT_METHOD || m.cause().kind() == MutationCause.Kind.MUT_ARGUMENT;
  }

  /**
   * Where the call's borrow of {@code root} starts: the receiver itself when it names the root,
   * else the call made on the root's place ({@code list.stream()} of {@code
   * list.stream().filter(f).forEach(…)}), else the receiver (a local holding the stream).
   */
  private static Node borrowedAt(Expression receiver, Variable root, FileFacts file) {
    Expression e = AstNodes.unwrap(receiver);
    for (int depth = 0; depth < 16 && e instanceof MethodCallExpr call && call.getScope().isPresent(); depth++) {
      Expression scope = AstNodes.unwrap(call.getScope().get());
      if (file.bodies.variableOf(call) == null && file.bodies.variableOf(scope) == root) {
        return call;
      }
      e = scope;
    }
    return receiver;
  }
}
