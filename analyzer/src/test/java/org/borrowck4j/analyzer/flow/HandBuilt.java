package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.CfgAssembly;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Conditions;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Holder;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.MutationCause;
import org.borrowck4j.analyzer.facts.Obligations;
import org.borrowck4j.analyzer.model.MethodContract;

/**
 * Facts written by hand for the analyses' unit tests: a graph whose every node and edge the test
 * chooses, and the events of each node, with no Java source behind them. Events are given in node
 * order (moves are numbered so); AST nodes are placeholders, opaque to the analyses.
 */
final class HandBuilt {
  final CfgAssembly graph = new CfgAssembly();
  private final Map<CfgNode, List<Event>> events = new LinkedHashMap<>();
  private final List<Loan> loans = new ArrayList<>();
  private final List<Holder> holders = new ArrayList<>();
  private final Map<Loan, List<Holder>> holdersOf = new LinkedHashMap<>();
  private final Conditions.Builder conditions = Conditions.builder();
  private final BitSet noReturn = new BitSet();
  private final Set<Edge> closedHandlers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private Set<Variable> droppable = Set.of();
  private Obligations obligations = Obligations.NONE;
  private int moves;

  Variable local(String name) {
    return graph.variable(name, Variable.Kind.LOCAL);
  }

  /** A node evaluating something, with the events it has, in order. */
  CfgNode eval(Event... nodeEvents) {
    return node(CfgNode.Kind.EVAL, nodeEvents);
  }

  CfgNode node(CfgNode.Kind kind, Event... nodeEvents) {
    CfgNode n = graph.node(kind, new NameExpr("n" + (events.size() + 3)), null, List.of());
    events.put(n, new ArrayList<>(List.of(nodeEvents)));
    return n;
  }

  /** The branch of a condition on a local boolean flag taken when the flag has {@code value}. */
  CfgNode branchOn(Variable flag, boolean value) {
    CfgNode n = node(value ? CfgNode.Kind.ASSUME_TRUE : CfgNode.Kind.ASSUME_FALSE);
    flagTested(n, flag, value);
    return n;
  }

  HandBuilt path(CfgNode... through) {
    graph.path(through);
    return this;
  }

  HandBuilt edge(CfgNode from, CfgNode to, Edge.Kind kind) {
    graph.edge(from, to, kind);
    return this;
  }

  // ---- events ----

  static Event use(Variable v) {
    return new Event.Use(v, new NameExpr(v.name()), Event.UseKind.READ);
  }

  Event.Move move(Variable v) {
    return new Event.Move(moves++, v, new NameExpr(v.name()), new MoveCause(MoveCause.Kind.OWNED_ARGUMENT, "p", "Sink.take", false));
  }

  /** A move by an assignment ({@code other = v}), not by a call. */
  Event.Move assignAway(Variable v) {
    return new Event.Move(moves++, v, new NameExpr(v.name()), new MoveCause(MoveCause.Kind.ASSIGNMENT, "other", null, false));
  }

  Event.Move consume(Variable v) {
    return new Event.Move(moves++, v, new NameExpr(v.name()), new MoveCause(MoveCause.Kind.CONSUMED, "release", "Buf.release", false));
  }

  static Event reinit(Variable v) {
    return new Event.Reinit(v, new NameExpr(v.name()));
  }

  static Event dead(Variable v) {
    return new Event.StorageDead(v, new NameExpr(v.name()));
  }

  static Event mutate(Variable v) {
    return new Event.Mutate(v, new NameExpr(v.name()), null, new MutationCause(MutationCause.Kind.MUT_METHOD, "add", "List.add"));
  }

  /** A loan on {@code root} held by {@code holder}, created (and taken by the holder) at a node. */
  Loan loan(Variable root, Loan.Kind kind, Variable holder) {
    Loan l = new Loan(loans.size(), root, List.of(), kind, false, new NameExpr("borrow" + loans.size()), Loan.Origin.METHOD, "iterator");
    loans.add(l);
    Holder h = new Holder(holders.size(), holder, null);
    holders.add(h);
    holdersOf.put(l, List.of(h));
    return l;
  }

  /** A for-each loop's loan on {@code root}, held by the loop whose head is {@code head}. */
  Loan loopLoan(Variable root, CfgNode head) {
    Loan l = new Loan(loans.size(), root, List.of(), Loan.Kind.SHARED, true, head.ast(), Loan.Origin.FOR_EACH, null);
    loans.add(l);
    Holder h = new Holder(holders.size(), null, head.ast());
    holders.add(h);
    holdersOf.put(l, List.of(h));
    return l;
  }

  static Event borrow(Loan l) {
    return new Event.Borrow(l.root(), l.createdAt(), l);
  }

  // ---- other facts ----

  HandBuilt droppable(Variable... vs) {
    droppable = Set.of(vs);
    return this;
  }

  HandBuilt flagTested(CfgNode branch, Variable flag, boolean value) {
    conditions.flagTested(branch, flag, value);
    return this;
  }

  HandBuilt constantStored(CfgNode node, boolean value) {
    conditions.constantStored(node, value);
    return this;
  }

  HandBuilt knownNull(CfgNode branch, Variable v) {
    conditions.holdsNothing(branch, v);
    return this;
  }

  HandBuilt noReturn(CfgNode call) {
    noReturn.set(call.id());
    return this;
  }

  /** The exception edge between the nodes is closed (D9: the node cannot throw what the clause catches). */
  HandBuilt closedHandler(CfgNode from, CfgNode to) {
    for (Edge e : from.successors()) {
      if (e.to() == to.id() && e.kind() == Edge.Kind.EXCEPTION) {
        closedHandlers.add(e);
      }
    }
    return this;
  }

  HandBuilt obligations(Obligations o) {
    obligations = o;
    return this;
  }

  BodyFacts facts() {
    BodyFacts.Builder b = BodyFacts.builder(graph.body("handBuilt", List.of()));
    for (var e : events.entrySet()) {
      b.events(e.getKey(), e.getValue());
    }
    for (Loan l : loans) {
      b.loan(l, holdersOf.get(l).toArray(Holder[]::new));
    }
    Set<Variable> drops = droppable;
    Obligations o = obligations;
    return b.conditions(conditions.build())
        .declarations(new BodyFacts.Declarations(drops::contains, v -> false, MethodContract.ReturnMode.NONE))
        .noReturnCalls(() -> (BitSet) noReturn.clone())
        .closedHandlerEdges(() -> closedHandlers)
        .obligations(facts -> o)
        .build();
  }

  BodyAnalyses analyses() {
    return new BodyAnalyses(facts(), Budget.unlimited());
  }
}
