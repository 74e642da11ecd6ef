package org.borrowck4j.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.flow.EndedLoans;
import org.borrowck4j.analyzer.flow.MaybeMoved;
import org.borrowck4j.rules.diagnostics.LifetimeDiagnostics;

/**
 * BC005: a borrow used after its owner's scope ended or its try-with-resources statement closed
 * it (E0597), reported at the use; and a method returning a borrow of a local owner (E0515),
 * reported at the {@code return} (D1, D2, D6).
 */
public final class OutlivesOwner implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC005",
          "outlives-owner",
          Severity.ERROR,
          "A borrow is used after its owner went out of scope or was closed, or a borrow of a local owner is returned.",
          "high",
          List.of("correctness", "lifetimes"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    usesAfterEnd(body, report);
    if (returnsABorrow(body.facts())) {
      returnedBorrows(body, body.maybeMoved(), report);
    }
  }

  private static boolean returnsABorrow(BodyFacts facts) {
    for (CfgNode node : facts.body().cfg().nodes()) {
      if (node.kind() == CfgNode.Kind.RETURN) {
        for (Event e : facts.events(node)) {
          if (e instanceof Event.Escape esc && esc.sink() == Event.Sink.RETURN && esc.borrowed()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void usesAfterEnd(BodyAnalyses body, Consumer<Finding> report) {
    BodyFacts facts = body.facts();
    if (facts.loans().isEmpty()) {
      return;
    }
    EndedLoans ended = body.endedLoans();
    record Violation(Event.Use use, Loan loan) {}
    List<Violation> violations = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ended.replay(
        (node, e, state) -> {
          if (e instanceof Event.Use use && !use.kind().isImplicitClose() && facts.needsBorrowedValue(use)) {
            for (Loan l : ended.endedLoansHeldBy(state, use.place())) {
              if (seen.add(use.at())) {
                violations.add(new Violation(use, l));
              }
            }
          }
        });
    violations.sort(Comparator.comparing((Violation v) -> Span.of(v.use().at())));
    Set<Integer> reportedLoans = new HashSet<>();
    for (Violation v : violations) {
      if (!reportedLoans.add(v.loan().index())) {
        continue; // one finding per borrow that outlived its owner, at its first use
      }
      EndSite end = endSite(facts, v.loan(), Span.of(v.use().at()));
      Variable owner = end == null ? v.loan().root() : end.owner();
      boolean closed = end != null && end.closed();
      List<Label> labels = new ArrayList<>();
      labels.add(new Label(LifetimeDiagnostics.loanSpan(v.loan()), Label.Kind.LOAN, LifetimeDiagnostics.borrowedFrom(owner)));
      if (end != null) {
        labels.add(new Label(end.span(), Label.Kind.OWNER_END, LifetimeDiagnostics.ownerEnded(owner, closed)));
      }
      report.accept(
          Finding.of(
                  INFO,
                  Span.of(v.use().at()),
                  LifetimeDiagnostics.usedAfterEnd(v.use().place(), owner, closed),
                  LifetimeDiagnostics.useAfterEndLabel(),
                  labels,
                  List.of(Note.help(LifetimeDiagnostics.outlivesHelp(owner, closed))))
              .withSubject(LifetimeDiagnostics.declarationSpan(v.use().place()))
              .withPath());
    }
  }

  private record EndSite(Variable owner, Span span, boolean closed) {}

  /** Where the loan's owner ended: the latest end before the use, in source order. */
  private static EndSite endSite(BodyFacts facts, Loan loan, Span use) {
    EndSite best = null;
    for (CfgNode node : facts.body().cfg().nodes()) {
      for (Event e : facts.events(node)) {
        if (!loan.dependsOn(e.place())) {
          continue;
        }
        EndSite site = null;
        if (e instanceof Event.Move m && m.cause().kind() == MoveCause.Kind.CLOSED_BY_TRY) {
          site = new EndSite(e.place(), LifetimeDiagnostics.closeSpan(e.at()), true);
        } else if (e instanceof Event.StorageDead && facts.isDroppable(e.place())) {
          site = new EndSite(e.place(), LifetimeDiagnostics.endOf(node.ast()), false);
        }
        if (site != null && !site.span().startsAtOrAfter(use) && (best == null || later(site, best, loan))) {
          best = site;
        }
      }
    }
    return best;
  }

  /**
   * The later end; at the same place, a close (a resource's scope ends where it is closed), and a
   * borrow in between before the root (of two resources closing at one brace, the statement closes
   * before the connection it borrows from).
   */
  private static boolean later(EndSite site, EndSite best, Loan loan) {
    int c = site.span().compareTo(best.span());
    if (c != 0) {
      return c > 0;
    }
    if (site.closed() != best.closed()) {
      return site.closed();
    }
    return loan.through().contains(site.owner()) && !loan.through().contains(best.owner());
  }

  /** D2: {@code return} of a value borrowed from a local owner. */
  private void returnedBorrows(BodyAnalyses body, MaybeMoved moved, Consumer<Finding> report) {
    BodyFacts facts = body.facts();
    Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    moved.replay(
        (node, e, state) -> {
          if (node.kind() == CfgNode.Kind.RETURN
              && e instanceof Event.Escape esc
              && esc.sink() == Event.Sink.RETURN
              && esc.borrowed()
              // A method of an anonymous class that returns a borrow of what it captures returns
              // it to its own caller, not out of the method that declared the owner (decision 277).
              && !facts.body().captured().contains(esc.place())
              && (esc.place().kind() == Variable.Kind.RESOURCE
                  || (facts.isDroppable(esc.place()) && moved.maybeUnmoved(state, esc.place())))
              && reported.add(node.ast())) {
            Variable owner = esc.place();
            report.accept(
                Finding.of(
                        INFO,
                        Span.of(node.ast()),
                        LifetimeDiagnostics.returnsLocalBorrow(owner),
                        LifetimeDiagnostics.returnsHere(),
                        List.of(
                            new Label(
                                LifetimeDiagnostics.declarationSpan(owner),
                                Label.Kind.DECLARATION,
                                LifetimeDiagnostics.localOwnerEnds(owner))),
                        List.of(Note.help(LifetimeDiagnostics.returnsLocalBorrowHelp(owner))))
                    .withSubject(LifetimeDiagnostics.declarationSpan(owner)));
          }
        });
  }
}
