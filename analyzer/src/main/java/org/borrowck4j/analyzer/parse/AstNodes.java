package org.borrowck4j.analyzer.parse;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;

/**
 * Questions about where a node sits, answered by identity: JavaParser's {@code equals} compares
 * text, so two {@code g(x)} in one method are "equal" and {@code List.indexOf} would confuse them.
 */
public final class AstNodes {
  private AstNodes() {}

  /** Whether {@code inner} is {@code outer} or lies inside it. */
  public static boolean isWithin(Node inner, Node outer) {
    for (Node p = inner; p != null; p = p.getParentNode().orElse(null)) {
      if (p == outer) {
        return true;
      }
    }
    return false;
  }

  /** The position of {@code node} itself in {@code nodes}, or -1. */
  public static int indexOf(List<? extends Node> nodes, Node node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    return -1;
  }

  /** The expression inside parentheses and casts: what is evaluated for its value. */
  public static Expression unwrap(Expression e) {
    while (true) {
      if (e instanceof EnclosedExpr x) {
        e = x.getInner();
      } else if (e instanceof CastExpr c) {
        e = c.getExpression();
      } else {
        return e;
      }
    }
  }
  /** Whether the expression is {@code null}, in parentheses or cast or not. */
  public static boolean isNullLiteral(Expression e) {
    return unwrap(e) instanceof com.github.javaparser.ast.expr.NullLiteralExpr;
  }


  /**
   * The outermost of the parentheses and casts around a node (the node itself when there are
   * none): its parent is where the value goes.
   */
  public static Node outermost(Node expr) {
    Node n = expr;
    for (Node p = n.getParentNode().orElse(null); p instanceof EnclosedExpr || p instanceof CastExpr; p = p.getParentNode().orElse(null)) {
      n = p;
    }
    return n;
  }

  /**
   * Whether the value of {@code expr} is dereferenced where it goes: the receiver of a method
   * call ({@code c.m()}), the object of a field access or the array of an element access — which
   * throw on {@code null}, so past them normally the value was not null.
   */
  public static boolean isDereferenced(Node expr) {
    Node n = outermost(expr);
    Node p = n.getParentNode().orElse(null);
    return (p instanceof MethodCallExpr call && call.getScope().orElse(null) == n)
        || (p instanceof FieldAccessExpr access && access.getScope() == n)
        || (p instanceof ArrayAccessExpr element && element.getName() == n);
  }

  /** The parent of {@link #outermost}: where the value of {@code expr} goes, or null. */
  public static Node valueParent(Node expr) {
    return outermost(expr).getParentNode().orElse(null);
  }

  /**
   * Whether a {@code return} returns from {@code method} itself, not from a lambda, an anonymous or
   * local class, or another method inside it.
   */
  public static boolean returnsFrom(Node returnStatement, CallableDeclaration<?> method) {
    for (Node p = returnStatement.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p == method) {
        return true;
      }
      if (p instanceof LambdaExpr || p instanceof ObjectCreationExpr || p instanceof TypeDeclaration<?> || p instanceof CallableDeclaration<?>) {
        return false;
      }
    }
    return false;
  }
}
