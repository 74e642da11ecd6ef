package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What keeps a loan alive: a variable holding the borrowed reference (live while it is used
 * later), or the hidden iterator of a for-each loop (live while the loop may run again; {@code
 * loop} is the for-each statement, the AST of its {@code FOREACH_NEXT} node). Exactly one of
 * {@code variable} and {@code loop} is set.
 */
public record Holder(int index, Variable variable, Node loop) {
  // Identity, not the record's structural equality: a JavaParser node hashes its whole subtree.
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
