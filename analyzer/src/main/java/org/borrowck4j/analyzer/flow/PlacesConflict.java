package org.borrowck4j.analyzer.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Holder;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.MutationCause;

/**
 * Whether an access conflicts with a loan, and how: the one test behind every borrow error (rustc's
 * {@code places_conflict} with the access/borrow table of {@code check_access_for_conflict}).
 * Places are variables; a loan concerns its root and the borrows it was taken through.
 */
public final class PlacesConflict {
  private PlacesConflict() {}

  public enum Kind {
    /** A mutation of a place while a loan on it is live (E0502; a field assigned: E0506). */
    MUTATION_WHILE_BORROWED,
    /** A read of a place while a mutable loan on it is live (E0503). */
    USE_WHILE_MUTABLY_BORROWED,
    /** A new mutable borrow while a loan is live (E0499, E0502). */
    MUTABLE_BORROW_WHILE_BORROWED,
    /** A new shared borrow while a mutable loan is live (E0502). */
    SHARED_BORROW_WHILE_MUTABLY_BORROWED,
    /** A mutation through a shared borrow (E0596). */
    MUTATION_THROUGH_SHARED,
    /**
     * One place passed to two parameters of a call (or as an argument and the receiver), one of
     * them {@code @Mut} (E0499, E0502).
     */
    CONFLICTING_ARGUMENTS,
    /**
     * A call mutates its receiver while one of its arguments still borrows it: the receiver's
     * two-phase borrow is activated at the call, where the argument's borrow is live (E0502, E0499).
     */
    ACTIVATION_WHILE_BORROWED,
    /** An owner assigned a new value while a loan on the old one is live (E0506). */
    ASSIGNMENT_WHILE_BORROWED,
    /** A move or consumption of a place while a loan on it is live (E0505). */
    MOVE_WHILE_BORROWED,
    /**
     * A structural change, inside a lambda a call runs in place, of what the call reads while it
     * runs it (D22; E0502 with a closure): the access is the lambda's mutation, the other operand
     * the call's borrow ({@link org.borrowck4j.analyzer.facts.InPlaceChange}).
     */
    CHANGED_WHILE_RUNNING_IN_PLACE
  }

  /**
   * The loans an access may conflict with, as loan indexes (read-only): those on the place it
   * touches, or — for a move, which ends them all — those on the place or taken through it.
   * Empty for events that are no access.
   */
  public static BitSet candidates(Event access, BodyFacts facts) {
    if (access instanceof Event.Move m) {
      // A resource handed to the caller leaves the method with its loans (decision 220).
      return m.cause().kind() == MoveCause.Kind.CLOSED_BY_TRY || m.cause().kind() == MoveCause.Kind.HANDED_TO_CALLER
          ? new BitSet()
          : facts.loansEndedBy(m.place());
    }
    if (access instanceof Event.Use
        || access instanceof Event.Mutate
        || access instanceof Event.ArgumentBorrow
        || (access instanceof Event.Borrow b && b.at() == b.loan().createdAt())) {
      return facts.loansOn(access.place());
    }
    return new BitSet();
  }

  /** How an access conflicts with a live loan on its place, or null when it does not. */
  public static Kind between(Event access, Loan loan, BodyFacts facts) {
    if (access instanceof Event.Use) {
      return loan.kind() == Loan.Kind.MUT ? Kind.USE_WHILE_MUTABLY_BORROWED : null;
    }
    if (access instanceof Event.Mutate m && m.cause().kind() == MutationCause.Kind.ASSIGNMENT) {
      // The target's own loans end with its old value (`s = s.filter(f)` in a loop).
      return facts.loansSolelyHeldBy(m.place()).get(loan.index()) ? null : Kind.ASSIGNMENT_WHILE_BORROWED;
    }
    if (access instanceof Event.Mutate m) {
      if (loan.allowsChangesOfRoot()) {
        return null; // a stream not bound yet (D22), a map's view that shows the change (decision 278)
      }
      return loan != m.through()
              && !sameHolder(m.through(), loan, facts)
              && !takenThrough(m.through(), loan, facts)
              && conflictsWithWriteThrough(m.through(), loan, facts)
          ? Kind.MUTATION_WHILE_BORROWED
          : null;
    }
    if (access instanceof Event.Borrow b) {
      return loan == b.loan() ? null : newBorrow(b.loan().kind(), loan, b.loan().through(), facts);
    }
    if (access instanceof Event.ArgumentBorrow a) {
      if (loan.allowsChangesOfRoot() && a.kind() == Loan.Kind.MUT) {
        // `Collections.sort(list)` before the stream's terminal operation; a callee changing a
        // map whose view is held
        return null;
      }
      return newBorrow(a.kind(), loan, a.through(), facts);
    }
    if (access instanceof Event.Move) {
      return Kind.MOVE_WHILE_BORROWED;
    }
    return null;
  }

  /** A conflict that needs no live loan: a mutation through a shared borrow is never allowed. */
  public static Kind byItself(Event access) {
    return access instanceof Event.MutateShared ? Kind.MUTATION_THROUGH_SHARED : null;
  }

  /** A conflict between two operands of one call: where it is reported, and the other operand. */
  public record CallConflict(Kind kind, Event access, Event other) {}

