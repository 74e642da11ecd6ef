package org.borrowck4j.analyzer.diagnostics;

/**
 * A secondary span with its text, such as "value moved here", and what it shows: the kind says
 * where the location stands in the story a finding tells (a move or a loan comes before the
 * primary location, a later use after it), so nothing ever reads a label's words to order it.
 */
public record Label(Span span, Kind kind, String text) {
  public enum Kind {
    /** Where the value moved or was consumed. */
    MOVE,
    /** Where the borrow was created. */
    LOAN,
    /** The other operand (an argument, or the receiver) of a call whose operands conflict. */
    OTHER_ARGUMENT,
    /** Where the borrow is used after the primary location (rustc's "borrow later used here"). */
    LATER_USE,
    /** Where the owner went out of scope or was closed. */
    OWNER_END,
    /** The declaration of the variable the finding is about, and what it is. */
    DECLARATION,
    /** Where a closure captures the variable. */
    CAPTURE,
    /** Where a value escapes: stored, returned, kept by a call. */
    ESCAPE,
    /** A call that may throw, and the handler that catches it and lets the method go on. */
    THROW,
    /** Where control leaves with a value still unreleased. */
    EXIT;

    /** Whether the location happens after the primary one when the finding's path is shown. */
    public boolean followsPrimary() {
      return this == LATER_USE || this == THROW || this == EXIT;
    }
  }
}
