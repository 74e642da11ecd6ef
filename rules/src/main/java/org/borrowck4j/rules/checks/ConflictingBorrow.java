package org.borrowck4j.rules.checks;

import java.util.List;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.flow.Conflict;
import org.borrowck4j.analyzer.flow.PlacesConflict;
import org.borrowck4j.rules.diagnostics.BorrowDiagnostics;

/**
 * BC003: a mutation, a use or a new borrow that conflicts with a live borrow (Rust's E0499,
 * E0502, E0503, E0506, E0596). One finding per conflicting access (D18).
 */
public final class ConflictingBorrow implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC003",
          "conflicting-borrow",
          Severity.ERROR,
          "A mutation or a new borrow conflicts with a borrow that is still live.",
          "high",
          List.of("correctness", "borrowing", "concurrent-modification"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    for (Conflict c : BorrowCheck.of(body)) {
      if (c.kind() != PlacesConflict.Kind.MOVE_WHILE_BORROWED) {
        report.accept(BorrowDiagnostics.finding(INFO, c));
      }
    }
  }
}
