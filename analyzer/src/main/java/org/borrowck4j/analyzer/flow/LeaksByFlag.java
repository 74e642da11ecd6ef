package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Obligations.Obligation;

/**
 * {@link MaybeLeaked} split by the value of one flag a condition of the body tests (decision 256):
 * which owners may still hold an unreleased value on a path on which the flag now has each value.
 * "Close it only if we opened it": {@code if (cached) { f = cache.get(u); close = false; } else {
 * f = new JarFile(u); close = true; } … finally { if (close) f.close(); }} leaks nothing, since
 * the file is opened only where the flag is then true.
 */
final class LeaksByFlag extends SplitByFlag {
  private final MaybeLeaked leaked;

  LeaksByFlag(BodyAnalyses analyses, MaybeLeaked leaked, Variable flag) {
    super(analyses, leaked, leaked.width(), leaked.entry(), flag, EventwiseAnalysis::transfer, leaked.follows());
    this.leaked = leaked;
  }

  /** Whether the obligated variable may hold an unreleased value just before {@code event}. */
  boolean mayHoldUnreleased(CfgNode node, Event event, Obligation o) {
    BitSet either = innerStateBefore(node, event);
    return either != null && leaked.mayHoldUnreleased(either, o);
  }
}
