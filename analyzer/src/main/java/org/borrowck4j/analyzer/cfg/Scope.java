package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A lexical scope (block, for header, resource list, catch clause, parameter list). */
public final class Scope {
  private final Node owner;
  private final List<Variable> variables = new ArrayList<>();

  Scope(Node owner) {
    this.owner = owner;
  }

  /** The node that opens the scope. */
  public Node owner() {
    return owner;
  }

  /** The variables declared in the scope, in declaration order. */
  public List<Variable> variables() {
    return Collections.unmodifiableList(variables);
  }

  void add(Variable v) {
    variables.add(v);
  }
}
