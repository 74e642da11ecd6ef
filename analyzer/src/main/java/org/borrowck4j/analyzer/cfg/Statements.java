package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ComponentPatternExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Expressions.Branches;
import org.borrowck4j.analyzer.cfg.Frame.FinallyFrame;
import org.borrowck4j.analyzer.cfg.Frame.HandlerFrame;
import org.borrowck4j.analyzer.cfg.Frame.JumpFrame;
import org.borrowck4j.analyzer.cfg.Frame.ResourceFrame;
import org.borrowck4j.analyzer.cfg.Frame.ScopeFrame;

/**
 * Translates statements into the graph. Each construct that can be left early pushes a frame
 * (a scope, a loop or switch to break out of, a try's handlers, finally block and resources) for
 * the jumps and exceptions inside it to unwind.
 */
final class Statements {
  private final CfgBuilder file;
  private final FlowGraph graph;
  private final Names names;
  private final Expressions expressions;

  Statements(CfgBuilder file, String typeName, FlowGraph graph, Names names) {
    this.file = file;
    this.graph = graph;
    this.names = names;
    this.expressions = new Expressions(file, typeName, graph, names, this);
  }

  /** A lambda's expression body: its value is returned. */
  void expressionBody(Expression value) {
    expressions.eval(value);
    graph.returnWith(value, value);
  }

  void stmt(Statement s, String label) {
    if (s instanceof BlockStmt b) {
      block(b);
    } else if (s instanceof ExpressionStmt x) {
      expressions.eval(x.getExpression());
    } else if (s instanceof IfStmt i) {
      Branches b = expressions.condition(i.getCondition());
      graph.setFrontier(b.whenTrue());
      stmt(i.getThenStmt(), null);
      List<Integer> thenEnd = graph.frontier();
      graph.setFrontier(b.whenFalse());
      i.getElseStmt().ifPresent(e -> stmt(e, null));
      graph.frontier().addAll(thenEnd);
      graph.joinIfWide();
    } else if (s instanceof WhileStmt w) {
      whileLoop(w, label);
    } else if (s instanceof DoStmt d) {
      doLoop(d, label);
    } else if (s instanceof ForStmt f) {
      forLoop(f, label);
    } else if (s instanceof ForEachStmt f) {
      forEachLoop(f, label);
    } else if (s instanceof LabeledStmt l) {
      labeled(l);
    } else if (s instanceof BreakStmt b) {
      JumpFrame target =
          b.getLabel()
              .map(l -> graph.findJump(f -> l.asString().equals(f.label)))
              .orElseGet(() -> graph.findJump(f -> f.isLoop || f.isSwitchStatement));
      if (target != null) {
        graph.jump(target, target.breakTarget, Edge.Kind.NORMAL, b);
      } else {
        graph.cut();
      }
    } else if (s instanceof ContinueStmt c) {
      JumpFrame target =
          c.getLabel()
              .map(l -> graph.findJump(f -> f.isLoop && l.asString().equals(f.label)))
              .orElseGet(() -> graph.findJump(f -> f.isLoop));
      if (target != null) {
        graph.jump(
            target,
            target.continueTarget,
            target.continueIsBackEdge ? Edge.Kind.LOOP_BACK : Edge.Kind.NORMAL,
            c);
      } else {
        graph.cut();
      }
    } else if (s instanceof ReturnStmt r) {
      r.getExpression().ifPresent(expressions::eval);
      graph.returnWith(r, r.getExpression().orElse(null));
    } else if (s instanceof ThrowStmt t) {
      expressions.eval(t.getExpression());
      int n = graph.emit(CfgNode.Kind.THROW, t);
      graph.mayThrow(n);
      graph.cut();
    } else if (s instanceof YieldStmt y) {
      expressions.eval(y.getExpression());
      JumpFrame target = graph.findJump(f -> f.isSwitchExpression);
      if (target != null) {
        graph.jump(target, target.breakTarget, Edge.Kind.NORMAL, y);
      } else {
        graph.cut();
      }
    } else if (s instanceof TryStmt t) {
      tryStatement(t);
    } else if (s instanceof SwitchStmt sw) {
      switchBlock(sw, sw.getSelector(), sw.getEntries(), false, label);
    } else if (s instanceof SynchronizedStmt sync) {
      expressions.eval(sync.getExpression());
      block(sync.getBody());
    } else if (s instanceof AssertStmt a) {
      List<Integer> disabled = new ArrayList<>(graph.frontier());
      Branches b = expressions.condition(a.getCheck());
      graph.setFrontier(b.whenFalse());
      a.getMessage().ifPresent(expressions::eval);
      if (graph.isReachable()) {
        int fail = graph.emit(CfgNode.Kind.THROW, a);
        graph.mayThrow(fail);
      }
      graph.setFrontier(b.whenTrue());
      graph.frontier().addAll(disabled);
    } else if (s instanceof LocalClassDeclarationStmt lc) {
      file.visitType(lc.getClassDeclaration(), names);
    } else if (s instanceof LocalRecordDeclarationStmt lr) {
      file.visitType(lr.getRecordDeclaration(), names);
    } else if (s instanceof ExplicitConstructorInvocationStmt e) {
      e.getExpression().ifPresent(expressions::eval);
      e.getArguments().forEach(expressions::eval);
      graph.mayThrow(graph.emit(CfgNode.Kind.EVAL, e));
    }
    // EmptyStmt, UnparsableStmt: nothing happens.
  }

