package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Which variables of a body are handles on one resource (D19, the Checker Framework's {@code
 * @MustCallAlias}): {@code reader = new BufferedReader(new InputStreamReader(in))} makes {@code
 * reader} a second handle on {@code in}'s resource. Closing either closes both. Gathered once,
 * flow-insensitively, from the body's declarations and assignments.
 */
final class ResourceAliases {
  private final FileFacts file;
  /** For each handle, the handles it wraps directly. */
  private final Map<Variable, Set<Variable>> wraps = new IdentityHashMap<>();
  /**
   * The handles that are what another handle holds rather than a wrapper of it: {@code content =
   * msg.content()} shares {@code msg}'s reference count (decision 246). Only the wording differs.
   */
  private final Set<Variable> sharing = Collections.newSetFromMap(new IdentityHashMap<>());
  /** For each local, the resources it is a plain copy of (`x = in`: D4, decision 257). */
  private final Map<Variable, Set<Variable>> copiesOf = new IdentityHashMap<>();
  /**
   * For each local, the stream locals it was derived from by a consuming operation ({@code s =
   * lines.filter(f)}, {@code it = walk.iterator()}: D6): closing one of those ends it too, and
   * what keeps it keeps them (decision 342).
   */
  private final Map<Variable, Set<Variable>> derivedFrom = new IdentityHashMap<>();
  /** The body's graph, walked back from a return by {@link #mayWrapAt}. */
  private final Cfg cfg;

  ResourceAliases(Body body, FileFacts file) {
    this.file = file;
    this.cfg = body.cfg();
    for (CfgNode node : cfg.nodes()) {
      Variable target = definedAt(node);
      if (target != null && !target.isField()) {
        record(target, ObligationFinder.storedValue(node));
      }
    }
  }

  /** The variable a declaration with an initializer or a plain assignment stores into, or null. */
  private Variable definedAt(CfgNode node) {
    if (node.kind() == CfgNode.Kind.DECLARE && node.ast() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
      return node.variable();
    }
    if (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN) {
      return file.bodies.variableOf(AstNodes.unwrap(a.getTarget()));
    }
    return null;
  }

  /**
   * Whether the local {@code holder} may, at {@code at}, hold a value that wraps {@code handle}'s
   * resource while {@code handle} still names it (decision 268): some definition of {@code
   * holder} whose value wraps {@code handle} (directly or through other handles) reaches {@code
   * at} with no assignment to {@code handle} in between. Walks the CFG back from {@code at}; a
   * path that reaches the entry or a binding of {@code holder} (a parameter, a catch or for-each
   * variable) may hold anything. {@code Object value = read(is); if (value instanceof Integer) {
   * value = new Result(is); is = null; } return value;}: {@code value} wraps {@code is} only
   * where {@code is} no longer names the stream.
   */
  boolean mayWrapAt(CfgNode at, Variable holder, Variable handle) {
    return mayHoldAt(at, holder, handle, value -> wrapsOrCopies(value, handle));
  }

  /**
   * Whether some definition of {@code holder} whose value passes {@code holds} reaches {@code at}
   * with no assignment to {@code handle} in between (or a path reaches the entry or a binding of
   * {@code holder}, which may hold anything).
   */
  private boolean mayHoldAt(CfgNode at, Variable holder, Variable handle, Predicate<Expression> holds) {
    if (holder.isField()) {
      return true;
    }
    BitSet seen = new BitSet();
    ArrayDeque<CfgNode> work = new ArrayDeque<>();
    seen.set(at.id());
    work.add(at);
    while (!work.isEmpty()) {
      CfgNode node = work.poll();
      if (node != at) {
        Variable defined = definedAt(node);
        if (defined == holder) {
          if (holds.test(ObligationFinder.storedValue(node))) {
            return true;
          }
          continue;
        }
        if (defined == handle) {
          continue; // `handle` names another value from here on
        }
        if (node.kind() == CfgNode.Kind.ENTRY || (node.kind() == CfgNode.Kind.BIND && node.variable() == holder)) {
          return true;
        }
      }
      for (Edge e : node.predecessors()) {
        if (!seen.get(e.from())) {
          seen.set(e.from());
          work.add(cfg.node(e.from()));
        }
      }
    }
    return false;
  }

  /** Whether a value stored is a handle on {@code handle}'s resource, as {@link #record} reads it. */
  private boolean wrapsOrCopies(Expression value, Variable handle) {
    Set<Variable> held = wrappedBy(value);
    copied(value, held, 0);
    for (Variable v : held) {
      if (v == handle || wrappedByHandle(v).contains(handle)) {
        return true;
      }
    }
    return false;
  }

