package org.borrowck4j.rules.checks;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.flow.MaybeMoved;
import org.borrowck4j.rules.diagnostics.LifetimeDiagnostics;
import org.borrowck4j.rules.diagnostics.MoveDiagnostics;
import org.borrowck4j.rules.diagnostics.MoveDiagnostics.Qualifier;

/**
 * BC001: a value used after it was moved or consumed on some path (Rust's E0382). One finding per
 * moved value and move site, at the first use after it (D8).
 */
public final class UseAfterMove implements Rule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC001",
          "use-after-move",
          Severity.ERROR,
          "A value is used after it was moved or consumed on some path.",
          "high",
          List.of("correctness", "ownership"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** A use of a place some of whose moves may have happened before it. */
  private static final class Violation {
    final Event.Use use;
    final Map<String, Event.Move> moves = new LinkedHashMap<>();
    boolean maybeUnmoved;

    Violation(Event.Use use) {
      this.use = use;
    }
  }

  @Override
  public void check(BodyAnalyses body, Consumer<Finding> report) {
    if (body.facts().moves().isEmpty()) {
      return;
    }
    MaybeMoved maybeMoved = body.maybeMoved();
    // The same use can sit in several CFG nodes (finally blocks are copied per exit).
    Map<Node, Violation> violations = new IdentityHashMap<>();
    maybeMoved.replay(
        (node, e, state) -> {
          if (e instanceof Event.Use use) {
            List<Event.Move> maybe = maybeMoved.movesIn(state, use.place());
            List<Event.Move> live = usedMoves(use, maybe, body.facts());
            if (!live.isEmpty()) {
              // Only the moves made on paths with the values the flags tested here show (decision 249).
              live = usedMoves(use, body.movesBeforeByFlags(node, use, use.place(), maybe), body.facts());
            }
            if (!live.isEmpty()) {
              Violation v = violations.computeIfAbsent(use.at(), k -> new Violation(use));
              for (Event.Move m : live) {
                v.moves.putIfAbsent(key(m), m);
              }
              v.maybeUnmoved |= maybeMoved.maybeUnmoved(state, use.place());
            }
          }
        });
    List<Violation> ordered = new ArrayList<>(violations.values());
    ordered.sort(Comparator.comparing((Violation v) -> MoveDiagnostics.useSpan(v.use)));
    Set<String> reported = new HashSet<>();
    for (Violation v : ordered) {
      if (reported.containsAll(v.moves.keySet())) {
        continue;
      }
      reported.addAll(v.moves.keySet());
      report.accept(finding(v));
    }
  }

  /**
   * The moves that make the use a use after move: a handover to the caller (decision 220) only
   * for a close or a release (the value is the caller's, not owned here: reading it is no bug); a
   * move to an owner that keeps the value alive (decision 290) only for a release or another move
   * (reading it is no bug while that owner lives); the other moves by {@link #isUseOfWhatMoved}.
   */
  private static List<Event.Move> usedMoves(Event.Use use, List<Event.Move> live, BodyFacts facts) {
    if (live.isEmpty()) {
      return live;
    }
    List<Event.Move> handed = new ArrayList<>(0);
    List<Event.Move> held = new ArrayList<>(0);
    List<Event.Move> others = new ArrayList<>(live.size());
    for (Event.Move m : live) {
      (m.cause().kind() == MoveCause.Kind.HANDED_TO_CALLER ? handed : m.cause().heldAlive() ? held : others).add(m);
    }
    if (!others.isEmpty() && isUseOfWhatMoved(use, others, facts)) {
      return others;
    }
    if (!held.isEmpty() && (closes(use, facts) || movesAgain(use, facts))) {
      return held;
    }
    return !handed.isEmpty() && closes(use, facts) ? handed : List.of();
  }

  /** Whether the use hands the value on: it moves there ({@code ctx.write(buf)}). */
  private static boolean movesAgain(Event.Use use, BodyFacts facts) {
    for (Event.Move m : facts.movesOf(use.place())) {
      if (m.at() == use.at()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a use after these moves uses what they took. A value only closed by a library's
   * idempotent close is a closed resource: only an operation that needs it open uses it (D21:
   * not logging it, a getter, {@code isOpen()}, another close, handing it to unannotated code).
   * Any other move keeps Rust's rule — every use counts — but an idempotent release again after
   * consumptions (D5) and what a model says works on a consumed value ({@code isParallel()}).
   * Creating a lambda or an anonymous class uses what it captures as its body does.
   */
  private static boolean isUseOfWhatMoved(Event.Use use, List<Event.Move> live, BodyFacts facts) {
    List<Event.Use> inside = facts.usesInCapture(use);
    if (inside != null) {
      // A capture reads the captured value the way its body does (decision 265): `() ->
      // stream.close()` after `stream.iterator()` is no use, `() -> stream.count()` is one.
      return inside.stream().anyMatch(u -> isUseOfWhatMoved(u, live, facts));
    }
    if (live.stream().allMatch(m -> m.cause().closesResource())) {
      return !use.kind().isIdempotentRelease() && !use.kind().isImplicitClose() && facts.needsOpen(use);
    }
    boolean harmlessRelease = use.kind().isIdempotentRelease() && live.stream().allMatch(m -> m.cause().isConsumption());
    return !harmlessRelease && !facts.worksWhenClosed(use);
  }

  /** Whether the use closes or releases the value: the receiver of a consuming call, or an implicit close. */
  private static boolean closes(Event.Use use, BodyFacts facts) {
    if (use.kind().isIdempotentRelease() || use.kind().isImplicitClose()) {
      return true;
    }
    Node call = use.at().getParentNode().orElse(null);
    for (Event.Move m : facts.movesOf(use.place())) {
      if (m.at() == call && m.cause().isConsumption()) {
        return true;
      }
    }
    return false;
  }

  private static String key(Event.Move m) {
    return m.place().id() + "@" + Span.of(m.at());
  }

  private static Finding finding(Violation v) {
    Variable place = v.use.place();
    Span useSpan = MoveDiagnostics.useSpan(v.use);
    List<Event.Move> moves = new ArrayList<>(v.moves.values());
    moves.sort(Comparator.comparing(MoveDiagnostics::spanOf));
    boolean allConsumed = moves.stream().allMatch(m -> m.cause().isConsumption());
    boolean inLoop = false;
    List<Label> labels = new ArrayList<>();
    for (Event.Move m : moves) {
      Qualifier q = MoveDiagnostics.qualifier(m, v.use.at(), v.maybeUnmoved);
      inLoop |= q == Qualifier.PREVIOUS_ITERATION;
      labels.add(new Label(MoveDiagnostics.spanOf(m), Label.Kind.MOVE, MoveDiagnostics.moveLabel(m.cause(), q)));
    }
    List<Note> notes = new ArrayList<>();
    notes.add(Note.help(MoveDiagnostics.help(moves.get(0).cause())));
    if (inLoop) {
      notes.add(Note.help(MoveDiagnostics.loopHelp()));
    }
    boolean closedWithOtherHandle = moves.size() == 1 && moves.get(0).cause().kind() == MoveCause.Kind.CLOSED_WITH;
    boolean handedToCaller = moves.stream().allMatch(m -> m.cause().kind() == MoveCause.Kind.HANDED_TO_CALLER);
    return Finding.of(
            INFO,
            useSpan,
            closedWithOtherHandle
                ? MoveDiagnostics.usedAfterOtherHandleClosed(place.name(), moves.get(0).cause())
                : handedToCaller
                    ? MoveDiagnostics.closedAfterReturn(place.name())
                    : MoveDiagnostics.message(place.name(), allConsumed),
            closedWithOtherHandle
                ? MoveDiagnostics.useAfterCloseLabel(moves.get(0).cause())
                : handedToCaller ? MoveDiagnostics.closedAfterReturnLabel(v.use) : MoveDiagnostics.useLabel(v.use, allConsumed),
            labels,
            notes)
        .withSubject(LifetimeDiagnostics.declarationSpan(place))
        .withPath();
  }
}
