package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.stmt.CatchClause;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The control-flow graph of one body: a node per evaluation step, entry and exit nodes, and an
 * exceptional exit. Unreachable code stays in the graph with no path from the entry.
 */
public final class Cfg {
  private final List<CfgNode> nodes;
  private final int entry;
  private final int exit;
  private final int exceptionalExit;
  private final Map<Integer, CatchClause> handlers;
  private int[] reversePostOrder;

  Cfg(List<CfgNode> nodes, int entry, int exit, int exceptionalExit, Map<Integer, CatchClause> handlers) {
    this.nodes = nodes;
    this.entry = entry;
    this.exit = exit;
    this.exceptionalExit = exceptionalExit;
    this.handlers = handlers;
  }

  /**
   * The catch clause an exception edge into the node leads to, or null where the node is no
   * landing pad of one (an exception that leaves the body, or no exception at all). Each node that
   * throws has its own edge to the landing pad of each clause around it (D9).
   */
  public CatchClause handlerReachedAt(int node) {
    return handlers.get(node);
  }

  public List<CfgNode> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public CfgNode node(int id) {
    return nodes.get(id);
  }

  public int size() {
    return nodes.size();
  }

  public CfgNode entry() {
    return nodes.get(entry);
  }

  public CfgNode exit() {
    return nodes.get(exit);
  }

  public CfgNode exceptionalExit() {
    return nodes.get(exceptionalExit);
  }

  /**
   * Node ids in reverse post-order from the entry (the good order for forward dataflow);
   * unreachable nodes are not included.
   */
  public synchronized int[] reversePostOrder() {
    if (reversePostOrder == null) {
      reversePostOrder = computeReversePostOrder();
    }
    return reversePostOrder.clone();
  }

  private int[] computeReversePostOrder() {
    int n = nodes.size();
    int[] order = new int[n];
    int count = 0;
    BitSet visited = new BitSet(n);
    // Iterative DFS: a method with thousands of statements must not overflow the stack.
    Deque<int[]> stack = new ArrayDeque<>();
    stack.push(new int[] {entry, 0});
    visited.set(entry);
    while (!stack.isEmpty()) {
      int[] top = stack.peek();
      List<Edge> succ = nodes.get(top[0]).successors;
      if (top[1] < succ.size()) {
        int next = succ.get(top[1]++).to();
        if (!visited.get(next)) {
          visited.set(next);
          stack.push(new int[] {next, 0});
        }
      } else {
        stack.pop();
        order[count++] = top[0];
      }
    }
    int[] rpo = new int[count];
    for (int i = 0; i < count; i++) {
      rpo[i] = order[count - 1 - i];
    }
    return rpo;
  }

  /** A readable dump, one node a line with its successors; for tests and debugging. */
  public String dump() {
    StringBuilder sb = new StringBuilder();
    for (CfgNode node : nodes) {
      sb.append(node).append(" ->");
      for (Edge e : node.successors) {
        sb.append(' ').append(e.to());
        if (e.kind() != Edge.Kind.NORMAL) {
          sb.append(e.kind() == Edge.Kind.EXCEPTION ? "!" : "^");
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
