package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract.ParamMode;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Gathers the {@link OwnershipFacts} of a body: walks its CFG once and says, for each node, which
 * places are read, moved, consumed, re-initialised or leave scope. This is where contracts meet
 * code; the analyses after it see only events.
 */
public final class FactsBuilder {
  private final Body body;
  private final FileContext context;
  private final List<Event.Move> moves = new ArrayList<>();
  private final Set<Variable> fieldsUsed = new LinkedHashSet<>();
  private final LoanCollector loans;
  private List<Event> current;

  private FactsBuilder(Body body, FileContext context) {
    this.body = body;
    this.context = context;
    this.loans = new LoanCollector(body, context);
    loans.collect();
    for (Variable v : body.resolutions().values()) {
      if (v.isField() && !v.isStatic()) {
        fieldsUsed.add(v);
      }
    }
  }

  public static OwnershipFacts build(Body body, FileContext context) {
    return build(body, context, org.borrowck4j.analyzer.dataflow.Budget.unlimited());
  }

  /** The facts of a body whose analyses may spend {@code budget}. */
  public static OwnershipFacts build(Body body, FileContext context, org.borrowck4j.analyzer.dataflow.Budget budget) {
    return new FactsBuilder(body, context).build(budget);
  }

  private OwnershipFacts build(org.borrowck4j.analyzer.dataflow.Budget budget) {
    List<List<Event>> events = new ArrayList<>(body.cfg().size());
    for (CfgNode node : body.cfg().nodes()) {
      current = new ArrayList<>(0);
      switch (node.kind()) {
        case EVAL -> evaluate(node.ast());
        case DECLARE -> declare(node);
        case BIND -> current.add(new Event.Reinit(node.variable(), node.ast()));
        case RETURN -> returned(node);
        case SCOPE_END -> {
          for (Variable v : node.variables()) {
            current.add(new Event.StorageDead(v, node.ast()));
          }
        }
        case CLOSE_RESOURCE -> closeResource(node);
        default -> {}
      }
      if (node.kind() == CfgNode.Kind.DECLARE
          || node.kind() == CfgNode.Kind.FOREACH_NEXT
          || (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof AssignExpr)) {
        for (Loan l : loans.handedOver.getOrDefault(node.ast(), Set.of())) {
          boolean createdHere = AstNodes.isWithin(l.createdAt(), node.ast());
          current.add(new Event.Borrow(l.root(), createdHere ? l.createdAt() : node.ast(), l));
        }
      }
      events.add(current.isEmpty() ? List.of() : List.copyOf(current));
    }
    return new OwnershipFacts(body, context, events, moves, loans, budget);
  }

  private void move(Variable place, Node at, MoveCause cause) {
    Event.Move m = new Event.Move(moves.size(), place, at, cause);
    moves.add(m);
    current.add(m);
  }

  private boolean isOwner(Variable v) {
    return context.ownershipOf(v) == Ownership.OWNER;
  }

  /** Moves the owners among the places {@code value} may come from. */
  private void moveOwners(Expression value, MoveCause cause) {
    for (ValueSources.Source s : ValueSources.of(value, context)) {
      if (s.place().kind() == Variable.Kind.RESOURCE
          && (cause.kind() == MoveCause.Kind.ASSIGNMENT || cause.kind() == MoveCause.Kind.FIELD_STORE)) {
        continue; // the try-with-resources statement keeps it: the other variable is an alias
      }
      if (isOwner(s.place())) {
        move(s.place(), s.at(), s.at() instanceof LambdaExpr ? capture(cause) : cause);
      }
    }
  }

  private static MoveCause capture(MoveCause into) {
    return new MoveCause(MoveCause.Kind.CAPTURE, into.subject(), into.callee(), false, false);
  }

