package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
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
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.RecordPatternExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
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
import com.github.javaparser.ast.type.UnknownType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the CFG of one body. Control that leaves a construct early (break, continue, return,
 * yield, a throw) unwinds the frames it crosses: scopes end, try-with-resources resources close
 * in reverse order, finally blocks run (each exit gets its own copy of the finally block, as javac
 * inlines them). Exceptions from one frame share one landing pad.
 */
final class BodyBuilder implements CfgBuilder.Environment {
  private final CfgBuilder file;
  private final CfgBuilder.Environment outer;
  private final String typeName;
  private final List<CfgNode> nodes = new ArrayList<>();
  private final IdentityHashMap<Node, Variable> resolutions = new IdentityHashMap<>();
  private final Set<Variable> captured = new LinkedHashSet<>();
  private final Map<Frame, Integer> landingPads = new IdentityHashMap<>();
  private List<Integer> frontier = new ArrayList<>();
  private Frame frame;
  private BodyFrame root;
  private int exit;
  private int exceptionalExit;

  BodyBuilder(CfgBuilder file, CfgBuilder.Environment outer, String typeName) {
    this.file = file;
    this.outer = outer;
    this.typeName = typeName;
  }

  // ---- frames: what a jump or an exception crosses on its way out ----

  private abstract static class Frame {
    final Frame parent;

    Frame(Frame parent) {
      this.parent = parent;
    }
  }

  private static final class BodyFrame extends Frame {
    BodyFrame() {
      super(null);
    }
  }

  private static final class ScopeFrame extends Frame {
    final Scope scope;
    final Map<String, Variable> names = new HashMap<>();

    ScopeFrame(Frame parent, Scope scope) {
      super(parent);
      this.scope = scope;
    }
  }

  private static final class FinallyFrame extends Frame {
    final BlockStmt block;

    FinallyFrame(Frame parent, BlockStmt block) {
      super(parent);
      this.block = block;
    }
  }

  private static final class HandlerFrame extends Frame {
    final List<Integer> catchEntries;
    final boolean catchesAll;

    HandlerFrame(Frame parent, List<Integer> catchEntries, boolean catchesAll) {
      super(parent);
      this.catchEntries = catchEntries;
      this.catchesAll = catchesAll;
    }
  }

  private static final class ResourceFrame extends Frame {
    final Node resource;
    final Variable variable;

    ResourceFrame(Frame parent, Node resource, Variable variable) {
      super(parent);
      this.resource = resource;
      this.variable = variable;
    }
  }

  private static final class JumpFrame extends Frame {
    final String label;
    final int breakTarget;
    final int continueTarget;
    final boolean isLoop;
    final boolean isSwitchStatement;
    final boolean isSwitchExpression;
    final boolean continueIsBackEdge;

    JumpFrame(
        Frame parent,
        String label,
        int breakTarget,
        int continueTarget,
        boolean isLoop,
        boolean isSwitchStatement,
        boolean isSwitchExpression,
        boolean continueIsBackEdge) {
      super(parent);
      this.label = label;
      this.breakTarget = breakTarget;
      this.continueTarget = continueTarget;
      this.isLoop = isLoop;
      this.isSwitchStatement = isSwitchStatement;
      this.isSwitchExpression = isSwitchExpression;
      this.continueIsBackEdge = continueIsBackEdge;
    }
  }

  private record Branches(List<Integer> whenTrue, List<Integer> whenFalse) {}

  // ---- entry point ----

