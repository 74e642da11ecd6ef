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
 * BC002: an owner moved, consumed or closed while a borrow of it is still used later (Rust's
 * E0505), reported at the move. The end of a scope is {@code outlives-owner}, not this rule
 * (D1).
 */
public final class MoveWhileBorrowed implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC002",
          "move-while-borrowed",
          Severity.ERROR,
          "An owner is moved, consumed or closed while a borrow of it is still live.",
          "high",
          List.of("correctness", "ownership", "borrowing"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    for (Conflict c : BorrowCheck.of(body)) {
      if (c.kind() == PlacesConflict.Kind.MOVE_WHILE_BORROWED) {
        report.accept(BorrowDiagnostics.finding(INFO, c));
      }
    }
  }
}
