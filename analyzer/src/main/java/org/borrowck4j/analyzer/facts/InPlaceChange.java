package org.borrowck4j.analyzer.facts;

/**
 * A structural change, inside a lambda that a call runs in place (D22: {@code list.forEach(x ->
 * list.add(x))}), of what the call reads while it runs the lambda: its receiver, or the collection
 * a stream pipeline reads. The call borrows that collection for its whole run, so the change
 * conflicts with the call's borrow (Rust's E0502 with a closure).
 *
 * @param change the mutation, an event of the lambda's body
 * @param lender the call's borrow of the collection: its place (the root), the expression where
 *     the borrow starts, the call and its method's name
 */
public record InPlaceChange(Event.Mutate change, Event.Operand lender) {}