  Body build(
      Body.Kind kind,
      Node declaration,
      Node enclosingType,
      String displayName,
      List<Parameter> parameters,
      Statement body,
      Expression expressionBody) {
    int entry = newNode(CfgNode.Kind.ENTRY, declaration, null, null, null);
    exit = newNode(CfgNode.Kind.EXIT, declaration, null, null, null);
    exceptionalExit = newNode(CfgNode.Kind.EXCEPTIONAL_EXIT, declaration, null, null, null);
    frontier.add(entry);
    root = new BodyFrame();
    frame = root;
    ScopeFrame parameterScope = pushScope(declaration);
    List<Variable> params = new ArrayList<>();
    Variable.Kind paramKind =
        kind == Body.Kind.LAMBDA ? Variable.Kind.LAMBDA_PARAMETER : Variable.Kind.PARAMETER;
    for (Parameter p : parameters) {
      params.add(declare(p, paramKind, p.getAnnotations()));
    }
    if (expressionBody != null) {
      eval(expressionBody);
      returnWith(expressionBody, expressionBody);
    } else if (body != null) {
      stmt(body, null);
    }
    if (!frontier.isEmpty()) {
      unwindTo(root);
      connectAll(frontier, exit, Edge.Kind.NORMAL);
    }
    assert frame == parameterScope;
    Cfg cfg = new Cfg(nodes, entry, exit, exceptionalExit);
    return new Body(
        kind, declaration, enclosingType, displayName, params, cfg, resolutions, captured);
  }

  // ---- names ----

  /**
   * The locals in scope by name, innermost declaration first: one map for the whole body, so a
   * name costs the same however deeply it is nested (walking the scope frames made code nested
   * tens of thousands deep quadratic). Java forbids a local to shadow another, so a stack per name
   * only ever differs from the frames for invalid code.
   */
  private final Map<String, ArrayDeque<Variable>> visible = new HashMap<>();

  @Override
  public Variable lookup(String name) {
    ArrayDeque<Variable> declared = visible.get(name);
    if (declared != null && !declared.isEmpty()) {
      return declared.peek();
    }
    Variable v = outer.lookup(name);
    if (v != null && !v.isField()) {
      captured.add(v);
    }
    return v;
  }

  @Override
  public Variable lookupField(String name) {
    return outer.lookupField(name);
  }

  private void resolveName(NameExpr name) {
    Variable v = lookup(name.getNameAsString());
    if (v != null) {
      resolutions.put(name, v);
    }
  }

  private void resolveField(FieldAccessExpr access) {
    if (access.getScope() instanceof ThisExpr t && t.getTypeName().isEmpty()) {
      Variable v = lookupField(access.getNameAsString());
      if (v != null) {
        resolutions.put(access, v);
      }
    }
  }

  private Variable declare(Node declaration, Variable.Kind kind, NodeList<AnnotationExpr> annotations) {
    Variable v =
        file.variableFor(
            declaration,
            () -> {
              String name;
              Type type;
              if (declaration instanceof VariableDeclarator d) {
                name = d.getNameAsString();
                type = d.getType();
              } else if (declaration instanceof Parameter p) {
                name = p.getNameAsString();
                type = p.getType() instanceof UnknownType ? null : p.getType();
              } else if (declaration instanceof TypePatternExpr tp) {
                name = tp.getNameAsString();
                type = tp.getType();
              } else {
                throw new IllegalArgumentException("not a declaration: " + declaration);
              }
              return file.newVariable(name, kind, declaration, type, annotations, false);
            });
    for (Frame f = frame; f != null; f = f.parent) {
      if (f instanceof ScopeFrame sf) {
        if (sf.names.put(v.name(), v) != v) {
          visible.computeIfAbsent(v.name(), k -> new ArrayDeque<>()).push(v);
        }
        if (!sf.scope.variables().contains(v)) {
          sf.scope.add(v);
        }
        break;
      }
    }
    return v;
  }

  // ---- graph primitives ----

  private int newNode(CfgNode.Kind kind, Node ast, Variable v, List<Variable> vars, Node value) {
    int id = nodes.size();
    nodes.add(new CfgNode(id, kind, ast, v, vars, value));
    return id;
  }

  private int emit(CfgNode.Kind kind, Node ast) {
    return emit(kind, ast, null, null, null);
  }

  /** Adds a node after the current frontier; it becomes the frontier. */
  private int emit(CfgNode.Kind kind, Node ast, Variable v, List<Variable> vars, Node value) {
    int id = newNode(kind, ast, v, vars, value);
    connectAll(frontier, id, Edge.Kind.NORMAL);
    frontier = new ArrayList<>(2);
    frontier.add(id);
    return id;
  }

