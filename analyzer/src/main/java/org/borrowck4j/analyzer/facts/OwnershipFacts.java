package org.borrowck4j.analyzer.facts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * The ownership facts of one body, gathered once: the events of each CFG node in order, and
 * every move (rustc's {@code MoveData}: move-outs numbered, and the move-outs of each place).
 */
public final class OwnershipFacts {
  private final Body body;
  private final FileContext context;
  private final List<List<Event>> eventsByNode;
  private final List<Event.Move> moves;
  private final Map<Variable, List<Event.Move>> movesByPlace = new IdentityHashMap<>(4);
  private final List<Variable> movedPlaces = new ArrayList<>();
  private final List<Loan> loans;
  private final List<Holder> holders;
  private final Map<Integer, Set<Holder>> holdersOfLoan;
  private final Map<Variable, Set<Loan>> held;
  private final Map<Variable, Holder> holderOfVariable = new IdentityHashMap<>(4);
  // Loans by the places that matter to them (rustc's BorrowSet::local_map), so that a transfer
  // function touches the loans of one place, not every loan of the body.
  private final Map<Variable, BitSet> loansOnRoot = new IdentityHashMap<>(4);
  private final Map<Variable, BitSet> loansEndedBy = new IdentityHashMap<>(4);
  private final Map<Variable, BitSet> loansSolelyHeldBy = new IdentityHashMap<>(4);
  private final BitSet[] loansOfHolder;
  private final org.borrowck4j.analyzer.dataflow.Budget budget;

  OwnershipFacts(
      Body body,
      FileContext context,
      List<List<Event>> eventsByNode,
      List<Event.Move> moves,
      LoanCollector loans,
      org.borrowck4j.analyzer.dataflow.Budget budget) {
    this.body = body;
    this.budget = budget;
    this.context = context;
    this.eventsByNode = eventsByNode;
    this.moves = List.copyOf(moves);
    this.loans = List.copyOf(loans.loans);
    this.holders = List.copyOf(loans.holders);
    this.holdersOfLoan = loans.holdersOfLoan;
    this.held = loans.held;
    this.loansOfHolder = new BitSet[holders.size()];
    for (Holder h : holders) {
      loansOfHolder[h.index()] = new BitSet();
      if (h.variable() != null) {
        holderOfVariable.putIfAbsent(h.variable(), h);
      }
    }
    for (Loan l : this.loans) {
      loansOnRoot.computeIfAbsent(l.root(), v -> new BitSet()).set(l.index());
      loansEndedBy.computeIfAbsent(l.root(), v -> new BitSet()).set(l.index());
      for (Variable v : l.through()) {
        loansEndedBy.computeIfAbsent(v, k -> new BitSet()).set(l.index());
      }
      Set<Holder> hs = holdersOf(l);
      for (Holder h : hs) {
        loansOfHolder[h.index()].set(l.index());
      }
      if (hs.size() == 1 && hs.iterator().next().variable() != null) {
        loansSolelyHeldBy.computeIfAbsent(hs.iterator().next().variable(), v -> new BitSet()).set(l.index());
      }
    }
    for (Event.Move m : moves) {
      movesByPlace
          .computeIfAbsent(
              m.place(),
              p -> {
                movedPlaces.add(p);
                return new ArrayList<>();
              })
          .add(m);
    }
  }

  public Body body() {
    return body;
  }

  private org.borrowck4j.analyzer.flow.Feasibility feasibility;

  /** Which edges can be taken (computed once, shared by every analysis of the body). */
  public synchronized org.borrowck4j.analyzer.flow.Feasibility feasibility() {
    if (feasibility == null) {
      feasibility = new org.borrowck4j.analyzer.flow.Feasibility(this);
    }
    return feasibility;
  }

  /** What the analyses of this body may spend; they charge it as they go. */
  public org.borrowck4j.analyzer.dataflow.Budget budget() {
    return budget;
  }

  public FileContext context() {
    return context;
  }

  /** The events of a node, in the order they happen. */
  public List<Event> events(CfgNode node) {
    return eventsByNode.get(node.id());
  }

  /** Every move and consumption in the body, indexed by {@link Event.Move#index()}. */
  public List<Event.Move> moves() {
    return moves;
  }

  /** The moves out of one place. */
  public List<Event.Move> movesOf(Variable place) {
    return movesByPlace.getOrDefault(place, List.of());
  }

  /** Every loan of the body, indexed by {@link Loan#index()}. */
  public List<Loan> loans() {
    return loans;
  }

  /** Every holder of a loan, indexed by {@link Holder#index()}. */
  public List<Holder> holders() {
    return holders;
  }

  /** What keeps a loan alive. */
  public Set<Holder> holdersOf(Loan loan) {
    return holdersOfLoan.getOrDefault(loan.index(), Set.of());
  }

  /** The loans a variable holds. */
  public Set<Loan> heldBy(Variable v) {
    return held.getOrDefault(v, Set.of());
  }

  /** The holder a variable is, or null. */
  public Holder holderOf(Variable v) {
    return holderOfVariable.get(v);
  }

  private static final BitSet NONE = new BitSet();

  /** The loans borrowing from a place (read-only). */
  public BitSet loansOn(Variable root) {
    return loansOnRoot.getOrDefault(root, NONE);
  }

  /**
   * The loans that moving, consuming or dropping a place ends: those on it and those taken
   * through it ({@link Loan#dependsOn}); read-only.
   */
  public BitSet loansEndedBy(Variable place) {
    return loansEndedBy.getOrDefault(place, NONE);
  }

  /** The loans whose only holder is a variable: a new value or its scope's end ends them; read-only. */
  public BitSet loansSolelyHeldBy(Variable v) {
    return loansSolelyHeldBy.getOrDefault(v, NONE);
  }

  /** The loans kept alive by any of the given holders (bits are holder indexes). */
  public BitSet loansHeldByAny(BitSet holderSet) {
    BitSet out = new BitSet();
    for (int h = holderSet.nextSetBit(0); h >= 0 && h < loansOfHolder.length; h = holderSet.nextSetBit(h + 1)) {
      out.or(loansOfHolder[h]);
    }
    return out;
  }

  /** The places something moves out of, in order of their first move. */
  public List<Variable> movedPlaces() {
    return Collections.unmodifiableList(movedPlaces);
  }
}
