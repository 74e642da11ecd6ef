package org.borrowck4j.analyzer.facts;

import java.util.ArrayList;
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
  private final Map<Variable, List<Event.Move>> movesByPlace = new IdentityHashMap<>();
  private final List<Variable> movedPlaces = new ArrayList<>();
  private final List<Loan> loans;
  private final List<Holder> holders;
  private final Map<Integer, Set<Holder>> holdersOfLoan;
  private final Map<Variable, Set<Loan>> held;

  OwnershipFacts(
      Body body, FileContext context, List<List<Event>> eventsByNode, List<Event.Move> moves, LoanCollector loans) {
    this.body = body;
    this.context = context;
    this.eventsByNode = eventsByNode;
    this.moves = List.copyOf(moves);
    this.loans = List.copyOf(loans.loans);
    this.holders = List.copyOf(loans.holders);
    this.holdersOfLoan = loans.holdersOfLoan;
    this.held = loans.held;
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
    for (Holder h : holders) {
      if (h.variable() == v) {
        return h;
      }
    }
    return null;
  }

  /** The places something moves out of, in order of their first move. */
  public List<Variable> movedPlaces() {
    return Collections.unmodifiableList(movedPlaces);
  }
}