  /**
   * Joins a frontier grown wide into one node: ifs nested thousands deep would otherwise carry
   * ever longer frontiers outwards, a quadratic cost. Ordinary code never gets this wide.
   */
  private void joinIfWide() {
    if (frontier.size() > 32) {
      int join = newNode(CfgNode.Kind.JOIN, null, null, null, null);
      connectAll(frontier, join, Edge.Kind.NORMAL);
      frontier = new ArrayList<>(2);
      frontier.add(join);
    }
  }

  private void connect(int from, int to, Edge.Kind kind) {
    Edge e = new Edge(from, to, kind);
    nodes.get(from).successors.add(e);
    nodes.get(to).predecessors.add(e);
  }

  private void connectAll(List<Integer> from, int to, Edge.Kind kind) {
    for (int f : from) {
      connect(f, to, kind);
    }
  }

  /** The node just emitted can throw: an edge to the innermost handler. */
  private void mayThrow(int node) {
    connect(node, landingPad(frame), Edge.Kind.EXCEPTION);
  }

  private ScopeFrame pushScope(Node owner) {
    ScopeFrame sf = new ScopeFrame(frame, new Scope(owner));
    frame = sf;
    return sf;
  }

  private void popScope(ScopeFrame sf) {
    if (!frontier.isEmpty() && !sf.scope.variables().isEmpty()) {
      emit(CfgNode.Kind.SCOPE_END, sf.scope.owner(), null, List.copyOf(sf.scope.variables()), null);
    }
    hide(sf);
    frame = sf.parent;
  }

  /** The names a scope declared are no longer visible. */
  private void hide(ScopeFrame sf) {
    for (Variable v : sf.names.values()) {
      ArrayDeque<Variable> declared = visible.get(v.name());
      if (declared != null) {
        declared.remove(v);
      }
    }
  }

  /** Emits what leaving every frame up to (not including) {@code target} does. */
  private void unwindTo(Frame target) {
    unwindTo(target, null);
  }

  /**
   * @param jump the {@code return}, {@code break}, {@code continue} or {@code yield} that leaves,
   *     recorded on the scope ends it causes (diagnostics point at it)
   */
  private void unwindTo(Frame target, Node jump) {
    for (Frame f = frame; f != null && f != target; f = f.parent) {
      if (frontier.isEmpty()) {
        return;
      }
      if (f instanceof ScopeFrame sf && !sf.scope.variables().isEmpty()) {
        emit(CfgNode.Kind.SCOPE_END, sf.scope.owner(), null, List.copyOf(sf.scope.variables()), jump);
      } else if (f instanceof ResourceFrame rf) {
        emit(CfgNode.Kind.CLOSE_RESOURCE, rf.resource, rf.variable, null, null);
      } else if (f instanceof FinallyFrame ff) {
        Frame saved = frame;
        frame = ff.parent;
        stmt(ff.block, null);
        frame = saved;
      }
    }
  }

  private int landingPad(Frame f) {
    Integer memo = landingPads.get(f);
    if (memo != null) {
      return memo;
    }
    int pad;
    if (f instanceof BodyFrame) {
      pad = exceptionalExit;
    } else if (f instanceof ScopeFrame sf) {
      // The live variable list: later declarations in the scope leave it on this path too.
      pad = newNode(CfgNode.Kind.SCOPE_END, sf.scope.owner(), null, sf.scope.variables(), null);
      connect(pad, landingPad(sf.parent), Edge.Kind.NORMAL);
    } else if (f instanceof ResourceFrame rf) {
      pad = newNode(CfgNode.Kind.CLOSE_RESOURCE, rf.resource, rf.variable, null, null);
      connect(pad, landingPad(rf.parent), Edge.Kind.NORMAL);
    } else if (f instanceof FinallyFrame ff) {
      pad = newNode(CfgNode.Kind.JOIN, ff.block, null, null, null);
      List<Integer> savedFrontier = frontier;
      Frame savedFrame = frame;
      frontier = new ArrayList<>(List.of(pad));
      frame = ff.parent;
      stmt(ff.block, null);
      if (!frontier.isEmpty()) {
        connectAll(frontier, landingPad(ff.parent), Edge.Kind.NORMAL);
      }
      frontier = savedFrontier;
      frame = savedFrame;
    } else if (f instanceof HandlerFrame hf) {
      pad = newNode(CfgNode.Kind.JOIN, null, null, null, null);
      for (int entry : hf.catchEntries) {
        connect(pad, entry, Edge.Kind.NORMAL);
      }
      if (!hf.catchesAll) {
        connect(pad, landingPad(hf.parent), Edge.Kind.NORMAL);
      }
    } else {
      pad = landingPad(f.parent);
    }
    landingPads.put(f, pad);
    return pad;
  }

