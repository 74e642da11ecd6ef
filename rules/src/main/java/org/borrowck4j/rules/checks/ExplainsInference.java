package org.borrowck4j.rules.checks;

import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.rules.diagnostics.InferenceNotes;

/**
 * A check whose findings say which contracts they owe to inference (D23): a finding that points
 * at a call whose contract was inferred from the callee's body shows that contract in a note.
 */
public final class ExplainsInference implements Rule {
  private final Rule check;

  private ExplainsInference(Rule check) {
    this.check = check;
  }

  public static Rule of(Rule check) {
    return new ExplainsInference(check);
  }

  @Override
  public RuleInfo info() {
    return check.info();
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    check.check(body, f -> report.accept(InferenceNotes.explain(f, body.facts())));
  }
}
