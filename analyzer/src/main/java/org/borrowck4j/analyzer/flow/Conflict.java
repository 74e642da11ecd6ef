package org.borrowck4j.analyzer.flow;

import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;

/**
 * An access that conflicts with a live loan: how ({@link PlacesConflict}), the loan (null for a
 * mutation through a borrow of unknown origin, and for a conflict within one call), where the loan
 * is used after the access, and for a conflict within one call the other operand (an {@link
 * Event.ArgumentBorrow}, an {@link Event.Operand}, or the {@link Event.Mutate} of a {@code @Mut}
 * receiver).
 */
public record Conflict(PlacesConflict.Kind kind, Event access, Loan loan, LaterUse laterUse, Event other) {}