  private void returnWith(Node ast, Node value) {
    emit(CfgNode.Kind.RETURN, ast, null, null, value);
    unwindTo(root, ast);
    connectAll(frontier, exit, Edge.Kind.NORMAL);
    frontier = new ArrayList<>();
  }

  private void jump(JumpFrame target, int to, Edge.Kind kind, Node jump) {
    unwindTo(target, jump);
    connectAll(frontier, to, kind);
    frontier = new ArrayList<>();
  }

  // ---- statements ----

  private void stmt(Statement s, String label) {
    if (s instanceof BlockStmt b) {
      block(b);
    } else if (s instanceof ExpressionStmt x) {
      eval(x.getExpression());
    } else if (s instanceof IfStmt i) {
      Branches b = condition(i.getCondition());
      frontier = b.whenTrue();
      stmt(i.getThenStmt(), null);
      List<Integer> thenEnd = frontier;
      frontier = b.whenFalse();
      i.getElseStmt().ifPresent(e -> stmt(e, null));
      frontier.addAll(thenEnd);
      joinIfWide();
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
              .map(l -> findJump(f -> l.asString().equals(f.label)))
              .orElseGet(() -> findJump(f -> f.isLoop || f.isSwitchStatement));
      if (target != null) {
        jump(target, target.breakTarget, Edge.Kind.NORMAL, b);
      } else {
        frontier = new ArrayList<>();
      }
    } else if (s instanceof ContinueStmt c) {
      JumpFrame target =
          c.getLabel()
              .map(l -> findJump(f -> f.isLoop && l.asString().equals(f.label)))
              .orElseGet(() -> findJump(f -> f.isLoop));
      if (target != null) {
        jump(
            target,
            target.continueTarget,
            target.continueIsBackEdge ? Edge.Kind.LOOP_BACK : Edge.Kind.NORMAL,
            c);
      } else {
        frontier = new ArrayList<>();
      }
    } else if (s instanceof ReturnStmt r) {
      r.getExpression().ifPresent(this::eval);
      returnWith(r, r.getExpression().orElse(null));
    } else if (s instanceof ThrowStmt t) {
      eval(t.getExpression());
      int n = emit(CfgNode.Kind.THROW, t);
      mayThrow(n);
      frontier = new ArrayList<>();
    } else if (s instanceof YieldStmt y) {
      eval(y.getExpression());
      JumpFrame target = findJump(f -> f.isSwitchExpression);
      if (target != null) {
        jump(target, target.breakTarget, Edge.Kind.NORMAL, y);
      } else {
        frontier = new ArrayList<>();
      }
    } else if (s instanceof TryStmt t) {
      tryStatement(t);
    } else if (s instanceof SwitchStmt sw) {
      switchBlock(sw, sw.getSelector(), sw.getEntries(), false, label);
    } else if (s instanceof SynchronizedStmt sync) {
      eval(sync.getExpression());
      block(sync.getBody());
    } else if (s instanceof AssertStmt a) {
      List<Integer> disabled = new ArrayList<>(frontier);
      Branches b = condition(a.getCheck());
      frontier = b.whenFalse();
      a.getMessage().ifPresent(this::eval);
      if (!frontier.isEmpty()) {
        int fail = emit(CfgNode.Kind.THROW, a);
        mayThrow(fail);
      }
      frontier = b.whenTrue();
      frontier.addAll(disabled);
    } else if (s instanceof LocalClassDeclarationStmt lc) {
      file.visitType(lc.getClassDeclaration(), this);
    } else if (s instanceof LocalRecordDeclarationStmt lr) {
      file.visitType(lr.getRecordDeclaration(), this);
    } else if (s instanceof ExplicitConstructorInvocationStmt e) {
      e.getExpression().ifPresent(this::eval);
      e.getArguments().forEach(this::eval);
      mayThrow(emit(CfgNode.Kind.EVAL, e));
    }
    // EmptyStmt, UnparsableStmt: nothing happens.
  }

