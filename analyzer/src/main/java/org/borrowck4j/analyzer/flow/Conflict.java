package org.borrowck4j.analyzer.flow;

import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;

/**
 * An access that conflicts with a live loan: how ({@link PlacesConflict}), the loan (null for a
 * mutation through a borrow of unknown origin), where the loan is used after the access, and for
 * conflicting arguments the other argument.
 */
public record Conflict(PlacesConflict.Kind kind, Event access, Loan loan, LaterUse laterUse, Event.ArgumentBorrow other) {}
