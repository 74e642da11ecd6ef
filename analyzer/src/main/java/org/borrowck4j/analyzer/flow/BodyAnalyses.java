package org.borrowck4j.analyzer.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.BitSetLattice;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.dataflow.Dataflow;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.dataflow.TransferFunction;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Obligations;

/**
 * The analyses of one body, each computed on first request and shared by every check that asks
 * for it (rustc's per-body query results). An analysis takes this object and asks it for what it
 * builds on, so analyses depend on each other only through here. It also owns the one convention
 * for code no execution reaches: {@link #isReachable}; every analysis answers "no state" (null)
 * exactly there.
 */
public final class BodyAnalyses {
  private final BodyFacts facts;
  private final Budget budget;
  private final Map<Class<?>, Object> computed = new HashMap<>();
  private BitSet reachable;

  /** @param budget what the analyses of this body may spend; they charge it as they go */
  public BodyAnalyses(BodyFacts facts, Budget budget) {
    this.facts = facts;
    this.budget = budget;
  }

  public BodyFacts facts() {
    return facts;
  }

  public Body body() {
    return facts.body();
  }

  public Cfg cfg() {
    return facts.body().cfg();
  }

  public Budget budget() {
    return budget;
  }

  /** The analysis of the given class for this body, computed on first request. */
  public <T> T get(Class<T> type, Function<BodyAnalyses, T> compute) {
    Object a = computed.get(type);
    if (a == null) {
      a = compute.apply(this);
      computed.put(type, a);
    }
    return type.cast(a);
  }

  /**
   * Solves a forward analysis of this body from {@code entry} along the edges that can be taken
   * and that {@code follow} accepts, charging the budget.
   */
  public DataflowResults<BitSet> solveForward(
      BitSet entry, TransferFunction<BitSet> transfer, java.util.function.Predicate<Edge> follow) {
    Feasibility feasible = feasibility();
    return Dataflow.forward(cfg(), BitSetLattice.UNION, entry, transfer, e -> follow.test(e) && feasible.follows(e), budget);
  }

  public Feasibility feasibility() {
    return get(Feasibility.class, Feasibility::new);
  }

  /** The paths on which a value still held is lost, for the leak check and inference alike. */
  public LeakPaths leakPaths() {
    return get(LeakPaths.class, LeakPaths::throughHandlers);
  }

  public MaybeMoved maybeMoved() {
    return get(MaybeMoved.class, MaybeMoved::new);
  }

  /** At most this many flags refine which moves or leaks reach a point (each costs one more analysis). */
  static final int MAX_SPLIT_FLAGS = 8;

  private final Map<Variable, MovesByFlag> movesByFlag = new HashMap<>();
  /** The flags the body records something in, found once (null until asked). */
  private List<Variable> recordingFlags;

  /**
   * The moves of {@code place} that may have happened before {@code use} in {@code node}, as the
   * flags the body's conditions test narrow them (decision 249): a subset of {@link MaybeMoved}'s.
   */
  public List<Event.Move> movesBeforeByFlags(CfgNode node, Event use, Variable place, List<Event.Move> candidates) {
    List<Event.Move> left = new ArrayList<>(candidates);
    List<Variable> flags = recordingFlags();
    for (int i = 0; i < flags.size() && i < MAX_SPLIT_FLAGS && !left.isEmpty(); i++) {
      MovesByFlag split = movesByFlag.computeIfAbsent(flags.get(i), f -> new MovesByFlag(this, f));
      left.retainAll(split.movesBefore(node, use, place));
    }
    return left;
  }

  private final Map<Variable, LeaksByFlag> leaksByFlag = new HashMap<>();

  private List<Variable> recordingFlags() {
    if (recordingFlags == null) {
      recordingFlags = SplitByFlag.recordingFlags(facts, feasibility().flags());
    }
    return recordingFlags;
  }

  /**
   * Whether the obligated variable may hold an unreleased value just before {@code event} in
   * {@code node} once the flags the body records something in are taken into account (decision
   * 256): asked only where {@link #maybeLeaked()} says it may.
   */
  public boolean mayLeakByFlags(CfgNode node, Event event, Obligations.Obligation o) {
    List<Variable> flags = recordingFlags();
    for (int i = 0; i < flags.size() && i < MAX_SPLIT_FLAGS; i++) {
      LeaksByFlag split = leaksByFlag.computeIfAbsent(flags.get(i), f -> new LeaksByFlag(this, maybeLeaked(), f));
      if (!split.mayHoldUnreleased(node, event, o)) {
        return false;
      }
    }
    return true;
  }

  public LoansInScope loansInScope() {
    return get(LoansInScope.class, LoansInScope::new);
  }

  public LiveHolders liveHolders() {
    return get(LiveHolders.class, LiveHolders::new);
  }

  public EndedLoans endedLoans() {
    return get(EndedLoans.class, EndedLoans::new);
  }

  /** {@link #maybeLeaked()} along normal control flow only: what a caught exception adds. */
  public MaybeLeaked maybeLeakedOnNormalPaths() {
    return get(NormalPathsLeaked.class, a -> new NormalPathsLeaked(new MaybeLeaked(a, false))).analysis();
  }

  private record NormalPathsLeaked(MaybeLeaked analysis) {}

  public MaybeLeaked maybeLeaked() {
    return get(MaybeLeaked.class, MaybeLeaked::new);
  }

  public LaterUses laterUses() {
    return get(LaterUses.class, LaterUses::new);
  }

  /**
   * Whether some execution reaches the node: a path from the entry along edges that can be taken
   * ({@link Feasibility}). Code after {@code if (false)}, after a call that never returns, or on the
   * branch of a flag that is known there, is not reached; no check reports anything in it.
   */
  public boolean isReachable(CfgNode node) {
    if (reachable == null) {
      reachable = reachableFromEntry(edge -> true);
    }
    return reachable.get(node.id());
  }

  /** The nodes reached from the entry along feasible edges that {@code follow} accepts. */
  public BitSet reachableFromEntry(java.util.function.Predicate<Edge> follow) {
    return reach(cfg().entry(), true, follow, node -> true);
  }

  /**
   * The nodes from which the normal exit is reached along feasible edges, through nodes that
   * {@code through} accepts only.
   */
  public BitSet reachingExit(java.util.function.Predicate<CfgNode> through) {
    return reach(cfg().exit(), false, edge -> true, through);
  }

  private BitSet reach(
      CfgNode start, boolean forward, java.util.function.Predicate<Edge> follow, java.util.function.Predicate<CfgNode> through) {
    Cfg cfg = cfg();
    Feasibility feasible = feasibility();
    BitSet seen = new BitSet(cfg.size());
    Deque<CfgNode> work = new ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      if (seen.get(n.id()) || !through.test(n)) {
        continue;
      }
      seen.set(n.id());
      for (Edge e : forward ? n.successors() : n.predecessors()) {
        if (follow.test(e) && feasible.follows(e)) {
          work.add(cfg.node(forward ? e.to() : e.from()));
        }
      }
    }
    return seen;
  }
}
