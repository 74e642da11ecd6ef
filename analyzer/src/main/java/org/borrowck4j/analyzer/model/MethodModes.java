package org.borrowck4j.analyzer.model;

import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.model.MethodContract.ReturnMode;

/**
 * What calling a method does to its result and its receiver, and the model vocabulary that
 * applies to it; the parameters' modes are kept with the parameters.
 *
 * @param borrowedFrom for a {@code @Borrowed(from = "p")} result, the parameter name; else null
 * @param idempotent whether consuming the receiver again is harmless ({@code
 *     @Consumes(idempotent = true)})
 * @param mustRelease the result is an owner that must be released (model vocabulary)
 * @param noEffect the declaration says explicitly that calling it does nothing to ownership
 *     (model vocabulary {@code @NoEffect}): it hides what supertypes say
 * @param noReturn the method never returns normally (model vocabulary {@code @NoReturn})
 * @param noThrow the method reports failure otherwise than by throwing (model vocabulary {@code
 *     @NoThrow}, decision 154)
 * @param needsOpen calling it on a closed resource fails (model vocabulary {@code @NeedsOpen}, D21)
 * @param worksWhenClosed calling it on a closed or consumed value is no use of it (model
 *     vocabulary {@code @WorksWhenClosed}, D21)
 * @param keyRole what the result is to the receiver's keys (model vocabulary {@code @Keys},
 *     {@code @Entries}, {@code @EntryKey}, D24)
 * @param resultField inferred only (D23): the result is the receiver's field of that name — a
 *     getter, whose call is the field's place ({@code h.getItems()} is {@code h.items}); else null
 * @param bindsLate the result, a borrowed stream, binds to the receiver only when its terminal
 *     operation runs (model vocabulary {@code @BindsLate}, D22)
 * @param liveView the result, a borrowed view of the receiver map, is backed by it: the map's later
 *     changes, structural ones included, are reflected in it and it stays valid (model vocabulary
 *     {@code @LiveView}, decision 278); only an iteration over it fails fast
 * @param trueIfChanged the boolean result is true exactly when the call changed the receiver (model
 *     vocabulary {@code @TrueIfChanged}, decision 284): where the caller branches on it, only the
 *     branch taken on {@code true} saw the change
 * @param constructorArgument the result is the argument the receiver was constructed with, for
 *     the constructor parameter of that name (model vocabulary {@code @ConstructorArgument},
 *     decision 235); else null
 * @param resultAliasesReceiver the result is a second handle on the receiver's resource ({@code
 *     @MustCallAlias} on the receiver parameter and the method, D19): Netty's {@code
 *     ByteBufHolder.content()}, the buffer whose reference count is the holder's (decision 246)
 */
public record MethodModes(
    ReturnMode returns,
    String borrowedFrom,
    ReceiverMode receiver,
    boolean idempotent,
    boolean mustRelease,
    boolean noEffect,
    boolean noReturn,
    boolean noThrow,
    boolean needsOpen,
    boolean worksWhenClosed,
    KeyRole keyRole,
    String resultField,
    boolean bindsLate,
    boolean liveView,
    boolean trueIfChanged,
    String constructorArgument,
    boolean resultAliasesReceiver) {

  public static final MethodModes NONE =
      new MethodModes(ReturnMode.NONE, null, ReceiverMode.NONE, false, false, false, false, false, false, false, KeyRole.NONE, null, false, false, false, null, false);

  /** What a method's result is to the keys of the map it is called on (D24). */
  public enum KeyRole {
    NONE,
    /** Iterating the result yields the receiver map's keys ({@code keySet()}). */
    KEYS,
    /** Iterating the result yields the receiver map's entries ({@code entrySet()}). */
    ENTRIES,
    /** The result is the key of the entry it is called on ({@code Map.Entry.getKey()}). */
    ENTRY_KEY,
    /**
     * The result is the current element of the iteration it is called on ({@code Iterator.next()}):
     * a key or an entry of the map when the iterator is over such a view (decision 289).
     */
    CURRENT
  }

  /** A release: it consumes the receiver and calling it again is not harmless. */
  public boolean releases() {
    return receiver == ReceiverMode.CONSUMES && !idempotent;
  }

  /** The same modes with another result. */
  public MethodModes withResult(ReturnMode result, String from, boolean mustReleaseResult) {
    return new MethodModes(
        result, from, receiver, idempotent, mustReleaseResult, noEffect, noReturn, noThrow, needsOpen, worksWhenClosed, keyRole, resultField, bindsLate, liveView, trueIfChanged, constructorArgument, resultAliasesReceiver);
  }

  /** The same modes, with the result the receiver's field {@code field} (a getter, D23). */
  public MethodModes withResultField(String field) {
    return new MethodModes(
        returns, borrowedFrom, receiver, idempotent, mustRelease, noEffect, noReturn, noThrow, needsOpen, worksWhenClosed, keyRole, field, bindsLate, liveView, trueIfChanged, constructorArgument, resultAliasesReceiver);
  }

  /** A method that takes part in borrows: it mutates its receiver, or lends from it. */
  public boolean lends() {
    return receiver == ReceiverMode.MUT || returns == ReturnMode.BORROWED;
  }

  /**
   * Whether any of it says something about ownership (possibly: nothing happens). Whether the
   * method needs an open resource is another matter: a method saying only that has no ownership
   * contract. What the result is to a map's keys is said as part of the contract, so that a
   * subtype's declaration without one does not hide it ({@code SimpleEntry.getKey()}). Not an
   * iterator's current element: {@code Iterator.next()} is read where it is declared, and an
   * analysed iterator's own {@code next()} keeps what its body says (decision 289).
   */
  public boolean saysSomething() {
    return noEffect
        || noReturn
        || returns != ReturnMode.NONE
        || receiver != ReceiverMode.NONE
        || (keyRole != KeyRole.NONE && keyRole != KeyRole.CURRENT)
        || constructorArgument != null;
  }
}