  private void evaluate(Node ast) {
    if (ast instanceof NameExpr || ast instanceof FieldAccessExpr || ast instanceof com.github.javaparser.ast.expr.TypeExpr) {
      Variable v = context.variableOf((Expression) ast);
      if (v != null && !isNullComparison((Expression) ast)) {
        current.add(new Event.Use(v, ast, useKind((Expression) ast)));
      }
    } else if (ast instanceof MethodCallExpr call) {
      call(call);
    } else if (ast instanceof LambdaExpr lambda) {
      captures(context.lambdaBody(lambda) == null ? Set.of() : context.lambdaBody(lambda).captured(), lambda);
    } else if (ast instanceof ObjectCreationExpr creation) {
      arguments(context.contractOf(creation), creation.getArguments());
      handedOn(context.contractOf(creation), creation, creation.getArguments());
      borrowedArguments(context.contractOf(creation), creation, creation.getArguments());
      captures(context.capturedByAnonymousClass(creation), creation);
    } else if (ast instanceof ExplicitConstructorInvocationStmt call) {
      arguments(context.contractOf(call), call.getArguments());
      forgetFields(call);
    } else if (ast instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
      assign(assign);
    }
  }

  /**
   * Creating a lambda or an anonymous class reads every local it captures (Rust's closures too: a
   * moved value cannot be captured).
   */
  private void captures(Set<Variable> captured, Node at) {
    for (Variable v : captured) {
      current.add(new Event.Use(v, at, Event.UseKind.READ));
    }
  }

