package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
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
    return new BodyFacts.UseMeanings(f::needsOpen, f::worksWhenClosed, f::usesInCapture);
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

  /**
   * Whether the innermost {@code try} around the operation catches the failure it reports on a
   * closed resource and ignores it (an empty handler: {@code try { if (!con.getAutoCommit())
   * con.rollback(); } catch (SQLException ignored) {}} on a connection that may be closed
   * already): the code expects the operation may fail, so it is a probe, not a use (decision
   * 155). The failure is what the operation declares it throws (decision 177): a handler of
   * {@code Exception} or {@code Throwable}, or of a checked type the operation's declaration
   * names (a subtype or supertype of it), ignores it; where the declaration is not known, any
   * checked type may be.
   */
  private boolean failureIgnored(Node at) {
    Node operation = AstNodes.outermost(at).getParentNode().orElse(null);
    Node child = at;
    for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        return false;
      }
      if (p instanceof TryStmt t && child == t.getTryBlock()) {
        for (com.github.javaparser.ast.stmt.CatchClause c : t.getCatchClauses()) {
          if (c.getBody().getStatements().isEmpty() && catchesFailureOf(operation, c)) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  private boolean catchesFailureOf(Node operation, com.github.javaparser.ast.stmt.CatchClause c) {
    List<String> declared = null;
    boolean declaredKnown = false;
    for (String name : ExceptionKinds.caughtBy(c, file)) {
      ExceptionKinds kind = ExceptionKinds.of(name, file.index);
      if (kind == ExceptionKinds.CATCH_ALL) {
        return true;
      }
      if (kind != ExceptionKinds.CHECKED) {
        continue; // a runtime exception is not how a closed resource's operation fails
      }
      if (!declaredKnown) {
        declared = file.calls.thrownBy(operation);
        declaredKnown = true;
      }
      if (declared == null) {
        return true; // nothing says what it throws: it may be this
      }
      for (String d : declared) {
        if (file.index.isSubtype(d, name) || file.index.isSubtype(name, d)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The uses a lambda's or anonymous class's bodies make of a captured value, where creating it is
   * the use (decision 265); a lambda or anonymous class nested in them stands for its own uses.
   * Null when the use is no capture, or when a name in the construct that may denote the value is
   * in none of those bodies (a field initializer of an anonymous class has no body): the capture
   * is then a plain read.
   */
  private List<Event.Use> usesInCapture(Event.Use use) {
    Node captured = capturingConstruct(use.at());
    if (captured == null) {
      return null;
    }
    Variable v = use.place();
    List<Event.Use> out = new ArrayList<>(2);
    int resolved = 0;
    for (Body b : file.capturing(v)) {
      if (!AstNodes.isWithin(b.declaration(), captured)) {
        continue;
      }
      for (var r : b.resolutions().entrySet()) {
        if (r.getValue() == v && r.getKey() instanceof NameExpr) {
          resolved++;
        }
      }
      BodyFacts facts = file.of(b);
      for (CfgNode node : b.cfg().nodes()) {
        for (Event e : facts.events(node)) {
          if (e instanceof Event.Use u && u.place() == v && capturingConstruct(u.at()) == null) {
            out.add(u);
          }
        }
      }
    }
    int named = 0;
    for (Node part : capturingParts(captured)) {
      for (NameExpr n : part.findAll(NameExpr.class)) {
        if (n.getNameAsString().equals(v.name())) {
          named++;
        }
      }
    }
    return resolved > 0 && resolved == named ? out : null;
  }

  /** Where a lambda or anonymous class may name what it captures: its body, or its class's members. */
  private static List<? extends Node> capturingParts(Node construct) {
    if (construct instanceof LambdaExpr l) {
      return List.of(l.getBody());
    }
    return ((ObjectCreationExpr) construct).getAnonymousClassBody().orElseThrow();
  }

  /** The lambda or anonymous class whose creation is the use at {@code at}, or null. */
  private static Node capturingConstruct(Node at) {
    return at instanceof LambdaExpr || (at instanceof ObjectCreationExpr c && c.getAnonymousClassBody().isPresent())
        ? at
        : null;
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
