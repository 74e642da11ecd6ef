package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.Set;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * What a use of a closed or consumed value means (D21): whether the operation needs the resource
 * open, or works on a closed value. Answered on demand, only for uses after a consumption.
 */
final class UseMeaningFinder {
  private final FileFacts file;

  private UseMeaningFinder(FileFacts file) {
    this.file = file;
  }

  static BodyFacts.UseMeanings of(FileFacts file) {
    UseMeaningFinder f = new UseMeaningFinder(file);
    return new BodyFacts.UseMeanings(f::needsOpen, f::worksWhenClosed);
  }

  /** The method a use calls on the value: {@code v.m(…)}, or {@code iterator()} for {@code for (x : v)}. */
  private record Operation(Expression receiver, String name, int arguments) {}

  private static Operation operationOf(Event.Use use) {
    Node n = AstNodes.outermost(use.at());
    Node parent = n.getParentNode().orElse(null);
    if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == n) {
      return new Operation(call.getScope().get(), call.getNameAsString(), call.getArguments().size());
    }
    if (parent instanceof ForEachStmt loop && loop.getIterable() == n) {
      return new Operation(loop.getIterable(), "iterator", 0);
    }
    return null;
  }

  private boolean needsOpen(Event.Use use) {
    Operation op = operationOf(use);
    return op != null
        && file.index.needsOpen(file.types.typeOf(op.receiver()), op.name(), op.arguments())
        && !failureIgnored(use.at());
  }

  /** What a handler that ignores it catches: every exception, or the checked ones of I/O and JDBC. */
  private static final Set<String> IGNORED_FAILURES = Set.of("Throwable", "Exception", "IOException", "SQLException");

  /**
   * Whether the innermost {@code try} around the node catches its failure and ignores it (an empty
   * handler: {@code try { if (!con.getAutoCommit()) con.rollback(); } catch (Exception ignored) {}}
   * on a connection that may be closed already): the code expects the operation may fail on a
   * closed resource, so it is a probe, not a use (decision 155).
   */
  private static boolean failureIgnored(Node at) {
    Node child = at;
    for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        return false;
      }
      if (p instanceof TryStmt t && child == t.getTryBlock()) {
        for (com.github.javaparser.ast.stmt.CatchClause c : t.getCatchClauses()) {
          if (c.getBody().getStatements().isEmpty() && catchesIgnored(c.getParameter().getType())) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  private static boolean catchesIgnored(com.github.javaparser.ast.type.Type type) {
    if (type instanceof com.github.javaparser.ast.type.UnionType u) {
      return u.getElements().stream().anyMatch(UseMeaningFinder::catchesIgnored);
    }
    String name = type.asString();
    return IGNORED_FAILURES.contains(name.substring(name.lastIndexOf('.') + 1));
  }

  private boolean worksWhenClosed(Event.Use use) {
    Operation op = operationOf(use);
    if (op == null) {
      return passedToCloseOnly(use);
    }
    return file.index.worksWhenClosed(file.types.typeOf(op.receiver()), op.name(), op.arguments());
  }

  /**
   * An argument to a parameter the callee's body only closes, there or in what it creates
   * (inferred, decision 151: {@code composedClose(a, b)} returning {@code () -> { a.close();
   * b.close(); }}): the call does not use the value.
   */
  private boolean passedToCloseOnly(Event.Use use) {
    Node n = AstNodes.outermost(use.at());
    if (!(n.getParentNode().orElse(null) instanceof com.github.javaparser.ast.nodeTypes.NodeWithArguments<?> call)
        || !(call instanceof MethodCallExpr || call instanceof ObjectCreationExpr)) {
      return false;
    }
    int i = AstNodes.indexOf(call.getArguments(), n);
    MethodContract c = i < 0 ? null : file.calls.contractOfCall((Node) call);
    MethodContract.Param p = c == null ? null : c.paramFor(i);
    return p != null && p.worksWhenClosed();
  }
}
