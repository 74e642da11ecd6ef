package org.borrowck4j.analyzer.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.dataflow.TransferFunction;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.MoveCause;

/**
 * Which moves may have happened on some path to each point (rustc's maybe-uninitialised places,
 * kept per move-out so that diagnostics can point at the moves), and which moved places may also
 * still hold their value on another path ("moved in one of the branches"). One forward analysis:
 * bits {@code [0, moves)} are move-outs, bits {@code [moves, moves + places)} say "maybe not
 * moved".
 */
public final class MaybeMoved implements EventwiseAnalysis<BitSet> {
  private final BodyFacts facts;
  private final Map<Variable, Integer> placeIndex = new IdentityHashMap<>();
  private final int moveCount;
  private final DataflowResults<BitSet> results;

  public MaybeMoved(BodyAnalyses analyses) {
    this.facts = analyses.facts();
    this.moveCount = facts.moves().size();
    List<Variable> places = facts.movedPlaces();
    for (int i = 0; i < places.size(); i++) {
      placeIndex.put(places.get(i), i);
    }
    this.results = analyses.solveForward(entry(), takingAtReturn(this), EventwiseAnalysis::anyEdge);
  }

  /**
   * The transfer of an analysis of moves: a call that throws has not taken its argument nor
   * consumed its receiver (D9): {@code close()} failing leaves the resource to be closed again,
   * {@code ctx.write(buf)} failing leaves {@code buf} to be released. So on a node's exceptional
   * edge the moves made at a call's return are left out ({@link #applyOnException}).
   */
  static TransferFunction<BitSet> takingAtReturn(EventwiseAnalysis<BitSet> analysis) {
    return new TransferFunction<BitSet>() {
      @Override
      public void apply(CfgNode node, BitSet state) {
        analysis.transfer().apply(node, state);
      }

      @Override
      public void applyExceptional(CfgNode node, BitSet state) {
        analysis.enter(node, state);
        for (Event e : analysis.facts().events(node)) {
          if (!(e instanceof Event.Move m && m.cause().happensAtCallReturn())) {
            analysis.applyOnException(node, e, state);
          }
        }
        analysis.leaveByException(node, state);
      }
    };
  }

  /** An exception past a {@code return} cancels it (decision 250): see {@link #cancelReturns}. */
  @Override
  public void leaveByException(CfgNode node, BitSet state) {
    cancelReturns(state);
  }

  /**
   * An exception thrown after a {@code return} statement ran — by a {@code finally} block or a
   * try-with-resources close on the way out — cancels the return: the value was not handed to
   * the caller and is the method's again (D9's rule for calls, for {@code return}; decision 250).
   * A return moves nothing on any exceptional edge, since only the code on the way out can follow
   * it.
   */
  void cancelReturns(BitSet state) {
    for (Event.Move m : facts.moves()) {
      MoveCause.Kind kind = m.cause().kind();
      if ((kind == MoveCause.Kind.RETURN || kind == MoveCause.Kind.HANDED_TO_CALLER) && state.get(m.index())) {
        state.clear(m.index());
        Integer place = placeIndex.get(m.place());
        if (place != null) {
          state.set(moveCount + place);
        }
      }
    }
  }

  @Override
  public BodyFacts facts() {
    return facts;
  }

  /** The state at the body's entry: nothing moved, every place holding its value. */
  BitSet entry() {
    BitSet entry = new BitSet();
    entry.set(moveCount, width());
    return entry;
  }

  /** How many bits a state has. */
  int width() {
    return moveCount + placeIndex.size();
  }

  @Override
  public BitSet before(CfgNode node) {
    return results.inputOf(node);
  }

  @Override
  public void apply(CfgNode node, Event e, BitSet state) {
    Integer place = placeIndex.get(e.place());
    if (place == null) {
      return;
    }
    if (e instanceof Event.Move m) {
      state.set(m.index());
      state.clear(moveCount + place);
    } else if (e instanceof Event.Reinit || e instanceof Event.StorageDead) {
      for (Event.Move m : facts.movesOf(e.place())) {
        state.clear(m.index());
      }
      state.set(moveCount + place);
    }
  }

  /** The moves of {@code place} that may have happened, in a state. */
  public List<Event.Move> movesIn(BitSet state, Variable place) {
    List<Event.Move> out = new ArrayList<>(1);
    for (Event.Move m : facts.movesOf(place)) {
      if (state.get(m.index())) {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether, in a state, the place may still hold its value on some path. */
  public boolean maybeUnmoved(BitSet state, Variable place) {
    Integer i = placeIndex.get(place);
    return i == null || state.get(moveCount + i);
  }
}