  void block(BlockStmt b) {
    ScopeFrame sf = names.pushScope(b);
    for (Statement s : b.getStatements()) {
      stmt(s, null);
    }
    names.popScope(sf);
  }

  private void labeled(LabeledStmt l) {
    Statement inner = l.getStatement();
    String label = l.getLabel().asString();
    if (inner instanceof WhileStmt
        || inner instanceof DoStmt
        || inner instanceof ForStmt
        || inner instanceof ForEachStmt
        || inner instanceof SwitchStmt) {
      stmt(inner, label);
      return;
    }
    int after = graph.newNode(CfgNode.Kind.JOIN, l);
    JumpFrame jf =
        graph.enter(new JumpFrame(graph.frame(), label, after, -1, false, false, false, false));
    stmt(inner, null);
    graph.connectAll(graph.frontier(), after, Edge.Kind.NORMAL);
    graph.leave(jf);
    graph.resumeAt(after);
  }

  private void whileLoop(WhileStmt w, String label) {
    int head = graph.emit(CfgNode.Kind.JOIN, w);
    int after = graph.newNode(CfgNode.Kind.JOIN, w);
    Branches b = expressions.condition(w.getCondition());
    graph.connectAll(b.whenFalse(), after, Edge.Kind.NORMAL);
    graph.setFrontier(b.whenTrue());
    loopBody(w.getBody(), label, after, head, true);
    graph.resumeAt(after);
  }

  private void doLoop(DoStmt d, String label) {
    int bodyStart = graph.emit(CfgNode.Kind.JOIN, d);
    int condStart = graph.newNode(CfgNode.Kind.JOIN, d.getCondition());
    int after = graph.newNode(CfgNode.Kind.JOIN, d);
    loopBody(d.getBody(), label, after, condStart, false);
    graph.resumeAt(condStart);
    Branches b = expressions.condition(d.getCondition());
    graph.connectAll(b.whenTrue(), bodyStart, Edge.Kind.LOOP_BACK);
    graph.connectAll(b.whenFalse(), after, Edge.Kind.NORMAL);
    graph.resumeAt(after);
  }

