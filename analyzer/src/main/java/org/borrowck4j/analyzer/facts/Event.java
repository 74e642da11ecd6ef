package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What one CFG node does to a tracked place, in the order it happens (rustc's {@code def_use}
 * categories, for Java). Gathered once per body by {@link FactsBuilder}; every analysis and rule
 * reads them.
 */
public sealed interface Event {
  Variable place();

  /** The AST node the event belongs to, for spans. */
  Node at();

  /** The place's value is read. */
  record Use(Variable place, Node at, UseKind kind) implements Event {}

  /**
   * Ownership of the place's value leaves it (a move), or the value is consumed by a {@code
   * @Consumes} method. Numbered per body.
   */
  record Move(int index, Variable place, Node at, MoveCause cause) implements Event {}

  /** The place gets a new value (assignment, declaration, binding): usable again. */
  record Reinit(Variable place, Node at) implements Event {}

  /** The place goes out of scope. */
  record StorageDead(Variable place, Node at) implements Event {}

  enum UseKind {
    READ,
    /**
     * The receiver of an idempotent consuming call ({@code close()} on a {@code Closeable}): not a
     * use when the value was only consumed before (DESIGN.md decision 5).
     */
    IDEMPOTENT_RELEASE
  }
}
