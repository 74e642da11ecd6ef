package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.Obligations;
import org.borrowck4j.analyzer.facts.Obligations.Obligation;

/**
 * Which owners that must be released may still hold an unreleased value (forward, along normal
 * control flow: D11 counts normal paths; try-with-resources is the answer for exceptional ones —
 * and a checked exception caught by a handler that lets the method go on is a normal path,
 * decisions 160-161). A bit per {@link Obligation}: set when the variable takes on a value of its
 * own, cleared when the value is released, closed, moved or escapes, or when a branch shows the
 * variable to be {@code null}. Leaving scope, or being overwritten, with the bit set is a leak.
 * Nodes no such path reaches have no state.
 */
public final class MaybeLeaked implements EventwiseAnalysis<BitSet> {
  private final BodyFacts facts;
  private final Obligations obligations;
  private final BitSet entry;
  private final Predicate<Edge> follow;
  private final DataflowResults<BitSet> results;
  private final LeakPaths paths;

  /** Along normal paths and exceptions caught by handlers that complete normally. */
  public MaybeLeaked(BodyAnalyses analyses) {
    this(analyses, true);
  }

  /**
   * @param throughHandlers whether exceptions caught by a handler that completes normally are
   *     followed; without, normal control flow only (what explains a leak found only with them)
   */
  public MaybeLeaked(BodyAnalyses analyses, boolean throughHandlers) {
    this.facts = analyses.facts();
    this.obligations = facts.obligations();
    if (obligations.isEmpty()) {
      this.entry = null;
      this.paths = LeakPaths.normalOnly();
      this.follow = null;
      this.results = null;
      return;
    }
    BitSet entry = new BitSet();
    for (Obligation o : obligations.all()) {
      if (o.variable().isParameter()) {
        entry.set(o.index()); // an @Owned parameter arrives holding its value
      }
    }
    this.entry = entry;
    this.paths = throughHandlers ? analyses.leakPaths() : LeakPaths.normalOnly();
    this.follow = paths.follows();
    this.results = analyses.solveForward(entry, transfer(), follow);
  }

  /** The state at the body's entry: the {@code @Owned} parameters hold their values. */
  BitSet entry() {
    return (BitSet) entry.clone();
  }

  /** How many bits a state has: one per obligation. */
  int width() {
    return obligations.all().size();
  }

  /** The edges the analysis follows (feasibility aside). */
  Predicate<Edge> follows() {
    return follow;
  }

  /**
   * Whether the edge is an exception (or a step of its unwinding) that a handler of the body
   * catches before the method goes on normally: one the node it leaves may throw (D9).
   */
  public boolean isCaughtException(Edge e) {
    return paths.isCaughtException(e);
  }

  @Override
  public BodyFacts facts() {
    return facts;
  }

  public Obligations obligations() {
    return obligations;
  }

  /** The state before the node, or null where no normal path reaches it (or nothing is obligated). */
  @Override
  public BitSet before(CfgNode node) {
    return results == null ? null : results.inputOf(node);
  }

  /** Whether, in a state, the obligated variable may hold a value it must still release. */
  public boolean mayHoldUnreleased(BitSet state, Obligation o) {
    return state.get(o.index());
  }

  /**
   * On the branch where {@code x == null} holds (or {@code x != null} fails), {@code x} holds
   * nothing to release: {@code toReturn = toReturn == null ? first : compose(toReturn, next)}; nor
   * where it is a shared constant ({@code msg == Unpooled.EMPTY_BUFFER}, decision 248), also for a
   * parameter inheriting {@code @Owned}.
   */
  @Override
  public void enter(CfgNode node, BitSet state) {
    Variable v = facts.conditions().holdingNothingOn(node);
    Obligation o = v == null ? null : obligations.of(v);
    if (o == null && v != null) {
      o = obligations.dischargedBy(v);
    }
    if (o != null) {
      state.clear(o.index());
    }
    // Narrowed to a type that holds nothing to release (`msg instanceof String`, `(String) msg`):
    // on this path there is nothing to release (decision 191).
    Variable narrowed = facts.conditions().narrowedToNothingToRelease(node);
    Obligation n = narrowed == null ? null : obligations.dischargedBy(narrowed);
    if (n != null) {
      state.clear(n.index());
    }
  }

  @Override
  public void apply(CfgNode node, Event e, BitSet state) {
    Obligation o = obligations.of(e.place());
    if (o == null) {
      Obligation named = obligations.dischargedBy(e.place());
      if (named != null && dischargesThroughAlias(named, e)) {
        state.clear(named.index()); // a local naming an inherited @Owned parameter (decision 192)
      }
      return;
    }
    if (e instanceof Event.Reinit) {
      if (!obligations.keeps(node)) {
        state.set(o.index(), obligations.takesOn(node));
      }
    } else if (e instanceof Event.StorageDead) {
      state.clear(o.index());
    } else if (e instanceof Event.Move m) {
      if (discharges(o, m.cause())) {
        state.clear(o.index());
      }
    } else if (e instanceof Event.Escape esc && !esc.borrowed()) {
      state.clear(o.index()); // kept elsewhere: not ours to release any more
    } else if (e instanceof Event.HandedOn) {
      state.clear(o.index()); // perhaps wrapped by what unannotated code returned (decision 37)
    }
  }

  /** Whether an event on a local naming the obligated parameter releases or hands it on. */
  public static boolean dischargesThroughAlias(Obligation o, Event e) {
    return (e instanceof Event.Move m && discharges(o, m.cause()))
        || (e instanceof Event.Escape esc && !esc.borrowed())
        || e instanceof Event.HandedOn;
  }

  private static boolean discharges(Obligation o, MoveCause cause) {
    if (cause.kind() == MoveCause.Kind.CONSUMED) {
      // A terminal operation does not close the file a stream reads (D11); an
      // intermediate one hands the file on to the stream it returns (D6).
      return !o.closeOnly() || cause.idempotent() || cause.derives();
    }
    return true;
  }
}
