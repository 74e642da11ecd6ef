package org.borrowck4j.analyzer.facts;

import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What one {@code return} of a method gives back, as far as ownership cares: what inference reads
 * to say what the method's result is (D23).
 *
 * @param place for {@link Kind#PLACE}, the variable returned; for {@link Kind#FRESH}, the local
 *     holding the new object, if one does
 * @param mustRelease for {@link Kind#FRESH}, whether the fresh value must be released (a
 *     {@code @MustRelease} producer, an owned type that must be released)
 */
public record ReturnedValue(CfgNode node, Kind kind, Variable place, boolean mustRelease) {
  public enum Kind {
    /** {@code return null;}: nothing to own. */
    NULL,
    /** {@code return this;} */
    RECEIVER,
    /** A fresh owner nobody else holds: an {@code @Owned} result of an owned or must-release type. */
    FRESH,
    /**
     * A new object wrapping a parameter ({@code place}) or the receiver or one of its fields
     * ({@code place} null): {@code return new Slice(this, from, to)}.
     */
    WRAPPER,
    /**
     * A new object that is a second handle on the receiver, a resource to close (D19): {@code
     * return new Mapped(this)} with a wrapper's constructor, whose {@code close()} closes the
     * receiver (decision 306). The Checker Framework's {@code @MustCallAlias R m(@MustCallAlias T
     * this)}.
     */
    RECEIVER_HANDLE,
    /** A variable ({@code return buf;}). */
    PLACE,
    /**
     * A variable the body also works with through a downcast to the analysed sources' own
     * implementation of its type: what the models say of it may not hold (decision 150).
     */
    IMPLEMENTATION,
    /** Anything else. */
    OTHER
  }
}