  /**
   * Comparing a reference with {@code null} reads no state of the object: not a use (a closed or
   * moved variable may be tested, as in {@code if (in != null) in.close()}).
   */
  private static boolean isNullComparison(Expression e) {
    Node n = e;
    Node parent = n.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      n = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.EQUALS
            || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
      Expression other = b.getLeft() == n ? b.getRight() : b.getLeft();
      return other instanceof NullLiteralExpr;
    }
    return false;
  }

  private Event.UseKind useKind(Expression e) {
    Node n = e;
    Node parent = n.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
      n = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == n) {
      MethodContract c = context.contractOf(call);
      if (c != null && c.receiver() == ReceiverMode.CONSUMES && c.idempotent()) {
        return Event.UseKind.IDEMPOTENT_RELEASE;
      }
    }
    if (parent instanceof com.github.javaparser.ast.expr.MethodReferenceExpr ref && ref.getScope() == n) {
      // `stream::close` closes later, as `stream.close()` would: harmless after a consumption.
      MethodContract c =
          context.index().method(context.typeOf(e), ref.getIdentifier(), 0, List::of);
      if (c != null && c.receiver() == ReceiverMode.CONSUMES && c.idempotent()) {
        return Event.UseKind.IDEMPOTENT_RELEASE;
      }
    }
    return Event.UseKind.READ;
  }

  private void call(MethodCallExpr call) {
    MethodContract c = context.contractOf(call);
    arguments(c, call.getArguments(), call.getScope().orElse(null));
    handedOn(c, call, call.getArguments());
    if ((c == null || !c.hasContract()) && context.strict()) {
      // --strict: code we know nothing about may keep what it is given.
      for (Expression arg : call.getArguments()) {
        escape(arg, arg, Event.Sink.RETAINED, "?@" + call.getNameAsString());
      }
    }
    borrowedArguments(c, call, call.getArguments());
    if (c != null && c.receiver() == ReceiverMode.MUT && call.getScope().isPresent()) {
      mutate(call.getScope().get(), call, new MutationCause(MutationCause.Kind.MUT_METHOD, c.name(), c.displayName()));
    }
    if (c != null && c.receiver() == ReceiverMode.CONSUMES && call.getScope().isPresent()) {
      MoveCause cause =
          new MoveCause(
              MoveCause.Kind.CONSUMED,
              c.name(),
              c.displayName(),
              c.idempotent(),
              c.returns() == MethodContract.ReturnMode.OWNED);
      for (ValueSources.Source s : ValueSources.of(call.getScope().get(), context)) {
        move(s.place(), call, cause);
      }
    }
    Expression scope = call.getScope().map(FileContext::unwrap).orElse(null);
    if (scope == null || (scope instanceof ThisExpr t && t.getTypeName().isEmpty())) {
      forgetFields(call);
    }
  }

  /**
   * A call on {@code this} may assign any field: what we knew about fields no longer holds (an
   * optimistic havoc, so that a helper re-initialising a field does not look like a use after
   * move).
   */
  private void forgetFields(Node at) {
    for (Variable f : fieldsUsed) {
      current.add(new Event.Reinit(f, at));
    }
  }

  private void arguments(MethodContract c, List<Expression> args) {
    arguments(c, args, null);
  }

  /**
   * @param receiver the receiver of a method call (null for constructors and static calls): what
   *     a local receiver retains does not outlive the method by itself (decision 14)
   */
  private void arguments(MethodContract c, List<Expression> args, Expression receiver) {
    if (c == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p != null && p.mode() == ParamMode.OWNED) {
        moveOwners(
            args.get(i), new MoveCause(MoveCause.Kind.OWNED_ARGUMENT, p.name(), c.displayName(), false));
      }
      if (p != null && p.mode() == ParamMode.RETAINED && !isLocal(receiver)) {
        escape(args.get(i), args.get(i), Event.Sink.RETAINED, p.name() + "@" + c.displayName());
      }
    }
  }

  /**
   * Owners passed to a call that declares nothing, or called so, whose result is kept: perhaps
   * wrapped or returned by it (decision 37).
   */
  private void handedOn(MethodContract c, Expression call, List<Expression> args) {
    if ((c != null && c.hasContract()) || !resultKept(call)) {
      return;
    }
    List<Expression> handed = new ArrayList<>(args);
    if (call instanceof MethodCallExpr m
        && m.getScope().isPresent()
        && context.index().isOwnedType(context.typeOf(call))) {
      handed.add(m.getScope().get()); // a fluent `data.writerIndex(n)` returns the buffer itself
    }
    for (Expression value : handed) {
      for (ValueSources.Source s : ValueSources.of(value, context)) {
        if (isOwner(s.place())) {
          current.add(new Event.HandedOn(s.place(), value));
        }
      }
    }
  }

  /**
   * Whether what a call returns is kept beyond the statement: returned, stored in a field or an
   * array, passed to a parameter that keeps or owns it (or to another call whose result is kept),
   * or given to a local that owns values of its type. A result that cannot hold the argument (a
   * primitive, a {@code String}, a boxed value) keeps nothing.
   */
  private boolean resultKept(Expression call) {
    // Where the result goes first (syntax, cheap); its type only for the few that are kept.
    return resultStored(call) && !context.typeOf(call).cannotHoldReferences();
  }

  private boolean resultStored(Expression call) {
    Node n = call;
    Node parent = n.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr
        || parent instanceof CastExpr
        || (parent instanceof ConditionalExpr c && c.getCondition() != n)) {
      n = parent;
      parent = n.getParentNode().orElse(null);
    }
    if (parent instanceof ReturnStmt) {
      return true;
    }
    if (parent instanceof AssignExpr a && a.getValue() == n) {
      Variable v = context.variableOf(FileContext.unwrap(a.getTarget()));
      return v == null || v.isField() || ownsValuesOfItsType(v); // null: an array element
    }
    if (parent instanceof VariableDeclarator d && d.getInitializer().orElse(null) == n) {
      Variable v = declaredLocals().get(d);
      return v != null && ownsValuesOfItsType(v);
    }
    if (parent instanceof MethodCallExpr outer) {
      return keepsArgument(context.contractOf(outer), AstNodes.indexOf(outer.getArguments(), n), outer);
    }
    if (parent instanceof ObjectCreationExpr outer) {
      return keepsArgument(context.contractOf(outer), AstNodes.indexOf(outer.getArguments(), n), outer);
    }
    return false;
  }

  private boolean ownsValuesOfItsType(Variable v) {
    return isOwner(v) && context.index().isOwnedType(context.typeOf(v));
  }

  private Map<Node, Variable> declaredLocals;

  /** The local each declarator of this body declares, collected on first use. */
  private Map<Node, Variable> declaredLocals() {
    if (declaredLocals == null) {
      declaredLocals = new IdentityHashMap<>(4);
      for (CfgNode node : body.cfg().nodes()) {
        if (node.kind() == CfgNode.Kind.DECLARE) {
          declaredLocals.putIfAbsent(node.ast(), node.variable());
        }
      }
    }
    return declaredLocals;
  }

  /** Whether a call's result, as the {@code index}th argument of {@code outer}, is kept. */
  private boolean keepsArgument(MethodContract c, int index, Expression outer) {
    if (index < 0) {
      return false; // the scope of the call, not an argument
    }
    if (c == null || !c.hasContract()) {
      return resultKept(outer);
    }
    MethodContract.Param p = c.paramFor(index);
    return p != null && (p.mode() == ParamMode.OWNED || p.mode() == ParamMode.RETAINED);
  }

  /** Whether an expression is a local variable of this method (not a field or parameter). */
  private boolean isLocal(Expression e) {
    if (e == null) {
      return false;
    }
    Variable v = context.variableOf(FileContext.unwrap(e));
    return v != null && !v.isField() && !v.isParameter();
  }

  /** A value flows into a place that outlives the call: say what it depends on. */
  private void escape(Expression value, Node at, Event.Sink sink, String detail) {
    for (LoanCollector.Dependency d : loans.dependencies(value)) {
      current.add(new Event.Escape(d.place(), at, sink, d.borrowed(), d.capture(), detail, d.via()));
    }
  }

  /**
   * Mutating what {@code receiver} denotes: the place itself, or — when it holds loans — their
   * roots through a write-through loan, or a forbidden mutation through a shared borrow.
   */
  private void mutate(Expression receiver, Node at, MutationCause cause) {
    Expression unwrapped = FileContext.unwrap(receiver);
    if (unwrapped instanceof MethodCallExpr view) {
      // A temporary view (`map.keySet().remove(k)`): it writes through to what it borrows.
      MethodContract c = context.contractOf(view);
      if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
        for (Variable root : loans.roots(view)) {
          current.add(
              loans.writesThrough(root, LoanCollector.isModel(c))
                  ? new Event.Mutate(root, at, null, cause)
                  : new Event.MutateShared(root, at, null, cause));
        }
      }
      return;
    }
    for (ValueSources.Source s : ValueSources.of(receiver, context)) {
      Variable place = s.place();
      Set<Loan> held = loans.heldBy(place);
      if (!held.isEmpty()) {
        for (Loan l : held) {
          // Through an exclusive or a write-through borrow the root is mutated (conflicting with
          // every other live loan on it, not with this one); through a shared borrow never.
          current.add(
              l.kind() == Loan.Kind.MUT || l.writeThrough()
                  ? new Event.Mutate(l.root(), at, l, cause)
                  : new Event.MutateShared(place, at, l, cause));
        }
      } else if (context.meanings(place.annotations()).contains(
          org.borrowck4j.analyzer.model.AnnotationNames.Meaning.BORROWED)) {
        current.add(new Event.MutateShared(place, at, null, cause));
      } else {
        current.add(new Event.Mutate(place, at, null, cause));
      }
    }
  }

  /** Arguments to {@code @Borrowed} and {@code @Mut} parameters are borrowed for the call. */
  private void borrowedArguments(MethodContract c, Node call, List<Expression> args) {
    if (c == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p == null || (p.mode() != ParamMode.BORROWED && p.mode() != ParamMode.MUT)) {
        continue;
      }
      Loan.Kind kind = p.mode() == ParamMode.MUT ? Loan.Kind.MUT : Loan.Kind.SHARED;
      Expression arg = FileContext.unwrap(args.get(i));
      for (var path : loans.paths(arg).entrySet()) {
        current.add(new Event.ArgumentBorrow(path.getKey(), path.getValue(), arg, kind, call, p.name(), c.displayName()));
      }
      if (kind == Loan.Kind.MUT) {
        for (ValueSources.Source s : ValueSources.of(arg, context)) {
          for (Loan l : loans.heldBy(s.place())) {
            if (l.kind() == Loan.Kind.SHARED && !l.writeThrough()) {
              current.add(
                  new Event.MutateShared(
                      s.place(), arg, l, new MutationCause(MutationCause.Kind.MUT_ARGUMENT, p.name(), c.displayName())));
            }
          }
        }
      }
    }
  }

  private void declare(CfgNode node) {
    Variable target = node.variable();
    if (node.ast() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
      if (context.ownershipOf(target) != Ownership.BORROW) {
        moveOwners(
            d.getInitializer().get(), new MoveCause(MoveCause.Kind.ASSIGNMENT, target.name(), null, false));
      }
      current.add(new Event.Reinit(target, node.ast()));
    }
  }

  private void assign(AssignExpr assign) {
    Expression targetExpr = FileContext.unwrap(assign.getTarget());
    Variable target = context.variableOf(targetExpr);
    if ((target != null && target.isField())
        || (target == null && (targetExpr instanceof FieldAccessExpr || targetExpr instanceof NameExpr))) {
      // The name itself: toString() would run the pretty-printer on every field assignment.
      String field =
          targetExpr instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named
              ? named.getNameAsString()
              : targetExpr.toString();
      escape(assign.getValue(), assign, Event.Sink.FIELD, field);
    } else if (targetExpr instanceof com.github.javaparser.ast.expr.ArrayAccessExpr) {
      escape(assign.getValue(), assign, Event.Sink.ARRAY, null);
    }
    if (target != null) {
      boolean moves =
          target.isField()
              ? declaredOwned(target)
              : context.ownershipOf(target) != Ownership.BORROW;
      if (moves) {
        MoveCause.Kind kind = target.isField() ? MoveCause.Kind.FIELD_STORE : MoveCause.Kind.ASSIGNMENT;
        moveOwners(assign.getValue(), new MoveCause(kind, target.name(), null, false));
      }
      current.add(new Event.Reinit(target, assign));
    } else if (targetExpr instanceof FieldAccessExpr f) {
      Expression scope = FileContext.unwrap(f.getScope());
      if (context.variableOf(scope) != null) {
        mutate(scope, assign, new MutationCause(MutationCause.Kind.FIELD_ASSIGNMENT, f.getNameAsString(), null));
      }
      TypeRef owner = context.typeOf(f.getScope());
      TypeContract.FieldContract field = context.index().field(owner, f.getNameAsString());
      if (field != null && field.owned()) {
        moveOwners(
            assign.getValue(),
            new MoveCause(MoveCause.Kind.FIELD_STORE, f.getNameAsString(), null, false));
      }
    }
  }

  /**
   * Only a field declared {@code @Owned} (or {@code @Owning}) takes ownership of what is stored in
   * it: storing into a field merely of an owned type keeps a reference (a cache, a lazy
   * initialisation), it does not move.
   */
  private boolean declaredOwned(Variable field) {
    var m = context.meanings(field.annotations());
    return m.contains(org.borrowck4j.analyzer.model.AnnotationNames.Meaning.OWNED)
        || m.contains(org.borrowck4j.analyzer.model.AnnotationNames.Meaning.OWNING);
  }

  private void returned(CfgNode node) {
    if (!(node.value() instanceof Expression value)) {
      return;
    }
    if (body.kind() == Body.Kind.METHOD) {
      escape(value, node.ast(), Event.Sink.RETURN, null);
    }
    if (context.declaredReturnMode(body) == MethodContract.ReturnMode.BORROWED) {
      return;
    }
    moveOwners(value, new MoveCause(MoveCause.Kind.RETURN, null, null, false));
  }

  private void closeResource(CfgNode node) {
    Variable v = node.variable();
    if (v == null) {
      return;
    }
    MethodContract close = context.index().method(context.typeOf(v), "close", 0, List::of);
    boolean idempotent = close == null || close.receiver() != ReceiverMode.CONSUMES || close.idempotent();
    Node tryBlock = node.ast();
    for (Node p = node.ast(); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof com.github.javaparser.ast.stmt.TryStmt t) {
        tryBlock = t.getTryBlock();
        break;
      }
    }
    // The implicit close() reads the resource: closing a moved one, or closing twice, is a use.
    current.add(
        new Event.Use(v, tryBlock, idempotent ? Event.UseKind.IMPLICIT_IDEMPOTENT_CLOSE : Event.UseKind.IMPLICIT_CLOSE));
    move(v, node.ast(), new MoveCause(MoveCause.Kind.CLOSED_BY_TRY, "close", null, idempotent));
  }
}
