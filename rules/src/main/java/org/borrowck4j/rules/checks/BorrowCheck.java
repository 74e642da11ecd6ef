package org.borrowck4j.rules.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.InPlaceChange;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.flow.Conflict;
import org.borrowck4j.analyzer.flow.LaterUse;
import org.borrowck4j.analyzer.flow.LiveLoans;
import org.borrowck4j.analyzer.flow.PlacesConflict;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * The one checking visitor of the borrow rules (rustc's {@code check_access_for_conflict}): walks
 * every access of a body — reads, mutations, new borrows, moves — and asks {@link PlacesConflict}
 * whether it conflicts with a loan that is in scope and live there. Each conflicting access is one
 * conflict, with the loan and where that loan is used later (D18). {@link
 * ConflictingBorrow} (BC003) and {@link MoveWhileBorrowed} (BC002) report its conflicts; it is
 * computed once per body for both.
 */
final class BorrowCheck {
  private final List<Conflict> conflicts = new ArrayList<>();

  /** The conflicts of a body, computed for the first check that asks. */
  static List<Conflict> of(BodyAnalyses body) {
    return body.get(BorrowCheck.class, BorrowCheck::new).conflicts;
  }

  private BorrowCheck(BodyAnalyses body) {
    Map<String, Conflict> found = new LinkedHashMap<>();
    // D22: a lambda run in place changes what its call reads (one finding per change).
    for (InPlaceChange change : body.facts().inPlaceChanges()) {
      String key = "in-place@" + Span.of(change.change().at()) + "@" + System.identityHashCode(change.change().at());
      found.putIfAbsent(
          key, new Conflict(PlacesConflict.Kind.CHANGED_WHILE_RUNNING_IN_PLACE, change.change(), null, null, change.lender()));
    }
    if (body.facts().loans().isEmpty() && !hasLoanFreeConflicts(body)) {
      conflicts.addAll(found.values());
      return;
    }
    List<PlacesConflict.CallConflict> withinCalls = new ArrayList<>();
    List<CfgNode> callNodes = new ArrayList<>();
    CfgNode[] current = new CfgNode[1];
    new LiveLoans(body)
        .replay(
            (node, e, live) -> {
              if (current[0] != node) {
                current[0] = node;
                for (PlacesConflict.CallConflict c : PlacesConflict.withinCall(heldHere(body.facts().events(node), live))) {
                  withinCalls.add(c);
                  callNodes.add(node);
                }
              }
              if (!throughLoanHeld(e, live)) {
                return;
              }
              PlacesConflict.Kind alone = PlacesConflict.byItself(e);
              if (alone != null) {
                add(body, found, node, alone, e, ((Event.MutateShared) e).loan(), null);
              }
              for (Loan l : live.select(PlacesConflict.candidates(e, body.facts()))) {
                PlacesConflict.Kind kind = PlacesConflict.between(e, l, body.facts());
                if (kind != null) {
                  add(body, found, node, kind, e, l, null);
                  break;
                }
              }
            });
    // An access that already conflicts with a live loan is reported once, with that loan (D18).
    Set<Event> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    found.values().forEach(c -> reported.add(c.access()));
    for (int i = 0; i < withinCalls.size(); i++) {
      PlacesConflict.CallConflict c = withinCalls.get(i);
      if (reported.add(c.access())) {
        add(body, found, callNodes.get(i), c.kind(), c.access(), null, c.other());
      }
    }
    List<Conflict> all = new ArrayList<>(found.values());
    all.removeIf(c -> c.kind() == PlacesConflict.Kind.USE_WHILE_MUTABLY_BORROWED && isPartOfAnotherAccess(c, all));
    all.sort(Comparator.comparing((Conflict c) -> Span.of(c.access().at())).thenComparing(Conflict::kind));
    conflicts.addAll(all);
  }

  /**
   * A mutation through a variable's loan reaches the loan's root only where the variable may hold
   * that loan: {@code List<String> parts; if (c) parts = dest.subList(i, n); else { parts = new
   * ArrayList<>(); parts.addAll(dest.subList(i, n)); }} mutates a new list, not {@code dest}.
   */
  private static boolean throughLoanHeld(Event e, LiveLoans.At live) {
    Loan through =
        e instanceof Event.Mutate m ? m.through() : e instanceof Event.MutateShared m ? m.loan() : null;
    return through == null || live.inScope(through);
  }

  private static List<Event> heldHere(List<Event> events, LiveLoans.At live) {
    for (Event e : events) {
      if (!throughLoanHeld(e, live)) {
        List<Event> held = new ArrayList<>(events);
        held.removeIf(x -> !throughLoanHeld(x, live));
        return held;
      }
    }
    return events;
  }

  /** Mutations through shared borrows and conflicts within a call need no loan of the body. */
  private static boolean hasLoanFreeConflicts(BodyAnalyses body) {
    for (CfgNode n : body.cfg().nodes()) {
      boolean moves = false;
      boolean mutates = false;
      for (Event e : body.facts().events(n)) {
        if (e instanceof Event.MutateShared || e instanceof Event.ArgumentBorrow || e instanceof Event.Operand) {
          return true;
        }
        moves |= e instanceof Event.Move;
        mutates |= e instanceof Event.Mutate;
      }
      if (moves && mutates && !PlacesConflict.withinCall(body.facts().events(n)).isEmpty()) {
        return true; // `msg.absorb(msg)`: a @Mut receiver taken by its own call
      }
    }
    return false;
  }

  /**
   * Reading the receiver of {@code buf.release()} is part of the consumption: one access, one
   * finding (D18).
   */
  private static boolean isPartOfAnotherAccess(Conflict use, List<Conflict> all) {
    for (Conflict c : all) {
      if (c != use && c.loan() == use.loan() && AstNodes.isWithin(use.access().at(), c.access().at())) {
        return true;
      }
    }
    return false;
  }

  private static void add(
      BodyAnalyses body,
      Map<String, Conflict> found,
      CfgNode node,
      PlacesConflict.Kind kind,
      Event access,
      Loan loan,
      Event other) {
    // Copies of a finally block are one piece of code: one conflict per access.
    String key = kind + "@" + Span.of(access.at()) + "@" + System.identityHashCode(access.at());
    if (!found.containsKey(key)) {
      LaterUse later = loan == null ? null : body.laterUses().after(node, loan);
      found.put(key, new Conflict(kind, access, loan, later, other));
    }
  }
}
