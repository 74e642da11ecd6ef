package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ComponentPatternExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.RecordPatternExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates expressions into the graph, in evaluation order: operands before the expression, a
 * call's arguments before the call. Conditions split control into the paths where they hold and
 * where they do not. A lambda or an anonymous class is one node here; its own code is another body.
 */
final class Expressions {
  private final CfgBuilder file;
  private final String typeName;
  private final FlowGraph graph;
  private final Names names;
  private final Statements statements;

  record Branches(List<Integer> whenTrue, List<Integer> whenFalse) {}

  /** @param statements for the statements of switch expressions */
  Expressions(
      CfgBuilder file, String typeName, FlowGraph graph, Names names, Statements statements) {
    this.file = file;
    this.typeName = typeName;
    this.graph = graph;
    this.names = names;
    this.statements = statements;
  }

  static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr x) {
      e = x.getInner();
    }
    return e;
  }

  /** Evaluates a condition, splitting control on short-circuit operators and constants. */
  Branches condition(Expression c) {
    c = unwrap(c);
    if (c instanceof BooleanLiteralExpr b) {
      List<Integer> here = new ArrayList<>(graph.frontier());
      return b.getValue()
          ? new Branches(here, new ArrayList<>())
          : new Branches(new ArrayList<>(), here);
    }
    if (c instanceof BinaryExpr bin && bin.getOperator() == BinaryExpr.Operator.AND) {
      Branches left = condition(bin.getLeft());
      graph.setFrontier(left.whenTrue());
      Branches right = condition(bin.getRight());
      List<Integer> whenFalse = new ArrayList<>(left.whenFalse());
      whenFalse.addAll(right.whenFalse());
      return new Branches(right.whenTrue(), whenFalse);
    }
    if (c instanceof BinaryExpr bin && bin.getOperator() == BinaryExpr.Operator.OR) {
      Branches left = condition(bin.getLeft());
      graph.setFrontier(left.whenFalse());
      Branches right = condition(bin.getRight());
      List<Integer> whenTrue = new ArrayList<>(left.whenTrue());
      whenTrue.addAll(right.whenTrue());
      return new Branches(whenTrue, right.whenFalse());
    }
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Branches inner = condition(u.getExpression());
      return new Branches(inner.whenFalse(), inner.whenTrue());
    }
    eval(c);
    // One node per outcome, so that analyses can tell the branches apart (a flag known to be
    // false makes its true branch unreachable).
    int whenTrue = graph.newNode(CfgNode.Kind.ASSUME_TRUE, c);
    int whenFalse = graph.newNode(CfgNode.Kind.ASSUME_FALSE, c);
    graph.connectAll(graph.frontier(), whenTrue, Edge.Kind.NORMAL);
    graph.connectAll(graph.frontier(), whenFalse, Edge.Kind.NORMAL);
    return new Branches(new ArrayList<>(List.of(whenTrue)), new ArrayList<>(List.of(whenFalse)));
  }

  private void evalScope(Expression scope) {
    Expression s = unwrap(scope);
    if (!(s instanceof ThisExpr || s instanceof SuperExpr || s instanceof TypeExpr)) {
      eval(s);
    }
  }

  void eval(Expression e) {
    if (e instanceof NameExpr n) {
      names.resolveName(n);
      graph.emit(CfgNode.Kind.EVAL, n);
    } else if (e instanceof EnclosedExpr x) {
      eval(x.getInner());
    } else if (e instanceof CastExpr c) {
      eval(c.getExpression());
    } else if (e instanceof MethodCallExpr m) {
      m.getScope().ifPresent(this::evalScope);
      m.getArguments().forEach(this::eval);
      graph.mayThrow(graph.emit(CfgNode.Kind.EVAL, m));
    } else if (e instanceof ObjectCreationExpr o) {
      o.getScope().ifPresent(this::evalScope);
      o.getArguments().forEach(this::eval);
      graph.mayThrow(graph.emit(CfgNode.Kind.EVAL, o));
      o.getAnonymousClassBody().ifPresent(members -> file.visitMembers(o, members, names));
    } else if (e instanceof FieldAccessExpr f) {
      evalScope(f.getScope());
      names.resolveField(f);
      graph.emit(CfgNode.Kind.EVAL, f);
    } else if (e instanceof AssignExpr a) {
      assignTarget(a);
      eval(a.getValue());
      graph.emit(CfgNode.Kind.EVAL, a);
    } else if (e instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
      Branches br = condition(b);
      graph.setFrontier(br.whenTrue());
      graph.frontier().addAll(br.whenFalse());
      graph.emit(CfgNode.Kind.EVAL, b);
    } else if (e instanceof BinaryExpr b) {
      eval(b.getLeft());
      eval(b.getRight());
      graph.emit(CfgNode.Kind.EVAL, b);
    } else if (e instanceof UnaryExpr u) {
      eval(u.getExpression());
      graph.emit(CfgNode.Kind.EVAL, u);
    } else if (e instanceof ConditionalExpr c) {
      Branches br = condition(c.getCondition());
      graph.setFrontier(br.whenTrue());
      eval(c.getThenExpr());
      List<Integer> thenEnd = graph.frontier();
      graph.setFrontier(br.whenFalse());
      eval(c.getElseExpr());
      graph.frontier().addAll(thenEnd);
      graph.emit(CfgNode.Kind.EVAL, c);
    } else if (e instanceof InstanceOfExpr i) {
      eval(i.getExpression());
      graph.emit(CfgNode.Kind.EVAL, i);
      i.getPattern().ifPresent(this::bindPattern);
    } else if (e instanceof LambdaExpr l) {
      graph.emit(CfgNode.Kind.EVAL, l);
      file.buildLambda(l, names, typeName);
    } else if (e instanceof MethodReferenceExpr r) {
      if (r.getScope() instanceof TypeExpr t
          && t.getType() instanceof ClassOrInterfaceType c
          && c.getScope().isEmpty()
          && c.getTypeArguments().isEmpty()) {
        // `buf::release` parses as a type name; a variable of that name is what it binds.
        if (names.resolve(t, c.getNameAsString()) != null) {
          graph.emit(CfgNode.Kind.EVAL, t);
        }
      } else {
        evalScope(r.getScope());
      }
      graph.emit(CfgNode.Kind.EVAL, r);
    } else if (e instanceof SwitchExpr s) {
      statements.switchBlock(s, s.getSelector(), s.getEntries(), true, null);
      graph.emit(CfgNode.Kind.EVAL, s);
    } else if (e instanceof ArrayAccessExpr a) {
      eval(a.getName());
      eval(a.getIndex());
      graph.emit(CfgNode.Kind.EVAL, a);
    } else if (e instanceof ArrayCreationExpr a) {
      a.getLevels().forEach(level -> level.getDimension().ifPresent(this::eval));
      a.getInitializer().ifPresent(this::eval);
      graph.emit(CfgNode.Kind.EVAL, a);
    } else if (e instanceof ArrayInitializerExpr a) {
      a.getValues().forEach(this::eval);
    } else if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        d.getInitializer().ifPresent(this::eval);
        Variable var = names.declare(d, Variable.Kind.LOCAL, v.getAnnotations());
        graph.emit(CfgNode.Kind.DECLARE, d, var, null, null);
      }
    } else if (e instanceof LiteralExpr
        || e instanceof ThisExpr
        || e instanceof SuperExpr
        || e instanceof ClassExpr
        || e instanceof TypeExpr) {
      // Nothing that ownership cares about happens.
    } else {
      for (Node child : e.getChildNodes()) {
        if (child instanceof Expression ce) {
          eval(ce);
        }
      }
      graph.emit(CfgNode.Kind.EVAL, e);
    }
  }

  /** The target of an assignment is written, not read (but a compound assignment reads it). */
  private void assignTarget(AssignExpr a) {
    Expression target = unwrap(a.getTarget());
    boolean compound = a.getOperator() != AssignExpr.Operator.ASSIGN;
    if (target instanceof NameExpr n) {
      names.resolveName(n);
      if (compound) {
        graph.emit(CfgNode.Kind.EVAL, n);
      }
    } else if (target instanceof FieldAccessExpr f) {
      evalScope(f.getScope());
      names.resolveField(f);
      if (compound) {
        graph.emit(CfgNode.Kind.EVAL, f);
      }
    } else if (target instanceof ArrayAccessExpr aa) {
      eval(aa.getName());
      eval(aa.getIndex());
    } else {
      eval(target);
    }
  }

  void bindPattern(ComponentPatternExpr p) {
    if (p instanceof TypePatternExpr tp) {
      Variable v = names.declare(tp, Variable.Kind.PATTERN, new NodeList<>());
      graph.emit(CfgNode.Kind.BIND, tp, v, null, null);
    } else if (p instanceof RecordPatternExpr rp) {
      for (ComponentPatternExpr component : rp.getPatternList()) {
        bindPattern(component);
      }
    }
  }
}
