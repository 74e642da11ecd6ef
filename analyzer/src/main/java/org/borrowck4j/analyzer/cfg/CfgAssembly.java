package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A control-flow graph assembled by hand, node by node and edge by edge, with the variables it
 * uses: how the analyses are tested on graphs whose every edge the test chooses, and how a tool
 * that is not a Java parser can hand a body to them. The graph starts with its entry, exit and
 * exceptional exit.
 */
public final class CfgAssembly {
  private final List<CfgNode> nodes = new ArrayList<>();
  private int nextVariable;

  public CfgAssembly() {
    node(CfgNode.Kind.ENTRY);
    node(CfgNode.Kind.EXIT);
    node(CfgNode.Kind.EXCEPTIONAL_EXIT);
  }

  public CfgNode entry() {
    return nodes.get(0);
  }

  public CfgNode exit() {
    return nodes.get(1);
  }

  public CfgNode exceptionalExit() {
    return nodes.get(2);
  }

  /** A node that stands for nothing in the source. */
  public CfgNode node(CfgNode.Kind kind) {
    return node(kind, null, null, List.of());
  }

  /**
   * A node standing for {@code ast}, declaring, binding or closing {@code variable}, or ending the
   * scope of {@code variables}.
   */
  public CfgNode node(CfgNode.Kind kind, Node ast, Variable variable, List<Variable> variables) {
    CfgNode n = new CfgNode(nodes.size(), kind, ast, variable, variables, null);
    nodes.add(n);
    return n;
  }

  /** Control flows from one node to another. */
  public CfgAssembly edge(CfgNode from, CfgNode to, Edge.Kind kind) {
    Edge e = new Edge(from.id(), to.id(), kind);
    from.successors.add(e);
    to.predecessors.add(e);
    return this;
  }

  public CfgAssembly edge(CfgNode from, CfgNode to) {
    return edge(from, to, Edge.Kind.NORMAL);
  }

  /** Control flows through the nodes in order. */
  public CfgAssembly path(CfgNode... through) {
    for (int i = 0; i + 1 < through.length; i++) {
      edge(through[i], through[i + 1]);
    }
    return this;
  }

  /** A variable of the given kind, with nothing written on it (no declaration, type or annotation). */
  public Variable variable(String name, Variable.Kind kind) {
    return new Variable(nextVariable++, name, kind, null, null, null, false);
  }

  /** The body whose graph this is. */
  public Body body(String name, List<Variable> parameters) {
    Cfg cfg = new Cfg(List.copyOf(nodes), entry().id(), exit().id(), exceptionalExit().id(), java.util.Map.of());
    return new Body(Body.Kind.METHOD, null, null, name, parameters, cfg, new IdentityHashMap<>(), new LinkedHashSet<>());
  }
}
