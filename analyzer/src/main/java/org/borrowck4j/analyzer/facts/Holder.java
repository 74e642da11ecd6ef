package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.stmt.ForEachStmt;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What keeps a loan alive: a variable holding the borrowed reference (live while it is used
 * later), or the hidden iterator of a for-each loop (live while the loop may run again).
 * Exactly one of {@code variable} and {@code loop} is set.
 */
public record Holder(int index, Variable variable, ForEachStmt loop) {
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