  private JumpFrame findJump(java.util.function.Predicate<JumpFrame> wanted) {
    for (Frame f = frame; f != null; f = f.parent) {
      if (f instanceof JumpFrame jf && wanted.test(jf)) {
        return jf;
      }
    }
    return null;
  }

  private void block(BlockStmt b) {
    ScopeFrame sf = pushScope(b);
    for (Statement s : b.getStatements()) {
      stmt(s, null);
    }
    popScope(sf);
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
    int after = newNode(CfgNode.Kind.JOIN, l, null, null, null);
    JumpFrame jf = new JumpFrame(frame, label, after, -1, false, false, false, false);
    frame = jf;
    stmt(inner, null);
    connectAll(frontier, after, Edge.Kind.NORMAL);
    frame = jf.parent;
    frontier = new ArrayList<>(List.of(after));
  }

  private void whileLoop(WhileStmt w, String label) {
    int head = emit(CfgNode.Kind.JOIN, w);
    int after = newNode(CfgNode.Kind.JOIN, w, null, null, null);
    Branches b = condition(w.getCondition());
    connectAll(b.whenFalse(), after, Edge.Kind.NORMAL);
    frontier = b.whenTrue();
    JumpFrame jf = new JumpFrame(frame, label, after, head, true, false, false, true);
    frame = jf;
    stmt(w.getBody(), null);
    connectAll(frontier, head, Edge.Kind.LOOP_BACK);
    frame = jf.parent;
    frontier = new ArrayList<>(List.of(after));
  }

  private void doLoop(DoStmt d, String label) {
    int bodyStart = emit(CfgNode.Kind.JOIN, d);
    int condStart = newNode(CfgNode.Kind.JOIN, d.getCondition(), null, null, null);
    int after = newNode(CfgNode.Kind.JOIN, d, null, null, null);
    JumpFrame jf = new JumpFrame(frame, label, after, condStart, true, false, false, false);
    frame = jf;
    stmt(d.getBody(), null);
    connectAll(frontier, condStart, Edge.Kind.NORMAL);
    frame = jf.parent;
    frontier = new ArrayList<>(List.of(condStart));
    Branches b = condition(d.getCondition());
    connectAll(b.whenTrue(), bodyStart, Edge.Kind.LOOP_BACK);
    connectAll(b.whenFalse(), after, Edge.Kind.NORMAL);
    frontier = new ArrayList<>(List.of(after));
  }

  private void forLoop(ForStmt f, String label) {
    ScopeFrame scope = pushScope(f);
    f.getInitialization().forEach(this::eval);
    int head = emit(CfgNode.Kind.JOIN, f);
    int update = newNode(CfgNode.Kind.JOIN, f, null, null, null);
    int after = newNode(CfgNode.Kind.JOIN, f, null, null, null);
    if (f.getCompare().isPresent()) {
      Branches b = condition(f.getCompare().get());
      connectAll(b.whenFalse(), after, Edge.Kind.NORMAL);
      frontier = b.whenTrue();
    }
    JumpFrame jf = new JumpFrame(frame, label, after, update, true, false, false, false);
    frame = jf;
    stmt(f.getBody(), null);
    connectAll(frontier, update, Edge.Kind.NORMAL);
    frame = jf.parent;
    frontier = new ArrayList<>(List.of(update));
    f.getUpdate().forEach(this::eval);
    connectAll(frontier, head, Edge.Kind.LOOP_BACK);
    frontier = new ArrayList<>(List.of(after));
    popScope(scope);
  }