  private void forLoop(ForStmt f, String label) {
    ScopeFrame scope = names.pushScope(f);
    f.getInitialization().forEach(expressions::eval);
    int head = graph.emit(CfgNode.Kind.JOIN, f);
    int update = graph.newNode(CfgNode.Kind.JOIN, f);
    int after = graph.newNode(CfgNode.Kind.JOIN, f);
    if (f.getCompare().isPresent()) {
      Branches b = expressions.condition(f.getCompare().get());
      graph.connectAll(b.whenFalse(), after, Edge.Kind.NORMAL);
      graph.setFrontier(b.whenTrue());
    }
    loopBody(f.getBody(), label, after, update, false);
    graph.resumeAt(update);
    f.getUpdate().forEach(expressions::eval);
    graph.connectAll(graph.frontier(), head, Edge.Kind.LOOP_BACK);
    graph.resumeAt(after);
    names.popScope(scope);
  }

  private void forEachLoop(ForEachStmt f, String label) {
    expressions.eval(f.getIterable());
    ScopeFrame scope = names.pushScope(f);
    int head = graph.emit(CfgNode.Kind.FOREACH_NEXT, f);
    graph.mayThrow(head);
    int after = graph.newNode(CfgNode.Kind.JOIN, f);
    graph.connect(head, after, Edge.Kind.NORMAL);
    VariableDeclarationExpr decl = f.getVariable();
    for (VariableDeclarator d : decl.getVariables()) {
      Variable v = names.declare(d, Variable.Kind.FOREACH, decl.getAnnotations());
      graph.emit(CfgNode.Kind.BIND, d, v, null, null);
    }
    loopBody(f.getBody(), label, after, head, true);
    graph.resumeAt(after);
    names.popScope(scope);
  }

  /**
   * A loop's body: break goes to {@code after}, continue to {@code next}, and so does control that
   * reaches the end of the body.
   */
  private void loopBody(
      Statement body, String label, int after, int next, boolean continueIsBackEdge) {
    JumpFrame jf =
        graph.enter(
            new JumpFrame(
                graph.frame(), label, after, next, true, false, false, continueIsBackEdge));
    stmt(body, null);
    graph.connectAll(
        graph.frontier(), next, continueIsBackEdge ? Edge.Kind.LOOP_BACK : Edge.Kind.NORMAL);
    graph.leave(jf);
  }

  private void tryStatement(TryStmt t) {
    Frame saved = graph.frame();
    if (t.getFinallyBlock().isPresent()) {
      graph.enter(new FinallyFrame(graph.frame(), t.getFinallyBlock().get()));
    }
    Frame finallyOrSaved = graph.frame();
    List<Integer> catchEntries = new ArrayList<>();
    if (!t.getCatchClauses().isEmpty()) {
      for (CatchClause c : t.getCatchClauses()) {
        catchEntries.add(graph.newNode(CfgNode.Kind.JOIN, c));
      }
      graph.enter(new HandlerFrame(graph.frame(), catchEntries, catchesAll(t)));
    }
    Frame handlerTop = graph.frame();
    ScopeFrame resources = null;
    if (!t.getResources().isEmpty()) {
      resources = names.pushScope(t);
      for (Expression r : t.getResources()) {
        if (r instanceof VariableDeclarationExpr v) {
          for (VariableDeclarator d : v.getVariables()) {
            d.getInitializer().ifPresent(expressions::eval);
            Variable var = names.declare(d, Variable.Kind.RESOURCE, v.getAnnotations());
            graph.emit(CfgNode.Kind.DECLARE, d, var, null, null);
            graph.enter(new ResourceFrame(graph.frame(), d, var));
          }
        } else {
          expressions.eval(r);
          Variable var = names.resolution(Expressions.unwrap(r));
          graph.enter(new ResourceFrame(graph.frame(), r, var));
        }
      }
    }
    block(t.getTryBlock());
    graph.unwindTo(handlerTop);
    graph.restore(finallyOrSaved);
    if (resources != null) {
      names.hide(resources); // their ends were emitted by the unwinding above
    }
    List<Integer> after = graph.frontier();
    for (int i = 0; i < t.getCatchClauses().size(); i++) {
      CatchClause c = t.getCatchClauses().get(i);
      graph.resumeAt(catchEntries.get(i));
      ScopeFrame cs = names.pushScope(c);
      Parameter parameter = c.getParameter();
      Variable p =
          names.declare(parameter, Variable.Kind.CATCH_PARAMETER, parameter.getAnnotations());
      graph.emit(CfgNode.Kind.BIND, parameter, p, null, null);
      block(c.getBody());
      names.popScope(cs);
      after.addAll(graph.frontier());
    }
    graph.setFrontier(after);
    graph.restore(saved);
    if (t.getFinallyBlock().isPresent() && graph.isReachable()) {
      stmt(t.getFinallyBlock().get(), null);
    }
  }

