package org.borrowck4j.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.facts.DroppedResult;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.FieldLeftOpen;
import org.borrowck4j.analyzer.facts.Obligations;
import org.borrowck4j.analyzer.facts.Obligations.Obligation;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.flow.MaybeLeaked;
import org.borrowck4j.rules.diagnostics.LifetimeDiagnostics;

/**
 * BC006 (warning): an owner that must be released — a user type with a non-idempotent
 * {@code @Consumes} method, an {@code Arena}, a {@code ByteBuf}, a file-backed stream the models
 * mark — reaches the end of its scope unreleased and unmoved on some normal path (reported at its
 * declaration, with the exit), or a must-release result is dropped (reported at the call).
 * Exceptional paths do not count (D11).
 */
public final class OwnedValueLeaked implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC006",
          "owned-value-leaked",
          Severity.WARNING,
          "An owner that must be released goes out of scope unreleased on some path.",
          "medium",
          List.of("reliability", "resource-leak"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    leakedVariables(body, report);
    discardedResults(body, report);
    fieldsLeftOpen(body, report);
  }

  /** A point where an obligated variable loses a value it has not released. */
  private record Leak(Obligation obligation, CfgNode node, Event event) {}

  private void leakedVariables(BodyAnalyses body, Consumer<Finding> report) {
    if (body.facts().obligations().isEmpty()) {
      return;
    }
    MaybeLeaked leaked = body.maybeLeaked();
    Obligations obligations = leaked.obligations();
    // The first exit in source order of each obligation that leaks.
    Map<Integer, Leak> first = new LinkedHashMap<>();
    leaked.replay(
        (node, e, state) -> {
          Obligation o = obligations.of(e.place());
          if (o != null
              && leaked.mayHoldUnreleased(state, o)
              && losesValue(obligations, node, e)
              && body.mayLeakByFlags(node, e, o)) {
            Leak leak = new Leak(o, node, e);
            Leak known = first.get(o.index());
            if (known == null || exit(body, leak).compareTo(exit(body, known)) < 0) {
              first.put(o.index(), leak);
            }
          }
        });
    for (Leak leak : first.values()) {
      Variable v = leak.obligation().variable();
      boolean overwritten = leak.event() instanceof Event.Reinit;
      String inherited = leak.obligation().inheritedFrom();
      List<Label> labels = new ArrayList<>(3);
      if (!leaksOnNormalPaths(body, leak)) {
        labels.addAll(throwThatLeaks(body, leaked, leak.obligation()));
      }
      labels.add(new Label(exit(body, leak), Label.Kind.EXIT, LifetimeDiagnostics.leakExit(v, overwritten)));
      report.accept(
          Finding.of(
                  INFO,
                  LifetimeDiagnostics.declarationSpan(v),
                  LifetimeDiagnostics.leaked(v),
                  inherited == null ? LifetimeDiagnostics.leakedDeclaration(v) : LifetimeDiagnostics.leakedInheritedDeclaration(v, inherited),
                  labels,
                  List.of(
                      Note.help(
                          inherited == null
                              ? LifetimeDiagnostics.leakHelp(v, leak.obligation().closeOnly(), leak.obligation().stream())
                              : LifetimeDiagnostics.leakInheritedHelp())))
              .withSubject(LifetimeDiagnostics.declarationSpan(v))
              .withPath());
    }
  }

  /** Whether the leak is there without following caught exceptions (then no throw explains it). */
  private static boolean leaksOnNormalPaths(BodyAnalyses body, Leak leak) {
    MaybeLeaked normal = body.maybeLeakedOnNormalPaths();
    boolean[] found = {false};
    normal.replay(
        (node, e, state) -> {
          if (node == leak.node() && e == leak.event() && normal.mayHoldUnreleased(state, leak.obligation())) {
            found[0] = true;
          }
        });
    return found[0];
  }

  /**
   * A call that may throw while the value is unreleased into a handler that lets the method go on,
   * and the catch clause it enters: the path the leak takes. The last such call in source order is
   * shown (the first is usually a harmless setter on the fresh value); the release itself is not
   * one.
   */
  private static List<Label> throwThatLeaks(BodyAnalyses body, MaybeLeaked leaked, Obligation o) {
    CfgNode thrower = null;
    Node handler = null;
    for (CfgNode node : body.cfg().nodes()) {
      BitSet before = leaked.before(node);
      if (node.ast() == null || before == null || !leaked.mayHoldUnreleased(before, o) || discharges(body, node, o)) {
        continue;
      }
      Edge caught = null;
      for (Edge e : node.successors()) {
        if (e.kind() == Edge.Kind.EXCEPTION && leaked.isCaughtException(e)) {
          caught = e; // ways are made innermost clause first: the clause that catches it
          break;
        }
      }
      if (caught != null && (thrower == null || Span.of(node.ast()).compareTo(Span.of(thrower.ast())) > 0)) {
        thrower = node;
        handler = body.facts().caughtBy(caught);
      }
    }
    if (thrower == null) {
      return List.of();
    }
    List<Label> labels = new ArrayList<>(2);
    labels.add(new Label(Span.of(thrower.ast()), Label.Kind.THROW, LifetimeDiagnostics.leakThrow(o.variable())));
    if (handler != null) {
      labels.add(new Label(Span.of(handler), Label.Kind.THROW, LifetimeDiagnostics.leakCaught()));
    }
    return labels;
  }

  /** Whether the node releases, moves or hands on the obligated value. */
  private static boolean discharges(BodyAnalyses body, CfgNode node, Obligation o) {
    for (Event e : body.facts().events(node)) {
      if (e.place() == o.variable() && (e instanceof Event.Move || e instanceof Event.Escape || e instanceof Event.HandedOn)) {
        return true;
      }
      if (e.place() != o.variable() && body.facts().obligations().dischargedBy(e.place()) == o && MaybeLeaked.dischargesThroughAlias(o, e)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the event makes the variable lose its current value (scope end, overwrite). */
  private static boolean losesValue(Obligations obligations, CfgNode node, Event e) {
    return e instanceof Event.StorageDead || (e instanceof Event.Reinit && obligations.overwrites(node));
  }

  private static Span exit(BodyAnalyses body, Leak leak) {
    if (leak.event() instanceof Event.Reinit) {
      return Span.of(leak.node().ast());
    }
    return LifetimeDiagnostics.exitSpan(body.cfg(), leak.node());
  }

  /** A must-release value a call returns that nobody keeps: {@code alloc.buffer();}. */
  private void discardedResults(BodyAnalyses body, Consumer<Finding> report) {
    List<DroppedResult> dropped = body.facts().droppedResults();
    if (dropped.isEmpty()) {
      return;
    }
    BitSet normal = normalPaths(body);
    for (DroppedResult d : dropped) {
      if (normal.get(d.node().id())) {
        report.accept(
            Finding.of(
                INFO,
                Span.of(d.call()),
                LifetimeDiagnostics.discarded(d.callee(), d.created()),
                LifetimeDiagnostics.discardedLabel(),
                d.lentAt() == null
                    ? List.of()
                    : List.of(new Label(Span.of(d.lentAt()), Label.Kind.LOAN, LifetimeDiagnostics.lentOnlyTo(d.lentTo()))),
                List.of(Note.help(LifetimeDiagnostics.discardedHelp()))));
      }
    }
  }

  /**
   * A store that opens a value into a field its closeable class never releases (decision 312):
   * closing the object leaves the value open, on every path.
   */
  private void fieldsLeftOpen(BodyAnalyses body, Consumer<Finding> report) {
    List<FieldLeftOpen> stores = body.facts().fieldsLeftOpen();
    if (stores.isEmpty()) {
      return;
    }
    BitSet normal = normalPaths(body);
    for (FieldLeftOpen f : stores) {
      if (!normal.get(f.node().id())) {
        continue;
      }
      List<Label> labels = new ArrayList<>(2);
      labels.add(new Label(LifetimeDiagnostics.declarationSpan(f.field()), Label.Kind.DECLARATION, LifetimeDiagnostics.fieldNeverReleased(f.field(), f.className(), f.closeOnly())));
      if (f.close() != null) {
        labels.add(new Label(Span.of(f.close()), Label.Kind.EXIT, LifetimeDiagnostics.closeLeavesFieldOpen(f.field(), f.closeOnly())));
      }
      report.accept(
          Finding.of(
              INFO,
              Span.of(f.store()),
              LifetimeDiagnostics.fieldLeftOpen(f.field(), f.className(), f.closeOnly()),
              LifetimeDiagnostics.fieldLeftOpenLabel(f.field()),
              labels,
              List.of(Note.help(LifetimeDiagnostics.fieldLeftOpenHelp(f.field(), f.className(), f.close() != null, f.closeOnly())))));
    }
  }

  /** The nodes reached from the entry without an exception: where a leak counts (D11). */
  private static BitSet normalPaths(BodyAnalyses body) {
    return body.reachableFromEntry(e -> e.kind() != Edge.Kind.EXCEPTION);
  }
}