  private void forEachLoop(ForEachStmt f, String label) {
    eval(f.getIterable());
    ScopeFrame scope = pushScope(f);
    int head = emit(CfgNode.Kind.FOREACH_NEXT, f);
    mayThrow(head);
    int after = newNode(CfgNode.Kind.JOIN, f, null, null, null);
    connect(head, after, Edge.Kind.NORMAL);
    VariableDeclarationExpr decl = f.getVariable();
    for (VariableDeclarator d : decl.getVariables()) {
      Variable v = declare(d, Variable.Kind.FOREACH, decl.getAnnotations());
      emit(CfgNode.Kind.BIND, d, v, null, null);
    }
    JumpFrame jf = new JumpFrame(frame, label, after, head, true, false, false, true);
    frame = jf;
    stmt(f.getBody(), null);
    connectAll(frontier, head, Edge.Kind.LOOP_BACK);
    frame = jf.parent;
    frontier = new ArrayList<>(List.of(after));
    popScope(scope);
  }

  private void tryStatement(TryStmt t) {
    Frame saved = frame;
    if (t.getFinallyBlock().isPresent()) {
      frame = new FinallyFrame(frame, t.getFinallyBlock().get());
    }
    Frame finallyOrSaved = frame;
    List<Integer> catchEntries = new ArrayList<>();
    if (!t.getCatchClauses().isEmpty()) {
      for (CatchClause c : t.getCatchClauses()) {
        catchEntries.add(newNode(CfgNode.Kind.JOIN, c, null, null, null));
      }
      frame = new HandlerFrame(frame, catchEntries, catchesAll(t));
    }
    Frame handlerTop = frame;
    ScopeFrame resources = null;
    if (!t.getResources().isEmpty()) {
      resources = pushScope(t);
      for (Expression r : t.getResources()) {
        if (r instanceof VariableDeclarationExpr v) {
          for (VariableDeclarator d : v.getVariables()) {
            d.getInitializer().ifPresent(this::eval);
            Variable var = declare(d, Variable.Kind.RESOURCE, v.getAnnotations());
            emit(CfgNode.Kind.DECLARE, d, var, null, null);
            frame = new ResourceFrame(frame, d, var);
          }
        } else {
          eval(r);
          frame = new ResourceFrame(frame, r, resolutions.get(unwrap(r)));
        }
      }
    }
    block(t.getTryBlock());
    unwindTo(handlerTop);
    frame = finallyOrSaved;
    if (resources != null) {
      hide(resources); // their ends were emitted by the unwinding above
    }
    List<Integer> after = frontier;
    for (int i = 0; i < t.getCatchClauses().size(); i++) {
      CatchClause c = t.getCatchClauses().get(i);
      frontier = new ArrayList<>(List.of(catchEntries.get(i)));
      ScopeFrame cs = pushScope(c);
      Variable p = declare(c.getParameter(), Variable.Kind.CATCH_PARAMETER, c.getParameter().getAnnotations());
      emit(CfgNode.Kind.BIND, c.getParameter(), p, null, null);
      block(c.getBody());
      popScope(cs);
      after.addAll(frontier);
    }
    frontier = after;
    frame = saved;
    if (t.getFinallyBlock().isPresent() && !frontier.isEmpty()) {
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
  private void switchBlock(
      Node sw, Expression selector, NodeList<SwitchEntry> entries, boolean isExpression, String label) {
    eval(selector);
    int dispatch = emit(CfgNode.Kind.JOIN, sw);
    int after = newNode(CfgNode.Kind.JOIN, sw, null, null, null);
    JumpFrame jf = new JumpFrame(frame, label, after, -1, false, !isExpression, isExpression, false);
    frame = jf;
    ScopeFrame shared = pushScope(sw);
    boolean hasDefault = false;
    boolean usesPatterns = false;
    List<Integer> fallthrough = new ArrayList<>();
    List<Integer> guardFailed = new ArrayList<>();
    for (SwitchEntry e : entries) {
      hasDefault |= e.isDefault();
      frontier = new ArrayList<>(guardFailed);
      frontier.add(dispatch);
      boolean arrow = e.getType() != SwitchEntry.Type.STATEMENT_GROUP;
      ScopeFrame armScope = arrow ? pushScope(e) : null;
      for (Expression l : e.getLabels()) {
        if (l instanceof ComponentPatternExpr p) {
          usesPatterns = true;
          bindPattern(p);
        } else if (l instanceof NullLiteralExpr) {
          usesPatterns = true;
        }
      }
      if (e.getGuard().isPresent()) {
        usesPatterns = true;
        Branches g = condition(e.getGuard().get());
        guardFailed = g.whenFalse();
        frontier = g.whenTrue();
      } else {
        guardFailed = new ArrayList<>();
      }
      if (!arrow) {
        frontier.addAll(fallthrough);
      }
      for (Statement s : e.getStatements()) {
        stmt(s, null);
      }
      if (arrow) {
        popScope(armScope);
        connectAll(frontier, after, Edge.Kind.NORMAL);
        fallthrough = new ArrayList<>();
      } else {
        fallthrough = frontier;
      }
    }
    frontier = fallthrough;
    frontier.addAll(guardFailed);
    popScope(shared);
    connectAll(frontier, after, Edge.Kind.NORMAL);
    if (!hasDefault && !isExpression && !usesPatterns) {
      connect(dispatch, after, Edge.Kind.NORMAL);
    }
    frame = jf.parent;
    frontier = new ArrayList<>(List.of(after));
  }

  private void bindPattern(ComponentPatternExpr p) {
    if (p instanceof TypePatternExpr tp) {
      Variable v = declare(tp, Variable.Kind.PATTERN, new NodeList<>());
      emit(CfgNode.Kind.BIND, tp, v, null, null);
    } else if (p instanceof RecordPatternExpr rp) {
      for (ComponentPatternExpr component : rp.getPatternList()) {
        bindPattern(component);
      }
    }
  }

  // ---- expressions ----

  private static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr x) {
      e = x.getInner();
    }
    return e;
  }

