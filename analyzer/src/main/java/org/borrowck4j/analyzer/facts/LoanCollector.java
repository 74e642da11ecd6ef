package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Finds every loan of a body (rustc's {@code borrow_set.rs}): which expressions borrow which
 * places, and which variables or loops hold each loan. Holding is flow-insensitive: a variable
 * that is ever assigned a borrow holds it (its re-assignment ends the loan, see the in-scope
 * analysis). A borrow taken through a variable, though, is a loan on the roots of what the
 * variable may hold there: the loans of its definitions that reach that point (decision 329).
 */
final class LoanCollector {
  private final Body body;
  private final FileFacts file;
  final List<Loan> loans = new ArrayList<>();
  final List<Holder> holders = new ArrayList<>();
  final Map<Integer, Set<Holder>> holdersOfLoan = new LinkedHashMap<>();
  final Map<Variable, Set<Loan>> held = new IdentityHashMap<>(4);
  /** The loans created at each site (the borrowing expression), by root. */
  final Map<Node, Map<Variable, Loan>> bySite = new IdentityHashMap<>(4);
  /** The loans a DECLARE, assignment or loop head hands to its holder. */
  final Map<Node, Set<Loan>> handedOver = new IdentityHashMap<>(4);
  private final Map<Variable, Holder> holderOfVariable = new IdentityHashMap<>(4);
  /** What a local holding a lambda, method reference or object captures. */
  private final Map<Variable, List<Dependency>> capturesHeld = new IdentityHashMap<>(4);
  private final Map<ForEachStmt, Holder> holderOfLoop = new IdentityHashMap<>(4);
  /** Which locals copy a borrowed parameter or name a value held outside the method. */
  final LocalAliases aliases;

  LoanCollector(Body body, FileFacts file) {
    this.body = body;
    this.file = file;
    this.aliases = new LocalAliases(file);
  }

  /** The node whose loans are being collected: where a variable's reaching definitions are asked. */
  private CfgNode current;
  /** The loans each variable was given, by the declaration or assignment that gave them. */
  private final Map<Variable, Map<Node, Set<Loan>>> heldFrom = new IdentityHashMap<>(4);
  /** {@link #heldHere} by variable and node (the second round asks again). */
  private final Map<Variable, Map<Integer, Set<Loan>>> reaching = new IdentityHashMap<>(4);

  void collect() {
    // Twice, so that a borrow reaches aliases whose definitions come before it in node order.
    for (int round = 0; round < 2; round++) {
      reaching.clear();
      for (CfgNode node : body.cfg().nodes()) {
        current = node;
        if (node.kind() == CfgNode.Kind.DECLARE
            && node.ast() instanceof VariableDeclarator d
            && d.getInitializer().isPresent()) {
          aliases.assigned(node.variable(), d.getInitializer().get());
          assign(node.variable(), d.getInitializer().get(), node.ast());
        } else if (node.kind() == CfgNode.Kind.EVAL
            && node.ast() instanceof AssignExpr a
            && a.getOperator() == AssignExpr.Operator.ASSIGN) {
          Variable target = file.bodies.variableOf(AstNodes.unwrap(a.getTarget()));
          if (target != null && !target.isField()) {
            aliases.assigned(target, a.getValue());
            assign(target, a.getValue(), a);
          }
        } else if (node.kind() == CfgNode.Kind.FOREACH_NEXT && node.ast() instanceof ForEachStmt loop) {
          Expression iterable = AstNodes.unwrap(loop.getIterable());
          for (var path : paths(iterable).entrySet()) {
            Variable root = path.getKey();
            Loan loan =
                loan(iterable, root, path.getValue(), Loan.Kind.SHARED, writesThrough(root, true), Loan.Origin.FOR_EACH, null, false);
            hold(loan, holderOfLoop.computeIfAbsent(loop, l -> newHolder(null, l)), node.ast());
          }
        }
      }
    }
    current = null;
  }

  /**
   * The loans {@code v} may hold at the node being collected: those its definitions give that
   * reach the node (decision 329). {@code result = entityMap.values()} after a loop over {@code
   * result} does not make the loop iterate the map, unless a path leads from it back to the loop.
   * A variable given loans at one place only holds them wherever it is used: no walk.
   */
  private Set<Loan> heldHere(Variable v) {
    Map<Node, Set<Loan>> sites = heldFrom.get(v);
    if (current == null || sites == null || v.isField()) {
      return heldBy(v);
    }
    Map<Integer, Set<Loan>> byNode = reaching.computeIfAbsent(v, k -> new HashMap<>());
    Set<Loan> known = byNode.get(current.id());
    if (known != null) {
      return known;
    }
    Set<Loan> out = new LinkedHashSet<>();
    BitSet seen = new BitSet();
    ArrayDeque<CfgNode> work = new ArrayDeque<>();
    for (Edge e : current.predecessors()) {
      if (!seen.get(e.from())) {
        seen.set(e.from());
        work.add(body.cfg().node(e.from()));
      }
    }
    while (!work.isEmpty()) {
      CfgNode node = work.poll();
      Set<Loan> given = sites.get(node.ast());
      if (given != null && defines(node, v)) {
        out.addAll(given);
        continue;
      }
      if (defines(node, v) || node.kind() == CfgNode.Kind.ENTRY) {
        continue; // a value that holds nothing borrowed, or the one the method was given
      }
      for (Edge e : node.predecessors()) {
        if (!seen.get(e.from())) {
          seen.set(e.from());
          work.add(body.cfg().node(e.from()));
        }
      }
    }
    Set<Loan> result = out.isEmpty() ? Set.of() : out;
    byNode.put(current.id(), result);
    return result;
  }

  /** Whether a node gives {@code v} a value: its declaration, a binding, a plain assignment. */
  private boolean defines(CfgNode node, Variable v) {
    return switch (node.kind()) {
      case DECLARE, BIND -> node.variable() == v;
      case EVAL -> node.ast() instanceof AssignExpr a
          && a.getOperator() == AssignExpr.Operator.ASSIGN
          && file.bodies.variableOf(AstNodes.unwrap(a.getTarget())) == v;
      default -> false;
    };
  }

  /** A holder taking a loan, in the order it happened. */
  private record Hold(Loan loan, Holder holder) {}

  private final List<Hold> holds = new ArrayList<>();

  /** Hands every loan and what holds it to the facts, in the order they were found. */
  void describe(BodyFacts.Builder facts) {
    for (Loan l : loans) {
      facts.loan(l);
    }
    for (Hold h : holds) {
      facts.hold(h.loan(), h.holder());
    }
  }

  /** The loans the hidden iterator of a for-each loop holds (empty for most loops). */
  Set<Loan> heldByLoop(Node loop) {
    Holder h = holderOfLoop.get(loop);
    if (h == null) {
      return Set.of();
    }
    Set<Loan> out = new LinkedHashSet<>();
    for (var entry : holdersOfLoan.entrySet()) {
      if (entry.getValue().contains(h)) {
        out.add(loans.get(entry.getKey()));
      }
    }
    return out;
  }

  /** The loans a variable holds (empty for most variables). */
  Set<Loan> heldBy(Variable v) {
    return held.getOrDefault(v, Set.of());
  }

  /** {@code target = value}: what {@code target} borrows from now. */
  private void assign(Variable target, Expression valueExpr, Node site) {
    Expression value = AstNodes.unwrap(valueExpr);
    if (value instanceof ConditionalExpr c) {
      // Either arm's borrow may be what the target holds (D10: both, path-insensitively).
      assign(target, c.getThenExpr(), site);
      assign(target, c.getElseExpr(), site);
      return;
    }
    if (value instanceof com.github.javaparser.ast.expr.LambdaExpr
        || value instanceof com.github.javaparser.ast.expr.MethodReferenceExpr
        || value instanceof ObjectCreationExpr) {
      // `Runnable task = () -> use(p);`: where the task goes, what it captures goes too.
      List<Dependency> captured = new ArrayList<>();
      collectDependencies(value, false, null, captured, 0);
      if (!captured.isEmpty()) {
        capturesHeld.put(target, captured);
      }
    }
    VariableMode declared = file.owners.declaredMode(target);
    if (declared.isBorrow()) {
      Loan.Kind kind = declared == VariableMode.MUT ? Loan.Kind.MUT : Loan.Kind.SHARED;
      for (var path : paths(value).entrySet()) {
        hold(
            loan(value, path.getKey(), path.getValue(), kind, false, Loan.Origin.EXPLICIT, null, false),
            holderOf(target, true),
            site);
      }
      return;
    }
    if (value instanceof MethodCallExpr call) {
      MethodContract c = file.calls.contractOf(call);
      if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
        for (var path : paths(call).entrySet()) {
          Variable root = path.getKey();
          boolean writeThrough = writesThrough(root, isModel(c));
          // A map's view backed by it (`@LiveView`, decision 278) stays valid whatever the map's
          // changes: its loan conflicts with none. Iterating it takes a loan of its own.
          hold(
              loan(call, root, path.getValue(), Loan.Kind.SHARED, writeThrough, Loan.Origin.METHOD, c.name(), writeThrough && c.liveView()),
              holderOf(target, true),
              site);
        }
        return;
      }
      if (isDerivation(c) && call.getScope().isPresent()) {
        // D6: the result carries its consumed receiver's resource and what it borrowed. Stored
        // back into the variable it was derived from (`s = s.distinct()`), it consumed the old
        // value and owns its resource: no loan on the target itself, none through its old value
        // (decision 264).
        for (var path : paths(call).entrySet()) {
          if (path.getKey() == target) {
            continue;
          }
          hold(
              loan(call, path.getKey(), besides(path.getValue(), target), Loan.Kind.SHARED, false, Loan.Origin.DERIVED, c.name(), false),
              holderOf(target, true),
              site);
        }
      }
      return;
    }
    inherit(target, value, site);
  }

  /**
   * The borrows a loan stored in {@code target} goes through, without {@code target}: it names the
   * target's old value there, which the assignment consumed.
   */
  private static List<Variable> besides(List<Variable> through, Variable target) {
    if (!through.contains(target)) {
      return through;
    }
    List<Variable> out = new ArrayList<>(through);
    out.remove(target);
    return List.copyOf(out);
  }

  /** {@code target} holds whatever the places {@code value} may come from hold. */
  private void inherit(Variable target, Expression value, Node site) {
    for (ValueSources.Source s : ValueSources.of(value, file.bodies)) {
      if (s.place() == target) {
        continue;
      }
      for (Loan l : List.copyOf(heldHere(s.place()))) {
        hold(l, holderOf(target, true), site);
      }
    }
  }

  /** The places an expression borrows from (see {@link #paths}). */
  Set<Variable> roots(Expression expr) {
    return paths(expr).keySet();
  }

  /**
   * What an expression borrows from: for each root place, the borrows in between. A place is its
   * own root; a variable holding a borrow leads to that borrow's root (a loan on a borrow is a loan
   * on the same root, taken through the variable); {@code @Borrowed} calls lead to their receiver.
   */
  Map<Variable, List<Variable>> paths(Expression expr) {
    Map<Variable, List<Variable>> out = new LinkedHashMap<>();
    collectPaths(expr, out, 0);
    return out;
  }

  private void collectPaths(Expression expr, Map<Variable, List<Variable>> out, int depth) {
    if (depth > 16) {
      return;
    }
    Expression e = AstNodes.unwrap(expr);
    Variable v = file.bodies.variableOf(e);
    if (v != null) {
      Set<Loan> borrowed = heldHere(v);
      if (borrowed.isEmpty()) {
        if (borrowable(v)) {
          out.putIfAbsent(v, List.of());
        }
      } else {
        for (Loan l : borrowed) {
          List<Variable> through = new ArrayList<>(l.through());
          if (!through.contains(v)) {
            through.add(v);
          }
          out.putIfAbsent(l.root(), List.copyOf(through));
        }
      }
    } else if (e instanceof MethodCallExpr call) {
      MethodContract c = file.calls.contractOf(call);
      if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
        Expression from = borrowedFrom(call, c);
        if (from != null) {
          collectPaths(from, out, depth + 1);
        }
      } else if (isDerivation(c) && call.getScope().isPresent()) {
        collectPaths(call.getScope().get(), out, depth + 1);
      }
    } else if (e instanceof ConditionalExpr c) {
      collectPaths(c.getThenExpr(), out, depth + 1);
      collectPaths(c.getElseExpr(), out, depth + 1);
    }
  }

  /**
   * What a value depends on: a place it is, or one it borrows from ({@code via}: the variable that
   * holds the borrow, when it is not the place itself).
   */
  record Dependency(Variable place, boolean borrowed, Node capture, Variable via) {
    Dependency(Variable place, boolean borrowed, Node capture) {
      this(place, borrowed, capture, null);
    }
  }

  /**
   * The places a value is or borrows from, following borrows to their roots, {@code @Borrowed}
   * and deriving calls to their receivers, and lambdas, anonymous classes and method references to
   * what they capture.
   */
  List<Dependency> dependencies(Expression expr) {
    List<Dependency> out = new ArrayList<>();
    collectDependencies(expr, false, null, out, 0);
    return out;
  }

  private void collectDependencies(Expression expr, boolean borrowed, Node capture, List<Dependency> out, int depth) {
    if (depth > 16) {
      return;
    }
    Expression e = AstNodes.unwrap(expr);
    Variable v = file.bodies.variableOf(e);
    if (v != null) {
      addPlace(v, borrowed, capture, out);
    } else if (e instanceof MethodCallExpr call) {
      MethodContract c = file.calls.contractOf(call);
      if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
        Expression from = borrowedFrom(call, c);
        if (from != null) {
          collectDependencies(from, true, capture, out, depth + 1);
        }
      } else if (isDerivation(c) && call.getScope().isPresent()) {
        Variable consumed = file.bodies.variableOf(AstNodes.unwrap(call.getScope().get()));
        if (consumed != null && consumed.kind() == Variable.Kind.LOCAL) {
          // `s.sorted()` moves the local `s` into its result, which borrows only what `s` borrowed
          // (decision 338): `return c ? s : s.sorted(cmp)` returns no borrow of `s`.
          addHeld(consumed, true, capture, out);
        } else {
          collectDependencies(call.getScope().get(), true, capture, out, depth + 1);
        }
      }
    } else if (e instanceof ConditionalExpr c) {
      collectDependencies(c.getThenExpr(), borrowed, capture, out, depth + 1);
      collectDependencies(c.getElseExpr(), borrowed, capture, out, depth + 1);
    } else if (e instanceof AssignExpr a) {
      collectDependencies(a.getTarget(), borrowed, capture, out, depth + 1);
    } else if (e instanceof com.github.javaparser.ast.expr.LambdaExpr lambda) {
      Body lambdaBody = file.bodies.lambdaBody(lambda);
      if (lambdaBody != null) {
        for (Variable captured : lambdaBody.captured()) {
          addPlace(captured, borrowed, firstUse(lambdaBody, captured, lambda), out);
        }
      }
    } else if (e instanceof ObjectCreationExpr creation) {
      for (Variable captured : file.bodies.capturedByClassOf(creation)) {
        addPlace(captured, borrowed, creation, out);
      }
    } else if (e instanceof com.github.javaparser.ast.expr.MethodReferenceExpr ref
        && file.bodies.variableOf(ref.getScope()) != null) {
      collectDependencies(ref.getScope(), borrowed, ref, out, depth + 1);
    } else if (e instanceof com.github.javaparser.ast.expr.SwitchExpr) {
      for (ValueSources.Source s : ValueSources.of(e, file.bodies)) {
        addPlace(s.place(), borrowed, capture, out);
      }
    }
  }

  private void addPlace(Variable v, boolean borrowed, Node capture, List<Dependency> out) {
    out.add(new Dependency(v, borrowed, capture));
    addHeld(v, borrowed, capture, out);
  }

  /** What a variable names or borrows, without the variable itself. */
  private void addHeld(Variable v, boolean borrowed, Node capture, List<Dependency> out) {
    for (Variable lent : aliases.borrowedParametersIn(v)) {
      out.add(new Dependency(lent, borrowed, capture, v)); // `Buffer local = b;`: `local` is `b`
    }
    for (Dependency d : capturesHeld.getOrDefault(v, List.of())) {
      out.add(new Dependency(d.place(), d.borrowed() || borrowed, d.capture(), d.via()));
    }
    for (Loan l : heldBy(v)) {
      out.add(new Dependency(l.root(), true, capture, v));
      for (Variable t : l.through()) {
        if (t != v) {
          out.add(new Dependency(t, true, capture, v));
        }
      }
    }
  }

  /** Where a lambda body first reads a captured variable (for the span of the capture). */
  private static Node firstUse(Body lambdaBody, Variable captured, Node fallback) {
    Node first = null;
    com.github.javaparser.Position firstAt = null;
    for (var entry : lambdaBody.resolutions().entrySet()) {
      com.github.javaparser.Position at = entry.getKey().getBegin().orElse(null);
      if (entry.getValue() == captured && at != null && (firstAt == null || at.isBefore(firstAt))) {
        first = entry.getKey();
        firstAt = at;
      }
    }
    return first != null ? first : fallback;
  }

  /** A consuming operation whose result is a new owner carrying the receiver's resource. */
  static boolean isDerivation(MethodContract c) {
    return c != null
        && c.receiver() == MethodContract.ReceiverMode.CONSUMES
        && c.returns() == MethodContract.ReturnMode.OWNED;
  }

  /** The receiver, or for {@code @Borrowed(from = "p")} the argument bound to {@code p}. */
  private static Expression borrowedFrom(MethodCallExpr call, MethodContract c) {
    if (c.borrowedFrom() != null) {
      for (int i = 0; i < c.params().size() && i < call.getArguments().size(); i++) {
        if (c.params().get(i).name().equals(c.borrowedFrom())) {
          return call.getArgument(i);
        }
      }
      return null;
    }
    return call.getScope().orElse(null);
  }

  /**
   * Arrays, primitives and weakly consistent collections (D7, D24) are not borrowed from: the
   * first cannot be structurally modified, the last tolerate it.
   */
  private boolean borrowable(Variable v) {
    TypeRef t = file.types.typeOf(v);
    if (t.isPrimitive() || t.isArray()) {
      return false;
    }
    if (file.index.isWeaklyConsistent(t)) {
      return false;
    }
    if (v.isPath()) {
      // A field of another object (decision 142): known not to hold a concurrent collection only
      // when a getter's summary said so, when its class is declared in this file, or when its
      // declaration allocates an ordinary collection (`final List<String> list = new ArrayList<>()`).
      return file.bodies.isGetterPlace(v)
          || file.weaklyConsistent().isOrdinaryFieldOfThisFile(v)
          || allocatesOrdinaryCollection(v);
    }
    // A variable that only ever holds a weakly consistent collection, whatever its declared type
    // (D24): a local allocating one, a field only ever given one, a local read from such a field.
    return !file.weaklyConsistent().holdsOnlyWeaklyConsistent(v);
  }

  private boolean allocatesOrdinaryCollection(Variable path) {
    TypeContract.FieldContract f = file.index.field(file.types.typeOf(path.base()), path.fieldName());
    return f != null && f.allocated().isKnown() && !file.index.isWeaklyConsistent(f.allocated());
  }

  /**
   * Loans that models (and inferred contracts) hand out on plain objects write through (D7):
   * iterators and views of collections. Loans on owners, and those of user methods declared
   * {@code @Borrowed}, are Rust's {@code &}.
   */
  boolean writesThrough(Variable root, boolean fromModel) {
    return fromModel && (file.owners.ownershipOf(root) == Ownership.PLAIN || isViewOfUnnamedValue(root));
  }

  /**
   * A local that only ever holds a model's view of a value nobody names ({@code map =
   * copy().subMap(a, b)}): it borrows from no variable (it holds no loan), no one declared it a
   * borrow, and no owned type is involved, so it is the collection to whoever writes through a
   * view of it, as a plain local is (D7, decision 344). Mutating it directly was already allowed.
   */
  private boolean isViewOfUnnamedValue(Variable root) {
    if (root.kind() != Variable.Kind.LOCAL
        || file.owners.declaredMode(root) != VariableMode.NONE
        || file.index.isOwnedType(file.types.typeOf(root))) {
      return false;
    }
    // Asked at every loan taken and change made through such a local: its values are read once.
    return viewsOfUnnamedValues.computeIfAbsent(root, this::onlyGivenViewsOfUnnamedValues) && heldBy(root).isEmpty();
  }

  private boolean onlyGivenViewsOfUnnamedValues(Variable root) {
    List<Expression> given = file.owners.valuesGiven(root);
    for (Expression value : given) {
      if (!(AstNodes.unwrap(value) instanceof MethodCallExpr call)) {
        return false;
      }
      MethodContract c = file.calls.contractOf(call);
      if (c == null || c.returns() != MethodContract.ReturnMode.BORROWED || !isModel(c) || !paths(call).isEmpty()) {
        return false;
      }
    }
    return !given.isEmpty();
  }

  private final Map<Variable, Boolean> viewsOfUnnamedValues = new IdentityHashMap<>(0);

  static boolean isModel(MethodContract c) {
    return c.origin() != null
        && (c.origin().kind() == Declared.Origin.Kind.BUILTIN_MODEL
            || c.origin().kind() == Declared.Origin.Kind.USER_STUB
            // Inference sees that a result borrows, not whether its author meant it read-only.
            || c.origin().kind().isInferred());
  }

  private Loan loan(
      Node site,
      Variable root,
      List<Variable> through,
      Loan.Kind kind,
      boolean writeThrough,
      Loan.Origin origin,
      String via,
      boolean liveView) {
    Map<Variable, Loan> atSite = bySite.computeIfAbsent(site, k -> new IdentityHashMap<>(4));
    Loan l = atSite.get(root);
    if (l == null) {
      l = new Loan(loans.size(), root, through, kind, writeThrough, site, origin, via, site instanceof Expression e && bindsLate(e, 0), liveView);
      loans.add(l);
      atSite.put(root, l);
    }
    return l;
  }

  /**
   * Whether a borrowing expression is, or derives from, a stream that binds late ({@code
   * list.stream()}, {@code list.stream().filter(f)}, or a local holding one: D22).
   */
  private boolean bindsLate(Expression expr, int depth) {
    Expression e = AstNodes.unwrap(expr);
    if (depth > 16 || !(e instanceof MethodCallExpr call)) {
      Variable v = depth > 0 ? file.bodies.variableOf(e) : null;
      if (v == null || heldBy(v).isEmpty()) {
        return false;
      }
      for (Loan l : heldBy(v)) {
        if (!l.bindsLate()) {
          return false;
        }
      }
      return true;
    }
    MethodContract c = file.calls.contractOf(call);
    if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
      return c.bindsLate();
    }
    return isDerivation(c) && call.getScope().isPresent() && bindsLate(call.getScope().get(), depth + 1);
  }

  private Holder holderOf(Variable v, boolean create) {
    Holder h = holderOfVariable.get(v);
    if (h == null && create) {
      h = newHolder(v, null);
      holderOfVariable.put(v, h);
    }
    return h;
  }

  private Holder newHolder(Variable v, Node loop) {
    Holder h = new Holder(holders.size(), v, loop);
    holders.add(h);
    return h;
  }

  private void hold(Loan loan, Holder holder, Node site) {
    if (holdersOfLoan.computeIfAbsent(loan.index(), k -> new LinkedHashSet<>()).add(holder)) {
      holds.add(new Hold(loan, holder));
    }
    if (holder.variable() != null) {
      held.computeIfAbsent(holder.variable(), k -> new LinkedHashSet<>()).add(loan);
      heldFrom.computeIfAbsent(holder.variable(), k -> new IdentityHashMap<>(2)).computeIfAbsent(site, k -> new LinkedHashSet<>()).add(loan);
    }
    handedOver.computeIfAbsent(site, k -> new LinkedHashSet<>()).add(loan);
  }
}
