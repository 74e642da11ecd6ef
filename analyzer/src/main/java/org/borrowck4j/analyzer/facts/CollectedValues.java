package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Which values hold only memory the collector reclaims, or nothing (decision 332): a call the
 * models or a summary mark {@code @CollectedWhenDropped} ({@code Unpooled.wrappedBuffer(bytes)}),
 * a wrapper made around such values only ({@code new DefaultFullHttpResponse(v, s, content)},
 * decision 345), a local only ever given such values, or {@code null}. Dropping one loses nothing.
 */
final class CollectedValues {
  private static final int MAX_DEPTH = 8;
  private final FileFacts file;

  CollectedValues(FileFacts file) {
    this.file = file;
  }

  /** Whether the value holds only memory the collector reclaims, on every arm of a conditional. */
  boolean collectedWhenDropped(Expression value) {
    return collected(value, 0);
  }

  /**
   * Whether every value the local is given is such a value, and one of them is not {@code null}.
   * A parameter holds what its caller gave, and a variable declared {@code @Owned} is its author's
   * word: neither is.
   */
  boolean onlyCollectedWhenDropped(Variable v) {
    return onlyCollected(v, 0);
  }

  private boolean onlyCollected(Variable v, int depth) {
    if (v.isParameter() || v.isField() || file.owners.declaredMode(v) == VariableMode.OWNED) {
      return false;
    }
    boolean any = false;
    for (Expression value : file.owners.valuesGiven(v)) {
      if (!collected(value, depth + 1)) {
        return false;
      }
      any |= !AstNodes.isNullLiteral(value);
    }
    return any;
  }

  private boolean collected(Expression value, int depth) {
    Expression e = AstNodes.unwrap(value);
    if (AstNodes.isNullLiteral(e)) {
      return true;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof ConditionalExpr c) {
      return collected(c.getThenExpr(), depth + 1) && collected(c.getElseExpr(), depth + 1);
    }
    if (e instanceof MethodCallExpr call) {
      MethodContract c = file.calls.contractOf(call);
      return c != null && c.collectedWhenDropped();
    }
    if (e instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()) {
      MethodContract constructor = file.calls.contractOf(created);
      if (constructor != null && constructor.collectedWhenDropped()) {
        return true; // `new DefaultFullHttpResponse(v, s)`: an empty heap buffer of its own (decision 351)
      }
      // A holder made around heap buffers holds nothing else to release: its count is theirs
      // (decisions 341, 345). Only where it wraps something, and all it wraps is such a value.
      List<Expression> wrapped = file.calls.wrappedArguments(created);
      if (wrapped.isEmpty()) {
        return false;
      }
      for (Expression arg : wrapped) {
        if (!collected(arg, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    Variable v = file.bodies.variableOf(e);
    return v != null && depth > 0 && onlyCollected(v, depth);
  }
}