  private static boolean catchesAll(TryStmt t) {
    for (CatchClause c : t.getCatchClauses()) {
      Type type = c.getParameter().getType();
      List<ReferenceType> alternatives =
          type instanceof UnionType u ? u.getElements() : List.of((ReferenceType) type);
      for (ReferenceType alt : alternatives) {
        String name = alt.asString();
        if (name.equals("Throwable") || name.equals("java.lang.Throwable")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A switch statement or expression. Every case is reachable from the selector; a failed guard
   * moves on to the next case; statement groups fall through; arrow cases do not.
   */
  void switchBlock(
      Node sw, Expression selector, NodeList<SwitchEntry> entries, boolean isExpression, String label) {
    expressions.eval(selector);
    int dispatch = graph.emit(CfgNode.Kind.JOIN, sw);
    int after = graph.newNode(CfgNode.Kind.JOIN, sw);
    JumpFrame jf =
        graph.enter(
            new JumpFrame(
                graph.frame(), label, after, -1, false, !isExpression, isExpression, false));
    ScopeFrame shared = names.pushScope(sw);
    boolean hasDefault = false;
    boolean usesPatterns = false;
    List<Integer> fallthrough = new ArrayList<>();
    List<Integer> guardFailed = new ArrayList<>();
    for (SwitchEntry e : entries) {
      hasDefault |= e.isDefault();
      graph.setFrontier(new ArrayList<>(guardFailed));
      graph.frontier().add(dispatch);
      boolean arrow = e.getType() != SwitchEntry.Type.STATEMENT_GROUP;
      ScopeFrame armScope = arrow ? names.pushScope(e) : null;
      for (Expression l : e.getLabels()) {
        if (l instanceof ComponentPatternExpr p) {
          usesPatterns = true;
          expressions.bindPattern(p);
        } else if (l instanceof NullLiteralExpr) {
          usesPatterns = true;
        }
      }
      if (e.getGuard().isPresent()) {
        usesPatterns = true;
        Branches g = expressions.condition(e.getGuard().get());
        guardFailed = g.whenFalse();
        graph.setFrontier(g.whenTrue());
      } else {
        guardFailed = new ArrayList<>();
      }
      if (!arrow) {
        graph.frontier().addAll(fallthrough);
      }
      for (Statement s : e.getStatements()) {
        stmt(s, null);
      }
      if (arrow) {
        names.popScope(armScope);
        graph.connectAll(graph.frontier(), after, Edge.Kind.NORMAL);
        fallthrough = new ArrayList<>();
      } else {
        fallthrough = graph.frontier();
      }
    }
    graph.setFrontier(fallthrough);
    graph.frontier().addAll(guardFailed);
    names.popScope(shared);
    graph.connectAll(graph.frontier(), after, Edge.Kind.NORMAL);
    if (!hasDefault && !isExpression && !usesPatterns) {
      graph.connect(dispatch, after, Edge.Kind.NORMAL);
    }
    graph.leave(jf);
    graph.resumeAt(after);
  }
}