  /** Evaluates a condition, splitting control on short-circuit operators and constants. */
  private Branches condition(Expression c) {
    c = unwrap(c);
    if (c instanceof BooleanLiteralExpr b) {
      List<Integer> here = new ArrayList<>(frontier);
      return b.getValue()
          ? new Branches(here, new ArrayList<>())
          : new Branches(new ArrayList<>(), here);
    }
    if (c instanceof BinaryExpr bin && bin.getOperator() == BinaryExpr.Operator.AND) {
      Branches left = condition(bin.getLeft());
      frontier = left.whenTrue();
      Branches right = condition(bin.getRight());
      List<Integer> whenFalse = new ArrayList<>(left.whenFalse());
      whenFalse.addAll(right.whenFalse());
      return new Branches(right.whenTrue(), whenFalse);
    }
    if (c instanceof BinaryExpr bin && bin.getOperator() == BinaryExpr.Operator.OR) {
      Branches left = condition(bin.getLeft());
      frontier = left.whenFalse();
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
    int whenTrue = newNode(CfgNode.Kind.ASSUME_TRUE, c, null, null, null);
    int whenFalse = newNode(CfgNode.Kind.ASSUME_FALSE, c, null, null, null);
    connectAll(frontier, whenTrue, Edge.Kind.NORMAL);
    connectAll(frontier, whenFalse, Edge.Kind.NORMAL);
    return new Branches(new ArrayList<>(List.of(whenTrue)), new ArrayList<>(List.of(whenFalse)));
  }

  private void evalScope(Expression scope) {
    Expression s = unwrap(scope);
    if (!(s instanceof ThisExpr || s instanceof SuperExpr || s instanceof TypeExpr)) {
      eval(s);
    }
  }

  private void eval(Expression e) {
    if (e instanceof NameExpr n) {
      resolveName(n);
      emit(CfgNode.Kind.EVAL, n);
    } else if (e instanceof EnclosedExpr x) {
      eval(x.getInner());
    } else if (e instanceof CastExpr c) {
      eval(c.getExpression());
    } else if (e instanceof MethodCallExpr m) {
      m.getScope().ifPresent(this::evalScope);
      m.getArguments().forEach(this::eval);
      mayThrow(emit(CfgNode.Kind.EVAL, m));
    } else if (e instanceof ObjectCreationExpr o) {
      o.getScope().ifPresent(this::evalScope);
      o.getArguments().forEach(this::eval);
      mayThrow(emit(CfgNode.Kind.EVAL, o));
      o.getAnonymousClassBody().ifPresent(members -> file.visitMembers(o, members, this));
    } else if (e instanceof FieldAccessExpr f) {
      evalScope(f.getScope());
      resolveField(f);
      emit(CfgNode.Kind.EVAL, f);
    } else if (e instanceof AssignExpr a) {
      assignTarget(a);
      eval(a.getValue());
      emit(CfgNode.Kind.EVAL, a);
    } else if (e instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
      Branches br = condition(b);
      frontier = br.whenTrue();
      frontier.addAll(br.whenFalse());
      emit(CfgNode.Kind.EVAL, b);
    } else if (e instanceof BinaryExpr b) {
      eval(b.getLeft());
      eval(b.getRight());
      emit(CfgNode.Kind.EVAL, b);
    } else if (e instanceof UnaryExpr u) {
      eval(u.getExpression());
      emit(CfgNode.Kind.EVAL, u);
    } else if (e instanceof ConditionalExpr c) {
      Branches br = condition(c.getCondition());
      frontier = br.whenTrue();
      eval(c.getThenExpr());
      List<Integer> thenEnd = frontier;
      frontier = br.whenFalse();
      eval(c.getElseExpr());
      frontier.addAll(thenEnd);
      emit(CfgNode.Kind.EVAL, c);
    } else if (e instanceof InstanceOfExpr i) {
      eval(i.getExpression());
      emit(CfgNode.Kind.EVAL, i);
      i.getPattern().ifPresent(this::bindPattern);
    } else if (e instanceof LambdaExpr l) {
      emit(CfgNode.Kind.EVAL, l);
      file.buildLambda(l, this, typeName);
    } else if (e instanceof MethodReferenceExpr r) {
      if (r.getScope() instanceof TypeExpr t
          && t.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType c
          && c.getScope().isEmpty()
          && c.getTypeArguments().isEmpty()) {
        // `buf::release` parses as a type name; a variable of that name is what it binds.
        Variable v = lookup(c.getNameAsString());
        if (v != null) {
          resolutions.put(t, v);
          emit(CfgNode.Kind.EVAL, t);
        }
      } else {
        evalScope(r.getScope());
      }
      emit(CfgNode.Kind.EVAL, r);
    } else if (e instanceof SwitchExpr s) {
      switchBlock(s, s.getSelector(), s.getEntries(), true, null);
      emit(CfgNode.Kind.EVAL, s);
    } else if (e instanceof ArrayAccessExpr a) {
      eval(a.getName());
      eval(a.getIndex());
      emit(CfgNode.Kind.EVAL, a);
    } else if (e instanceof ArrayCreationExpr a) {
      a.getLevels().forEach(level -> level.getDimension().ifPresent(this::eval));
      a.getInitializer().ifPresent(this::eval);
      emit(CfgNode.Kind.EVAL, a);
    } else if (e instanceof ArrayInitializerExpr a) {
      a.getValues().forEach(this::eval);
    } else if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        d.getInitializer().ifPresent(this::eval);
        Variable var = declare(d, Variable.Kind.LOCAL, v.getAnnotations());
        emit(CfgNode.Kind.DECLARE, d, var, null, null);
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
      emit(CfgNode.Kind.EVAL, e);
    }
  }

  /** The target of an assignment is written, not read (but a compound assignment reads it). */
  private void assignTarget(AssignExpr a) {
    Expression target = unwrap(a.getTarget());
    boolean compound = a.getOperator() != AssignExpr.Operator.ASSIGN;
    if (target instanceof NameExpr n) {
      resolveName(n);
      if (compound) {
        emit(CfgNode.Kind.EVAL, n);
      }
    } else if (target instanceof FieldAccessExpr f) {
      evalScope(f.getScope());
      resolveField(f);
      if (compound) {
        emit(CfgNode.Kind.EVAL, f);
      }
    } else if (target instanceof ArrayAccessExpr aa) {
      eval(aa.getName());
      eval(aa.getIndex());
    } else {
      eval(target);
    }
  }
}
