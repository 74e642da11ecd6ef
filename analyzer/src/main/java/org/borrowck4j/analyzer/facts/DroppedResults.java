package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Finds the must-release values that calls of a body return and nobody keeps ({@code
 * alloc.buffer();}, {@code Files.lines(p).count()}): the result is followed up the expression,
 * through operations that derive a value carrying it (D6) and fluent methods returning the
 * same kind of value, to a statement that drops it or an operation that reads it and drops it.
 */
final class DroppedResults {
  private enum Obligation {
    NONE,
    RELEASE,
    CLOSE_ONLY
  }

  private final Body body;
  private final FileFacts file;

  DroppedResults(Body body, FileFacts file) {
    this.body = body;
    this.file = file;
  }

  List<DroppedResult> find() {
    List<DroppedResult> out = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CfgNode node : body.cfg().nodes()) {
      // The first node of a call: a finally block copied per exit evaluates it in several.
      if (node.kind() != CfgNode.Kind.EVAL || !seen.add(node.ast())) {
        continue;
      }
      Obligation o = freshObligation(node.ast());
      if (o != Obligation.NONE
          && !file.programLifetime().endsWithTheProgram(body.declaration(), node.ast(), file.types.typeOf((Expression) node.ast()))
          && !(node.ast() instanceof MethodCallExpr call && file.calls.isNoReturn(call)) // gives back nothing (decision 241)
          && isDropped((Expression) node.ast(), o == Obligation.CLOSE_ONLY)) {
        String callee =
            node.ast() instanceof MethodCallExpr m
                ? m.getNameAsString() + "()"
                : "new " + ((ObjectCreationExpr) node.ast()).getType().getNameAsString();
        out.add(new DroppedResult(node, node.ast(), callee));
      }
    }
    return out;
  }

  /** Whether the call returns a fresh owner that must be released. */
  private Obligation freshObligation(Node ast) {
    MethodContract c = file.calls.contractOfCall(ast);
    if (c == null || c.returns() != MethodContract.ReturnMode.OWNED || c.resultAliasesReceiver()) {
      return Obligation.NONE; // a second handle on the receiver, which keeps the duty (D19)
    }
    if (file.index.isMustReleaseType(c.returnType()) || file.index.isUserTypeToRelease(c.returnType())) {
      return Obligation.RELEASE;
    }
    return c.returnsMustRelease() ? Obligation.CLOSE_ONLY : Obligation.NONE;
  }

  /** Whether {@code value} is an argument of {@code call} that the callee only borrows ({@code @Borrowed}). */
  private boolean lentForTheCall(Node call, Expression value) {
    if (!(call instanceof MethodCallExpr || call instanceof ObjectCreationExpr)) {
      return false;
    }
    List<Expression> args = ((NodeWithArguments<?>) call).getArguments();
    for (int i = 0; i < args.size(); i++) {
      if (AstNodes.unwrap(args.get(i)) == value) {
        MethodContract c = file.calls.contractOfCall(call);
        MethodContract.Param p = c == null ? null : c.paramFor(i);
        return p != null && p.mode() == MethodContract.ParamMode.BORROWED;
      }
    }
    return false;
  }

  /**
   * Follows the value up the expression: dropped as a statement, or consumed by an operation that
   * does not release it; kept when stored, passed, returned or released.
   */
  private boolean isDropped(Expression value, boolean closeOnly) {
    Expression current = value;
    for (int guard = 0; guard < 64; guard++) {
      Node parent = current.getParentNode().orElse(null);
      while (parent instanceof EnclosedExpr) {
        parent = parent.getParentNode().orElse(null);
      }
      if (parent instanceof ExpressionStmt statement) {
        // `() -> Files.newInputStream(p)`: an expression lambda's value is its result.
        return !(statement.getParentNode().orElse(null) instanceof LambdaExpr);
      }
      if (lentForTheCall(parent, current)) {
        // `ByteStreams.toByteArray(url.openStream())`: the callee reads it and gives it back to
        // no one, so nobody holds it after the call (a model's or a declared @Borrowed).
        return true;
      }
      if (!(parent instanceof MethodCallExpr call) || call.getScope().map(AstNodes::unwrap).orElse(null) != current) {
        return false; // kept: an argument, an initializer, a returned value...
      }
      MethodContract c = file.calls.contractOf(call);
      if (c == null) {
        return false; // unknown code: not guessed at
      }
      if (c.resultAliasesReceiver()) {
        current = call; // `new FileInputStream(f).getChannel()`: the same resource, another handle
        continue;
      }
      if (c.receiver() == MethodContract.ReceiverMode.CONSUMES) {
        if (c.returns() == MethodContract.ReturnMode.OWNED) {
          current = call; // a derived value carries the obligation (D6)
          continue;
        }
        return closeOnly && !c.idempotent();
      }
      if (c.returnType().isKnown() && c.returnType().equals(file.types.typeOf(current))) {
        current = call; // a fluent method returning the same kind of value
        continue;
      }
      return true; // read and dropped
    }
    return false;
  }
}
