package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Holder;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.OwnershipFacts;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * The one checking visitor of the borrow rules (rustc's {@code check_access_for_conflict}): walks
 * every access of a body — reads, mutations, new borrows, moves — and asks whether it conflicts
 * with a loan that is in scope and live there. Each conflicting access is one conflict, with the
 * loan it conflicts with and where that loan is used later (decision 18). The rules turn
 * conflicts into findings; this class says nothing to users.
 */
public final class BorrowConflicts {
  public enum Kind {
    /** A mutation of a place while a loan on it is live (E0502, E0506). */
    MUTATION_WHILE_BORROWED,
    /** A read of a place while a mutable loan on it is live (E0503). */
    USE_WHILE_MUTABLY_BORROWED,
    /** A new mutable borrow while a loan is live (E0499, E0502). */
    MUTABLE_BORROW_WHILE_BORROWED,
    /** A new shared borrow while a mutable loan is live (E0502). */
    SHARED_BORROW_WHILE_MUTABLY_BORROWED,
    /** A mutation through a shared borrow (E0596). */
    MUTATION_THROUGH_SHARED,
    /** One place passed to two parameters of a call, one of them {@code @Mut}. */
    CONFLICTING_ARGUMENTS,
    /** A move or consumption of a place while a loan on it is live (E0505). */
    MOVE_WHILE_BORROWED
  }

  /** Where a loan is used after the conflicting access. */
  public record LaterUse(Node at, boolean nextIteration, boolean byLoop) {}

  /**
   * @param loan the loan conflicted with (null for a mutation through a borrow of unknown origin)
   * @param other for conflicting arguments, the other argument
   */
  public record Conflict(Kind kind, Event access, Loan loan, LaterUse laterUse, Event.ArgumentBorrow other) {}

  private final OwnershipFacts facts;
  private final List<Conflict> conflicts = new ArrayList<>();

  public BorrowConflicts(OwnershipFacts facts) {
    this.facts = facts;
    boolean anything = !facts.loans().isEmpty();
    if (!anything) {
      for (CfgNode n : facts.body().cfg().nodes()) {
        for (Event e : facts.events(n)) {
          anything |= e instanceof Event.MutateShared || e instanceof Event.ArgumentBorrow;
        }
      }
    }
    if (anything) {
      compute();
    }
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  private void compute() {
    LoansInScope inScope = new LoansInScope(facts);
    LiveHolders live = new LiveHolders(facts);
    Cfg cfg = facts.body().cfg();
    Map<String, Conflict> found = new LinkedHashMap<>();
    for (CfgNode node : cfg.nodes()) {
      BitSet scope = inScope.before(node);
      if (scope == null) {
        continue; // unreachable
      }
      LiveLoans liveAfter = new LiveLoans(live.liveAfter(node));
      List<Event.ArgumentBorrow> arguments = new ArrayList<>();
      for (Event e : facts.events(node)) {
        if (e instanceof Event.Use u) {
          for (Loan l : liveLoans(scope, liveAfter, u.place())) {
            if (l.kind() == Loan.Kind.MUT) {
              add(found, node, Kind.USE_WHILE_MUTABLY_BORROWED, e, l, null);
              break;
            }
          }
        } else if (e instanceof Event.Mutate m) {
          for (Loan l : liveLoans(scope, liveAfter, m.place())) {
            if (l != m.through() && !sameHolder(m.through(), l) && conflictsWithWriteThrough(m.through(), l)) {
              add(found, node, Kind.MUTATION_WHILE_BORROWED, e, l, null);
              break;
            }
          }
        } else if (e instanceof Event.MutateShared s) {
          add(found, node, Kind.MUTATION_THROUGH_SHARED, e, s.loan(), null);
        } else if (e instanceof Event.Borrow b && b.at() == b.loan().createdAt()) {
          newBorrow(found, node, e, b.loan().kind(), b.loan(), reborrowable(liveLoans(scope, liveAfter, b.place()), b.loan().through()));
        } else if (e instanceof Event.ArgumentBorrow a) {
          newBorrow(found, node, e, a.kind(), null, reborrowable(liveLoans(scope, liveAfter, a.place()), a.through()));
          for (Event.ArgumentBorrow other : arguments) {
            if (other.place() == a.place()
                && other.call() == a.call()
                && (other.kind() == Loan.Kind.MUT || a.kind() == Loan.Kind.MUT)) {
              add(found, node, Kind.CONFLICTING_ARGUMENTS, e, null, other);
              break;
            }
          }
          arguments.add(a);
        } else if (e instanceof Event.Move mv && mv.cause().kind() != MoveCause.Kind.CLOSED_BY_TRY) {
          List<Loan> loans = liveLoansDependingOn(scope, liveAfter, mv.place());
          if (!loans.isEmpty()) {
            add(found, node, Kind.MOVE_WHILE_BORROWED, e, loans.get(0), null);
          }
        }
        inScope.apply(e, scope);
      }
    }
    List<Conflict> all = new ArrayList<>(found.values());
    all.removeIf(c -> c.kind() == Kind.USE_WHILE_MUTABLY_BORROWED && isPartOfAnotherAccess(c, all));
    all.sort(Comparator.comparing((Conflict c) -> Span.of(c.access().at())).thenComparing(c -> c.kind()));
    conflicts.addAll(all);
  }

  private void newBorrow(
      Map<String, Conflict> found, CfgNode node, Event e, Loan.Kind kind, Loan self, List<Loan> liveOnPlace) {
    for (Loan l : liveOnPlace) {
      if (l == self) {
        continue;
      }
      if (kind == Loan.Kind.MUT) {
        add(found, node, Kind.MUTABLE_BORROW_WHILE_BORROWED, e, l, null);
        return;
      }
      if (l.kind() == Loan.Kind.MUT) {
        add(found, node, Kind.SHARED_BORROW_WHILE_MUTABLY_BORROWED, e, l, null);
        return;
      }
    }
  }

  /** Whether two loans are held by the same variable ({@code it} re-created in a loop holds both). */
  private boolean sameHolder(Loan a, Loan b) {
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
   * A write through a {@code @Mut} borrow conflicts only with borrows taken through it (Rust's
   * reborrows); the mutable borrow itself already excluded every other loan when it was created.
   * A write through a collection's iterator or view conflicts with every other loan (decision 7).
   */
  private boolean conflictsWithWriteThrough(Loan through, Loan other) {
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

  /**
   * A borrow taken through the holder of a live loan is a reborrow of it, not a conflict with it
   * ({@code @Mut Buffer m = buf; sum(m);}): only the other live loans count.
   */
  private List<Loan> reborrowable(List<Loan> live, List<org.borrowck4j.analyzer.cfg.Variable> through) {
    if (through.isEmpty()) {
      return live;
    }
    List<Loan> out = new ArrayList<>(live.size());
    for (Loan l : live) {
      boolean heldByPath = false;
      for (Holder h : facts.holdersOf(l)) {
        heldByPath |= h.variable() != null && through.contains(h.variable());
      }
      if (!heldByPath) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * Reading the receiver of {@code buf.release()} is part of the consumption: one access, one
   * finding (decision 18).
   */
  private static boolean isPartOfAnotherAccess(Conflict use, List<Conflict> all) {
    for (Conflict c : all) {
      if (c != use && c.loan() == use.loan() && AstNodes.isWithin(use.access().at(), c.access().at())) {
        return true;
      }
    }
    return false;
  }

  private void add(Map<String, Conflict> found, CfgNode node, Kind kind, Event access, Loan loan, Event.ArgumentBorrow other) {
    // Copies of a finally block are one piece of code: one conflict per access.
    String key = kind + "@" + Span.of(access.at()) + "@" + System.identityHashCode(access.at());
    if (!found.containsKey(key)) {
      LaterUse later = loan == null ? null : laterUse(node, loan);
      found.put(key, new Conflict(kind, access, loan, later, other));
    }
  }

  private List<Loan> liveLoans(BitSet scope, LiveLoans live, org.borrowck4j.analyzer.cfg.Variable place) {
    return select(facts.loansOn(place), scope, live);
  }

  /** Live loans on the place or taken through it: moving it ends them all. */
  private List<Loan> liveLoansDependingOn(BitSet scope, LiveLoans live, org.borrowck4j.analyzer.cfg.Variable place) {
    return select(facts.loansEndedBy(place), scope, live);
  }

  /** The loans of {@code candidates} in scope and live, in loan order. */
  private List<Loan> select(BitSet candidates, BitSet scope, LiveLoans live) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    BitSet chosen = (BitSet) candidates.clone();
    chosen.and(scope);
    if (chosen.isEmpty()) {
      return List.of();
    }
    chosen.and(live.get());
    List<Loan> out = new ArrayList<>(chosen.cardinality());
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      out.add(facts.loans().get(i));
    }
    return out;
  }

  /** The loans some live holder keeps alive after a node, computed when first asked for. */
  private final class LiveLoans {
    private final BitSet liveHolders;
    private BitSet loans;

    LiveLoans(BitSet liveHolders) {
      this.liveHolders = liveHolders;
    }

    BitSet get() {
      if (loans == null) {
        loans = facts.loansHeldByAny(liveHolders);
      }
      return loans;
    }
  }

  /**
   * The first place after {@code from} where the loan is used: a read of one of its holders, or
   * its loop's head. Paths within the current iteration are preferred.
   */
  private LaterUse laterUse(CfgNode from, Loan loan) {
    LaterUse sameIteration = search(from, loan, false);
    return sameIteration != null ? sameIteration : search(from, loan, true);
  }

  private LaterUse search(CfgNode from, Loan loan, boolean acrossIterations) {
    Cfg cfg = facts.body().cfg();
    Map<CfgNode, Boolean> seen = new IdentityHashMap<>();
    Deque<CfgNode> work = new ArrayDeque<>();
    Deque<Boolean> crossed = new ArrayDeque<>();
    for (Edge e : from.successors()) {
      if (e.kind() == Edge.Kind.LOOP_BACK && !acrossIterations) {
        continue;
      }
      work.add(cfg.node(e.to()));
      crossed.add(e.kind() == Edge.Kind.LOOP_BACK);
    }
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      boolean back = crossed.poll();
      if (seen.put(n, Boolean.TRUE) != null) {
        continue;
      }
      facts.budget().charge(1);
      for (Holder h : facts.holdersOf(loan)) {
        if (h.loop() != null && n.kind() == CfgNode.Kind.FOREACH_NEXT && n.ast() == h.loop()) {
          return new LaterUse(h.loop(), back, true);
        }
        if (h.variable() != null) {
          for (Event e : facts.events(n)) {
            if (e instanceof Event.Use u && u.place() == h.variable()) {
              return new LaterUse(u.at(), back, false);
            }
          }
        }
      }
      for (Edge e : n.successors()) {
        if (e.kind() == Edge.Kind.LOOP_BACK && !acrossIterations) {
          continue;
        }
        work.add(cfg.node(e.to()));
        crossed.add(back || e.kind() == Edge.Kind.LOOP_BACK);
      }
    }
    return null;
  }
}
