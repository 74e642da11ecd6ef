package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * The places whose value an expression may evaluate to: {@code x} for {@code x}, both branches of
 * {@code c ? x : y}, every arm of a switch expression, what a lambda or bound method reference
 * captures. When a context moves the expression's value (an {@code @Owned} argument, an
 * assignment, a return), these places are what moves.
 */
public final class ValueSources {
  private ValueSources() {}

  /** The places and, for each, the expression that reads it (the span of the move). */
  public record Source(Variable place, Node at) {}

  public static List<Source> of(Expression expr, FileBodies bodies) {
    List<Source> out = new ArrayList<>(1);
    collect(expr, bodies, out);
    return out;
  }

  /**
   * {@link #of}, and for a call whose result is a second handle on its receiver's resource the
   * receiver's places (decision 246): handing on, returning or releasing {@code msg.content()}
   * does it to {@code msg}, whose reference count it is ({@code return raf.getChannel()} hands the
   * file to the caller, decision 252). Not for assignments: a local given the handle is a
   * second name for the pair (D19), and the receiver keeps its duty until either is released.
   *
   * @param throughLocals also for a local holding such a handle ({@code content = msg.content()}):
   *     for handing it on; releasing it reaches the receiver through {@link ResourceAliases}
   */
  static List<Source> ofHandle(Expression expr, FileFacts file, boolean throughLocals) {
    List<Source> out = of(expr, file.bodies);
    if (out.isEmpty() && AstNodes.unwrap(expr) instanceof MethodCallExpr call && file.calls.resultAliasesReceiver(call)) {
      return ofHandle(call.getScope().get(), file, throughLocals);
    }
    for (int i = 0, n = throughLocals ? out.size() : 0; i < n; i++) {
      // A local holding such a handle hands on the receiver too.
      Expression receiver = file.owners.handleReceiverOf(out.get(i).place());
      if (receiver != null) {
        for (Source s : ofHandle(receiver, file, true)) {
          out.add(new Source(s.place(), out.get(i).at()));
        }
      }
    }
    return out;
  }

  private static void collect(Expression expr, FileBodies bodies, List<Source> out) {
    Expression e = AstNodes.unwrap(expr);
    Variable v = bodies.variableOf(e);
    if (v != null) {
      out.add(new Source(v, e));
    } else if (e instanceof ConditionalExpr c) {
      collect(c.getThenExpr(), bodies, out);
      collect(c.getElseExpr(), bodies, out);
    } else if (e instanceof SwitchExpr s) {
      for (SwitchEntry entry : s.getEntries()) {
        if (entry.getType() == SwitchEntry.Type.EXPRESSION
            && entry.getStatements().size() == 1
            && entry.getStatements().get(0) instanceof ExpressionStmt x) {
          collect(x.getExpression(), bodies, out);
        } else {
          for (YieldStmt y : entry.findAll(YieldStmt.class, y -> yieldsFrom(y, s))) {
            collect(y.getExpression(), bodies, out);
          }
        }
      }
    } else if (e instanceof AssignExpr a) {
      collect(a.getTarget(), bodies, out);
    } else if (e instanceof LambdaExpr l) {
      Body body = bodies.lambdaBody(l);
      if (body != null) {
        Set<Variable> seen = new LinkedHashSet<>(body.captured());
        for (Variable captured : seen) {
          out.add(new Source(captured, l));
        }
      }
    } else if (e instanceof MethodReferenceExpr r) {
      Variable bound = bodies.variableOf(AstNodes.unwrap(r.getScope()));
      if (bound != null) {
        out.add(new Source(bound, r));
      }
    }
  }

  private static boolean yieldsFrom(YieldStmt y, SwitchExpr s) {
    for (Node p = y.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof SwitchExpr) {
        return p == s;
      }
      if (p instanceof LambdaExpr) {
        return false;
      }
    }
    return false;
  }
}
