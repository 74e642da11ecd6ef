package org.borrowck4j.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.rules.diagnostics.LifetimeDiagnostics;

/**
 * BC004: a borrow the method was lent — a {@code @Borrowed}/{@code @Mut} parameter, a borrow of
 * one, a value derived from one — escapes into a field, an array, a parameter that keeps it, or
 * the result of a method not declared {@code @Borrowed}, directly or captured by a lambda (E0521,
 * E0373). Reported at the store, return or capture (D2, D3, D14).
 */
public final class BorrowEscapes implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC004",
          "borrow-escapes",
          Severity.ERROR,
          "A borrowed reference escapes into a field, an array, a retaining call or a result.",
          "medium",
          List.of("correctness", "borrowing"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    BodyFacts facts = body.facts();
    boolean returnsBorrow = facts.declaredReturnMode() == MethodContract.ReturnMode.BORROWED;
    Set<Span> reported = new HashSet<>();
    for (CfgNode node : body.cfg().nodes()) {
      for (Event e : facts.events(node)) {
        if (!(e instanceof Event.Escape esc)
            || !facts.isBorrowedParameter(esc.place())
            || (esc.sink() == Event.Sink.RETURN && returnsBorrow)) {
          continue;
        }
        Node construct = esc.construct();
        Node primary = construct != null ? construct : esc.at();
        if (!reported.add(Span.of(primary))) {
          continue;
        }
        List<Label> labels = new ArrayList<>();
        labels.add(
            new Label(
                LifetimeDiagnostics.declarationSpan(esc.place()),
                Label.Kind.DECLARATION,
                LifetimeDiagnostics.borrowedParameter(esc.place())));
        if (construct != null) {
          labels.add(
              new Label(
                  Span.of(esc.capture()),
                  Label.Kind.CAPTURE,
                  LifetimeDiagnostics.capturedHere(esc.via() != null ? esc.via() : esc.place())));
          // Where the closure is stored or handed on, when that is more than the closure itself
          // (`this.task = () -> use(p)`; not `executor.submit(() -> use(p))`).
          if (!Span.of(esc.at()).equals(Span.of(construct))) {
            labels.add(new Label(Span.of(esc.at()), Label.Kind.ESCAPE, LifetimeDiagnostics.escapeLabel(esc)));
          }
        }
        report.accept(
            Finding.of(
                    INFO,
                    Span.of(primary),
                    LifetimeDiagnostics.escapes(esc.place(), esc, construct != null),
                    construct != null ? LifetimeDiagnostics.closureEscapesLabel() : LifetimeDiagnostics.escapeLabel(esc),
                    labels,
                    List.of(Note.help(LifetimeDiagnostics.escapeHelp(esc.place(), esc))))
                .withSubject(LifetimeDiagnostics.declarationSpan(esc.place())));
      }
    }
  }
}
