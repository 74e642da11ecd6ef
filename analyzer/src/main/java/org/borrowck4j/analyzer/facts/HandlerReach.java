package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Which catch clauses an exception thrown at a node can enter (D9): a clause of a checked
 * exception only from a node that may throw it — a call or allocation whose declaration names a
 * subtype or supertype of it in its {@code throws} clause, a {@code throw} of such a type, or
 * code nobody knows (no declaration, a model silent about what it throws). A clause of {@code
 * Throwable}, {@code Exception}, an unchecked exception or a type whose place among exceptions is
 * unknown is entered from every node that throws. One per file; answers are kept.
 */
final class HandlerReach {
  private final FileFacts file;
  /** The checked types each clause catches; empty where any node that throws may enter it. */
  private final Map<CatchClause, List<String>> caught = new IdentityHashMap<>();
  private final Map<Node, Optional<List<String>>> thrown = new IdentityHashMap<>();

  HandlerReach(FileFacts file) {
    this.file = file;
  }

  /** The body's exception edges into catch clauses that the node they leave cannot throw into. */
  Set<Edge> closedEdges(Body body) {
    return edgesIntoClauses(body, (node, handler) -> !mayEnter(node, handler));
  }

  /**
   * The body's exception edges into a clause of checked exceptions from code nobody knows (no
   * declaration says what it throws): open, since it may throw anything, but on a guess.
   */
  Set<Edge> guessedEdges(Body body) {
    return edgesIntoClauses(
        body,
        (node, handler) -> node.kind() == CfgNode.Kind.EVAL
            && !caught.computeIfAbsent(handler, this::checkedTypesCaught).isEmpty()
            && thrownAt(node) == null);
  }

  /** The exception edges into a catch clause for which {@code keep} holds of the node left and the clause. */
  private static Set<Edge> edgesIntoClauses(Body body, BiPredicate<CfgNode, CatchClause> keep) {
    Set<Edge> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CfgNode node : body.cfg().nodes()) {
      for (Edge e : node.successors()) {
        CatchClause handler = e.kind() == Edge.Kind.EXCEPTION ? body.cfg().handlerReachedAt(e.to()) : null;
        if (handler != null && keep.test(node, handler)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Whether an exception thrown at the node may be caught by the clause. */
  boolean mayEnter(CfgNode thrower, CatchClause handler) {
    List<String> checked = caught.computeIfAbsent(handler, this::checkedTypesCaught);
    if (checked.isEmpty()) {
      return true;
    }
    List<String> declared = thrownAt(thrower);
    if (declared == null) {
      return true;
    }
    for (String d : declared) {
      if (ExceptionKinds.of(d, file.index) == ExceptionKinds.UNKNOWN) {
        return true; // it may be a subtype of what is caught
      }
      for (String c : checked) {
        // What may reach the clause: `d` itself, or the caught `c` when `d` is wider (`throws
        // Exception` into `catch (IOException e)`); unless a clause nearer the node catches it.
        String reaching = file.index.isSubtype(d, c) ? d : file.index.isSubtype(c, d) ? c : null;
        if (reaching != null && !caughtBefore(thrower.ast(), handler, reaching)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a checked exception of this type, thrown at {@code thrown}, is caught by a clause of
   * a try statement around it that Java tries before {@code handler}: `catch (IOException e) {
   * quiet(in); return -2; }` inside a try whose own catch of {@code IOException} is then never
   * entered from that node (decision 267). Within the node's body only.
   */
  private boolean caughtBefore(Node thrown, CatchClause handler, String type) {
    Node child = thrown;
    for (Node p = thrown == null ? null : thrown.getParentNode().orElse(null);
        p != null;
        child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof CallableDeclaration<?> || p instanceof TypeDeclaration<?>
          || p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent() && child != o.getScope().orElse(null)
              && !o.getArguments().contains(child)) {
        return false;
      }
      if (!(p instanceof TryStmt t) || !(child == t.getTryBlock() || t.getResources().contains(child))) {
        continue;
      }
      for (CatchClause c : t.getCatchClauses()) {
        if (c == handler) {
          return false;
        }
        for (String caught : ExceptionKinds.caughtBy(c, file)) {
          if (caught != null && file.index.isSubtype(type, caught)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The types a clause catches when all of them are checked exceptions; empty when one of them
   * is caught from any call.
   */
  private List<String> checkedTypesCaught(CatchClause c) {
    List<String> out = ExceptionKinds.caughtBy(c, file);
    for (String t : out) {
      if (ExceptionKinds.of(t, file.index) != ExceptionKinds.CHECKED) {
        return List.of();
      }
    }
    return out;
  }

  /** What the node may throw, by the types declared; null where it may throw anything. */
  private List<String> thrownAt(CfgNode node) {
    if (node.kind() == CfgNode.Kind.FOREACH_NEXT) {
      return List.of(); // an iterator's steps declare no checked exception
    }
    Node ast = node.ast();
    if (ast == null) {
      return null;
    }
    Optional<List<String>> known = thrown.get(ast);
    if (known == null) {
      known = Optional.ofNullable(declaredAt(node.kind(), ast));
      thrown.put(ast, known);
    }
    return known.orElse(null);
  }

  private List<String> declaredAt(CfgNode.Kind kind, Node ast) {
    if (kind == CfgNode.Kind.THROW) {
      if (ast instanceof AssertStmt) {
        return List.of("java.lang.AssertionError");
      }
      if (ast instanceof ThrowStmt t) {
        TypeRef type = file.types.typeOf(t.getExpression());
        return type.isKnown() && !type.isPrimitive() && !type.isArray() ? List.of(type.name()) : null;
      }
      return null;
    }
    return kind == CfgNode.Kind.EVAL ? file.calls.thrownBy(ast) : null;
  }
}
