package org.borrowck4j.analyzer.parse;

import com.github.javaparser.ast.Node;
import java.util.List;

/**
 * Questions about where a node sits, answered by identity: JavaParser's {@code equals} compares
 * text, so two {@code g(x)} in one method are "equal" and {@code List.indexOf} would confuse them.
 */
public final class AstNodes {
  private AstNodes() {}

  /** Whether {@code inner} is {@code outer} or lies inside it. */
  public static boolean isWithin(Node inner, Node outer) {
    for (Node p = inner; p != null; p = p.getParentNode().orElse(null)) {
      if (p == outer) {
        return true;
      }
    }
    return false;
  }

  /** The position of {@code node} itself in {@code nodes}, or -1. */
  public static int indexOf(List<? extends Node> nodes, Node node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    return -1;
  }
}
