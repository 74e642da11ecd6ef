package org.borrowck4j.analyzer.facts;

/** How a place is mutated, with the names a diagnostic needs. */
public record MutationCause(Kind kind, String name, String callee) {
  public enum Kind {
    /** A {@code @Mut} method called on it ({@code list.add(x)}). */
    MUT_METHOD,
    /** Passed to a {@code @Mut} parameter. */
    MUT_ARGUMENT,
    /**
     * A method of the class called here ({@code callee}) changes the place, a field, with the
     * {@code @Mut} method {@code name} (directly or through its own helpers): decision 176.
     */
    MUT_IN_CALLEE,
    /** Given to a local declared {@code @Mut} ({@code name}): an exclusive borrow of it. */
    MUT_LOCAL,
    /** One of its fields assigned ({@code buf.limit = 3}). */
    FIELD_ASSIGNMENT,
    /**
     * The place itself assigned a new value ({@code m = Matrix.identity(n)}): the old value is
     * dropped while whatever borrows it is still used (E0506).
     */
    ASSIGNMENT
  }
}
