package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import java.util.List;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Event;

/**
 * {@link MaybeMoved} split by the value of one flag a condition of the body tests (decision 249):
 * which moves may have happened on a path on which the flag now has each value. A move made only
 * where the flag has the other value does not reach a branch on it: {@code
 * c.addComponent(true, slice); added = true;} and later {@code if (!added) slice.release();}, or
 * {@code composite.addComponents(true, header, …)} and later {@code if (composite == null)
 * header.release();} — past a call on {@code composite} it is not null.
 */
final class MovesByFlag extends SplitByFlag {
  private final MaybeMoved moved;

  MovesByFlag(BodyAnalyses analyses, Variable flag) {
    this(analyses, analyses.maybeMoved(), flag);
  }

  private MovesByFlag(BodyAnalyses analyses, MaybeMoved moved, Variable flag) {
    super(analyses, moved, moved.width(), moved.entry(), flag, MaybeMoved::takingAtReturn, EventwiseAnalysis::anyEdge);
    this.moved = moved;
  }

  /** The moves of {@code place} that may have happened just before {@code use}, in {@code node}. */
  List<Event.Move> movesBefore(CfgNode node, Event use, Variable place) {
    BitSet either = innerStateBefore(node, use);
    return either == null ? List.of() : moved.movesIn(either, place);
  }
}