  /**
   * The conflicts among the operands of one call, from the events of its node (rustc's two-phase
   * borrows: every operand is evaluated before the call is activated). An argument passing a place
   * to a {@code @Mut} parameter conflicts with an earlier operand that borrows it, and a later one
   * with it; the receiver's mutation at the call conflicts with any operand still borrowing it; a
   * move at the call (an {@code @Owned} argument, a consumed receiver) with any other operand
   * borrowing what it moves, the mutated receiver included. Uses of the place completed while the
   * arguments were evaluated left no operand: {@code list.add(list.size())} has none. One
   * conflict per access.
   */
  public static List<CallConflict> withinCall(List<Event> events) {
    List<Event> operands = new ArrayList<>(2);
    List<CallConflict> out = new ArrayList<>(0);
    for (Event e : events) {
      if (e instanceof Event.ArgumentBorrow || e instanceof Event.Operand) {
        for (Event earlier : operands) {
          if (borrowsSame(earlier, e) && (isMutable(earlier) || isMutable(e))) {
            out.add(new CallConflict(Kind.CONFLICTING_ARGUMENTS, e, earlier));
            break;
          }
        }
        operands.add(e);
      }
    }
    for (Event e : events) {
      if (e instanceof Event.Mutate m && isActivation(m)) {
        for (Event o : operands) {
          if (o.place() == m.place()) {
            out.add(new CallConflict(Kind.ACTIVATION_WHILE_BORROWED, m, o));
            break;
          }
        }
      } else if (e instanceof Event.Move m
          && m.cause().kind() != MoveCause.Kind.CLOSED_BY_TRY
          && m.cause().kind() != MoveCause.Kind.HANDED_TO_CALLER) {
        // What the call borrows of the moved place: another operand, or its @Mut receiver.
        for (Event o : events) {
          if (borrowsAtTheCall(o) && (o.place() == m.place() || through(o).contains(m.place()))) {
            out.add(new CallConflict(Kind.MOVE_WHILE_BORROWED, m, o));
            break;
          }
        }
      }
    }
    return out;
  }

  /** The mutation of a {@code @Mut} method's receiver, at the call. */
  private static boolean isActivation(Event e) {
    return e instanceof Event.Mutate m && m.cause().kind() == MutationCause.Kind.MUT_METHOD;
  }

  private static boolean borrowsAtTheCall(Event e) {
    return e instanceof Event.ArgumentBorrow || e instanceof Event.Operand || isActivation(e);
  }

  private static boolean borrowsSame(Event a, Event b) {
    return a.place() == b.place();
  }

  private static boolean isMutable(Event operand) {
    return operand instanceof Event.ArgumentBorrow a && a.kind() == Loan.Kind.MUT;
  }

  private static List<Variable> through(Event operand) {
    if (operand instanceof Event.Mutate) {
      return List.of();
    }
    return operand instanceof Event.ArgumentBorrow a ? a.through() : ((Event.Operand) operand).through();
  }

  /**
   * A new borrow conflicts with a live loan when either is mutable — unless it is taken through
   * a holder of that loan: a reborrow ({@code @Mut Buffer m = buf; sum(m);}).
   */
  private static Kind newBorrow(Loan.Kind kind, Loan live, List<Variable> through, BodyFacts facts) {
    if (!through.isEmpty()) {
      for (Holder h : facts.holdersOf(live)) {
        if (h.variable() != null && through.contains(h.variable())) {
          return null;
        }
      }
    }
    if (kind == Loan.Kind.MUT) {
      return Kind.MUTABLE_BORROW_WHILE_BORROWED;
    }
    return live.kind() == Loan.Kind.MUT ? Kind.SHARED_BORROW_WHILE_MUTABLY_BORROWED : null;
  }

  /** Whether two loans are held by the same variable ({@code it} re-created in a loop holds both). */
  private static boolean sameHolder(Loan a, Loan b, BodyFacts facts) {
    if (a == null) {
      return false;
    }
    for (Holder h : facts.holdersOf(a)) {
      if (h.variable() != null && facts.holdersOf(b).contains(h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the loan a write goes through was taken through a holder of {@code other}: {@code
   * it.remove()} on {@code keys.iterator()} writes through the {@code keySet()} view too, which
   * stays valid (Java's views are not fail-fast; only their other iterators are). Decision 153.
   */
  private static boolean takenThrough(Loan through, Loan other, BodyFacts facts) {
    if (through == null || through.through().isEmpty()) {
      return false;
    }
    for (Holder h : facts.holdersOf(other)) {
      if (h.variable() != null && through.through().contains(h.variable())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A write through a {@code @Mut} borrow conflicts only with borrows taken through it (Rust's
   * reborrows); the mutable borrow itself already excluded every other loan when it was created.
   * A write through a collection's iterator or view conflicts with every other loan (D7).
   */
  private static boolean conflictsWithWriteThrough(Loan through, Loan other, BodyFacts facts) {
    if (through == null || through.kind() != Loan.Kind.MUT) {
      return true;
    }
    for (Holder h : facts.holdersOf(through)) {
      if (h.variable() != null && other.through().contains(h.variable())) {
        return true;
      }
    }
    return false;
  }
}