  private void record(Variable handle, Expression value) {
    Variable source = derivationSource(value);
    if (source != null && source != handle) {
      derivedFrom.computeIfAbsent(handle, k -> new LinkedHashSet<>(1)).add(source);
    }
    Set<Variable> wrapped = wrappedBy(value);
    Set<Variable> copies = new LinkedHashSet<>(1);
    copied(value, copies, 0);
    copies.remove(handle);
    if (!copies.isEmpty()) {
      copiesOf.computeIfAbsent(handle, k -> new LinkedHashSet<>()).addAll(copies);
      wrapped.addAll(copies);
    }
    wrapped.remove(handle);
    if (!wrapped.isEmpty()) {
      wraps.computeIfAbsent(handle, k -> new LinkedHashSet<>()).addAll(wrapped);
      if (AstNodes.unwrap(value) instanceof MethodCallExpr call && file.calls.resultAliasesReceiver(call)) {
        sharing.add(handle);
      }
    }
  }

  /** The local a consuming operation derives the value from ({@code lines} of {@code lines.filter(f)}), or null. */
  private Variable derivationSource(Expression value) {
    if (!(AstNodes.unwrap(value) instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
      return null;
    }
    MethodContract c = file.calls.contractOf(call);
    if (c == null || !(file.calls.derivesOwner(c) || file.calls.derivesView(c))) {
      return null;
    }
    Variable v = file.bodies.variableOf(AstNodes.unwrap(call.getScope().get()));
    return v == null || v.isField() ? null : v;
  }

  /**
   * The stream locals a value kept elsewhere was derived from (D6), directly or through other
   * derivations: {@code walk} for {@code it} or for {@code walk.iterator()}. Whoever keeps the
   * value keeps what it reads, as a kept wrapper keeps what it wraps (decision 342).
   */
  Set<Variable> derivationSources(Expression value) {
    Set<Variable> out = new LinkedHashSet<>(0);
    if (derivedFrom.isEmpty() && !(AstNodes.unwrap(value) instanceof MethodCallExpr)) {
      return out;
    }
    List<Variable> work = new ArrayList<>(1);
    Variable v = file.bodies.variableOf(AstNodes.unwrap(value));
    if (v != null && !v.isField()) {
      work.add(v);
    } else {
      Variable source = derivationSource(value);
      if (source != null && out.add(source)) {
        work.add(source);
      }
    }
    while (!work.isEmpty()) {
      for (Variable source : derivedFrom.getOrDefault(work.remove(work.size() - 1), Set.of())) {
        if (out.add(source)) {
          work.add(source);
        }
      }
    }
    return out;
  }

  /**
   * The locals derived from {@code source} (D6), directly or through other derivations, that may
   * still hold such a value at {@code at} (decision 268's walk): what closing {@code source} there
   * ends with it.
   */
  List<Variable> derivedAt(CfgNode at, Variable source) {
    List<Variable> out = new ArrayList<>(0);
    if (derivedFrom.isEmpty()) {
      return out;
    }
    Set<Variable> seen = new LinkedHashSet<>();
    List<Variable> work = new ArrayList<>(List.of(source));
    while (!work.isEmpty()) {
      Variable from = work.remove(work.size() - 1);
      for (var entry : derivedFrom.entrySet()) {
        Variable derived = entry.getKey();
        if (entry.getValue().contains(from) && derived != source && seen.add(derived)) {
          work.add(derived);
          if (mayHoldAt(at, derived, from, value -> derivationSource(value) == from)) {
            out.add(derived);
          }
        }
      }
    }
    return out;
  }

  /**
   * A resource an assignment does not move (D4: a file stream, a JDBC object) copied to another
   * variable: the two name one resource (decision 257), as a wrapper and what it wraps do.
   */
  private void copied(Expression value, Set<Variable> out, int depth) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof ConditionalExpr c && depth < 8) {
      copied(c.getThenExpr(), out, depth + 1);
      copied(c.getElseExpr(), out, depth + 1);
      return;
    }
    Variable v = file.bodies.variableOf(e);
    if (v != null && !v.isField() && !file.owners.movesWhenAssigned(v)) {
      out.add(v); // only an AutoCloseable of no owned type is not moved
    }
  }

  /**
   * The variables whose resource a value is a handle on: the arguments a call or constructor takes
   * as {@code @MustCallAlias}, through nested wrappers ({@code new BufferedReader(new
   * InputStreamReader(in))}).
   */
  Set<Variable> wrappedBy(Expression value) {
    return wrappedBy(value, file);
  }

  static Set<Variable> wrappedBy(Expression value, FileFacts file) {
    Set<Variable> out = new LinkedHashSet<>();
    collect(value, out, 0, file);
    return out;
  }

  private static void collect(Expression value, Set<Variable> out, int depth, FileFacts file) {
    if (depth > 16) {
      return;
    }
    if (AstNodes.unwrap(value) instanceof ConditionalExpr c) {
      // `gz ? new GZIPInputStream(raw) : raw`: a handle on `raw`'s resource either way (decision 256).
      collect(c.getThenExpr(), out, depth + 1, file);
      collect(c.getElseExpr(), out, depth + 1, file);
      return;
    }
    for (Expression arg : file.calls.wrappedArguments(AstNodes.unwrap(value))) {
      for (ValueSources.Source s : ValueSources.of(arg, file.bodies)) {
        out.add(s.place());
      }
      collect(arg, out, depth + 1, file);
    }
  }

  boolean isEmpty() {
    return wraps.isEmpty() && derivedFrom.isEmpty();
  }

  /**
   * A handle on the same resource as a closed one, whether the closed one wraps it, whether one of
   * the two is what the other holds rather than a wrapper of it (decision 246), and whether one is
   * a plain copy of the other (decision 257). The last two change only the wording.
   */
  record Partner(Variable handle, boolean wrappedByClosed, boolean sharesCount, boolean copy) {}

  /** The other handles on the resource of {@code closed}, which closing it closes too. */
  List<Partner> partnersOf(Variable closed) {
    List<Partner> out = new ArrayList<>(0);
    if (wraps.isEmpty()) {
      return out;
    }
    Set<Variable> below = new LinkedHashSet<>();
    reach(closed, below, true);
    Set<Variable> above = new LinkedHashSet<>();
    reach(closed, above, false);
    for (Variable v : below) {
      out.add(new Partner(v, true, sharing.contains(closed), copies(closed, v)));
    }
    for (Variable v : above) {
      if (!below.contains(v)) {
        out.add(new Partner(v, false, sharing.contains(v), copies(closed, v)));
      }
    }
    return out;
  }

  /** Whether one of the two is a plain copy of the other (`x = in`), rather than a wrapper. */
  private boolean copies(Variable a, Variable b) {
    return !copiesOf.isEmpty() && (copiedInto(a).contains(b) || copiedInto(b).contains(a));
  }

  /** The resources a local is a plain copy of ({@code x = in}), through other copies (decision 257). */
  Set<Variable> copiedInto(Variable handle) {
    Set<Variable> out = new LinkedHashSet<>();
    List<Variable> work = new ArrayList<>(List.of(handle));
    while (!work.isEmpty()) {
      for (Variable source : copiesOf.getOrDefault(work.remove(work.size() - 1), Set.of())) {
        if (source != handle && out.add(source)) {
          work.add(source);
        }
      }
    }
    return out;
  }

  /** The handles {@code handle} wraps, directly or through other wrappers: what keeping it keeps. */
  Set<Variable> wrappedByHandle(Variable handle) {
    Set<Variable> below = new LinkedHashSet<>();
    if (!wraps.isEmpty()) {
      reach(handle, below, true);
    }
    return below;
  }

  /** What {@code from} wraps (down) or what wraps it (up), transitively. */
  private void reach(Variable from, Set<Variable> out, boolean down) {
    for (Variable next : down ? wraps.getOrDefault(from, Set.of()) : wrappersOf(from)) {
      if (next != from && out.add(next)) {
        reach(next, out, down);
      }
    }
  }

  private List<Variable> wrappersOf(Variable wrapped) {
    List<Variable> out = new ArrayList<>(1);
    for (var entry : wraps.entrySet()) {
      if (entry.getValue().contains(wrapped)) {
        out.add(entry.getKey());
      }
    }
    return out;
  }

  /**
   * Whether a handle wrapping {@code v} (directly or through other wrappers) is held by a variable
   * of a block enclosing {@code v}'s own, and so lives on when {@code v}'s block ends ({@code
   * dying}): {@code if (…) { InputStream fis = new FileInputStream(f); reader = new
   * BufferedReader(new InputStreamReader(fis)); }} with {@code reader} declared before the block.
   */
  boolean wrappedFromOutside(Variable v, Collection<Variable> dying) {
    Node own = blockOf(v);
    if (own == null) {
      return false;
    }
    Set<Variable> above = new LinkedHashSet<>();
    reach(v, above, false);
    for (Variable w : above) {
      Node outer = blockOf(w);
      if (!dying.contains(w) && !w.isField() && outer != null && outer != own && AstNodes.isWithin(own, outer)) {
        return true;
      }
    }
    return false;
  }

  private static Node blockOf(Variable v) {
    return v.declaration() == null ? null : v.declaration().findAncestor(BlockStmt.class).orElse(null);
  }

  /** Whether {@code v}'s own close does nothing ({@code ByteArrayOutputStream}): closing a wrapper leaves it usable. */
  boolean closeHasNoEffect(Variable v) {
    return file.index.closeDoesNothing(file.types.typeOf(v));
  }
}
