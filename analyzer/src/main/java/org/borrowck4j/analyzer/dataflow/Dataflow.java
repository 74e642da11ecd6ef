package org.borrowck4j.analyzer.dataflow;

import java.util.BitSet;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;

/**
 * A worklist solver for monotone dataflow problems over a {@link Cfg}, forward or backward. It
 * knows nothing about what the states mean: analyses bring their lattice and transfer function.
 * Nodes are visited in reverse post-order (post-order when backward), so acyclic code converges
 * in one pass and loops in a few.
 */
public final class Dataflow {
  private Dataflow() {}

  /**
   * Solves forward from the entry, which starts in {@code entryState}, along the edges {@code
   * follow} accepts only (for instance, normal control flow without exceptions); nodes reached
   * only through other edges stay unreached. The work is charged to {@code budget}.
   */
  public static <S> DataflowResults<S> forward(
      Cfg cfg,
      Lattice<S> lattice,
      S entryState,
      TransferFunction<S> transfer,
      java.util.function.Predicate<Edge> follow,
      Budget budget) {
    return solve(cfg, lattice, entryState, transfer, true, follow, budget);
  }

  /**
   * Solves backward from both exits, which start in {@code exitState}, along the edges {@code
   * follow} accepts only, charging {@code budget}.
   */
  public static <S> DataflowResults<S> backward(
      Cfg cfg,
      Lattice<S> lattice,
      S exitState,
      TransferFunction<S> transfer,
      java.util.function.Predicate<Edge> follow,
      Budget budget) {
    return solve(cfg, lattice, exitState, transfer, false, follow, budget);
  }

  private static <S> DataflowResults<S> solve(
      Cfg cfg,
      Lattice<S> lattice,
      S boundary,
      TransferFunction<S> transfer,
      boolean forward,
      java.util.function.Predicate<Edge> follow,
      Budget budget) {
    int[] rpo = cfg.reversePostOrder();
    int n = rpo.length;
    // position[node] = the node's place in the visiting order, -1 when unreachable.
    int[] position = new int[cfg.size()];
    java.util.Arrays.fill(position, -1);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = forward ? rpo[i] : rpo[n - 1 - i];
      position[order[i]] = i;
    }
    Object[] inputs = new Object[cfg.size()];
    BitSet work = new BitSet(n);
    if (forward) {
      inputs[cfg.entry().id()] = lattice.copy(boundary);
      work.set(position[cfg.entry().id()]);
    } else {
      for (CfgNode exit : new CfgNode[] {cfg.exit(), cfg.exceptionalExit()}) {
        if (position[exit.id()] >= 0) {
          inputs[exit.id()] = lattice.copy(boundary);
          work.set(position[exit.id()]);
        }
      }
    }
    // The lowest position that may be set: scanning from 0 for every node would be quadratic in
    // the size of the body.
    int lowest = 0;
    for (int i = work.nextSetBit(lowest); i >= 0; i = work.nextSetBit(lowest)) {
      work.clear(i);
      lowest = i + 1;
      CfgNode node = cfg.node(order[i]);
      @SuppressWarnings("unchecked")
      S input = (S) inputs[node.id()];
      S state = lattice.copy(input);
      budget.charge(lattice.cost(state));
      transfer.apply(node, state);
      S exceptional = null;
      for (Edge e : forward ? node.successors() : node.predecessors()) {
        if (!follow.test(e)) {
          continue;
        }
        S outgoing = state;
        if (forward && e.kind() == Edge.Kind.EXCEPTION) {
          if (exceptional == null) {
            exceptional = lattice.copy(input);
            transfer.applyExceptional(node, exceptional);
          }
          outgoing = exceptional;
        }
        int next = forward ? e.to() : e.from();
        if (position[next] < 0) {
          continue;
        }
        @SuppressWarnings("unchecked")
        S target = (S) inputs[next];
        if (target == null) {
          inputs[next] = lattice.copy(outgoing);
          work.set(position[next]);
          lowest = Math.min(lowest, position[next]);
        } else if (lattice.joinInto(target, outgoing)) {
          work.set(position[next]);
          lowest = Math.min(lowest, position[next]);
        }
      }
    }
    return new DataflowResults<>(inputs, lattice);
  }
}
