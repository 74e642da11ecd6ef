package org.borrowck4j.analyzer.facts;

/** What a variable is to the ownership rules (DESIGN.md "Which values are tracked"). */
public enum Ownership {
  /** Owns its value: moves out of it, its scope end drops it. */
  OWNER,
  /** Borrows from an owner. */
  BORROW,
  /** Neither: a plain Java reference (consumption still applies to it, D15). */
  PLAIN
}
