package org.borrowck4j.analyzer.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
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
 * @param keyRole what the result is to the receiver's keys (model vocabulary {@code @Keys},
 *     {@code @Entries}, {@code @EntryKey}, {@code @Current}, D24)
 * @param resultField inferred only (D23): the result is the receiver's field of that name — a
 *     getter, whose call is the field's place ({@code h.getItems()} is {@code h.items}); else null
 * @param constructorArgument the result is the argument the receiver was constructed with, for
 *     the constructor parameter of that name (model vocabulary {@code @ConstructorArgument},
 *     decision 235); else null
 * @param words the model's other words for the method, each a yes or no ({@link Word})
 */
public record MethodModes(
    ReturnMode returns,
    String borrowedFrom,
    ReceiverMode receiver,
    boolean idempotent,
    boolean mustRelease,
    KeyRole keyRole,
    String resultField,
    String constructorArgument,
    Set<Word> words) {

  public static final MethodModes NONE =
      new MethodModes(ReturnMode.NONE, null, ReceiverMode.NONE, false, false, KeyRole.NONE, null, null, Set.of());

  /** The model's words that say yes or no of a method. */
  public enum Word {
    /**
     * The declaration says explicitly that calling it does nothing to ownership ({@code
     * @NoEffect}): it hides what supertypes say.
     */
    NO_EFFECT,
    /** The method never returns normally ({@code @NoReturn}). */
    NO_RETURN,
    /** The method reports failure otherwise than by throwing ({@code @NoThrow}, decision 154). */
    NO_THROW,
    /** Calling it on a closed resource fails ({@code @NeedsOpen}, D21). */
    NEEDS_OPEN,
    /** Calling it on a closed or consumed value is no use of it ({@code @WorksWhenClosed}, D21). */
    WORKS_WHEN_CLOSED,
    /**
     * The result, a borrowed stream, binds to the receiver only when its terminal operation runs
     * ({@code @BindsLate}, D22).
     */
    BINDS_LATE,
    /**
     * The result, a borrowed view of the receiver map, is backed by it: the map's later changes,
     * structural ones included, are reflected in it and it stays valid ({@code @LiveView},
     * decision 278); only an iteration over it fails fast.
     */
    LIVE_VIEW,
    /**
     * The result, an owner, holds only memory the collector reclaims: dropping it leaks nothing
     * ({@code @CollectedWhenDropped}, decision 332).
     */
    COLLECTED_WHEN_DROPPED,
    /**
     * The boolean result is true exactly when the call changed the receiver ({@code
     * @TrueIfChanged}, decision 284): where the caller branches on it, only the branch taken on
     * {@code true} saw the change.
     */
    TRUE_IF_CHANGED,
    /** The boolean result is {@code arg == null} of its one argument ({@code @TrueIfNull}, decision 334). */
    TRUE_IF_NULL,
    /** The boolean result is {@code arg != null} of its one argument ({@code @TrueIfNonNull}, decision 334). */
    TRUE_IF_NON_NULL,
    /**
     * The result is a second handle on the receiver's resource ({@code @MustCallAlias} on the
     * receiver parameter and the method, D19): Netty's {@code ByteBufHolder.content()}, the
     * buffer whose reference count is the holder's (decision 246).
     */
    RESULT_ALIASES_RECEIVER
  }

  public MethodModes {
    words = words.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(words));
  }

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

  public boolean noEffect() {
    return words.contains(Word.NO_EFFECT);
  }

  public boolean noReturn() {
    return words.contains(Word.NO_RETURN);
  }

  public boolean noThrow() {
    return words.contains(Word.NO_THROW);
  }

  public boolean needsOpen() {
    return words.contains(Word.NEEDS_OPEN);
  }

  public boolean worksWhenClosed() {
    return words.contains(Word.WORKS_WHEN_CLOSED);
  }

  public boolean bindsLate() {
    return words.contains(Word.BINDS_LATE);
  }

  public boolean liveView() {
    return words.contains(Word.LIVE_VIEW);
  }

  public boolean collectedWhenDropped() {
    return words.contains(Word.COLLECTED_WHEN_DROPPED);
  }

  public boolean trueIfChanged() {
    return words.contains(Word.TRUE_IF_CHANGED);
  }

  /**
   * What a true result says of the one argument: {@link Boolean#TRUE} that it is null ({@code
   * Objects.isNull}), {@link Boolean#FALSE} that it is not ({@code Objects.nonNull}); null when
   * the method is no null test.
   */
  public Boolean trueMeansNull() {
    return words.contains(Word.TRUE_IF_NULL) ? Boolean.TRUE : words.contains(Word.TRUE_IF_NON_NULL) ? Boolean.FALSE : null;
  }

  public boolean resultAliasesReceiver() {
    return words.contains(Word.RESULT_ALIASES_RECEIVER);
  }

  /** A release: it consumes the receiver and calling it again is not harmless. */
  public boolean releases() {
    return receiver == ReceiverMode.CONSUMES && !idempotent;
  }

  /** The same modes with another result. */
  public MethodModes withResult(ReturnMode result, String from, boolean mustReleaseResult) {
    return new MethodModes(result, from, receiver, idempotent, mustReleaseResult, keyRole, resultField, constructorArgument, words);
  }

  /** The same modes, with a result that is a second handle on the receiver's resource (D19). */
  public MethodModes withResultAliasingReceiver() {
    EnumSet<Word> aliasing = EnumSet.of(Word.RESULT_ALIASES_RECEIVER);
    aliasing.addAll(words);
    return new MethodModes(returns, borrowedFrom, receiver, idempotent, mustRelease, keyRole, resultField, constructorArgument, aliasing);
  }

  /** The same modes, with a result that holds only memory the collector reclaims (decision 345). */
  public MethodModes withResultCollectedWhenDropped() {
    EnumSet<Word> collected = EnumSet.of(Word.COLLECTED_WHEN_DROPPED);
    collected.addAll(words);
    return new MethodModes(returns, borrowedFrom, receiver, idempotent, mustRelease, keyRole, resultField, constructorArgument, collected);
  }

  /** The same modes, with the result the receiver's field {@code field} (a getter, D23). */
  public MethodModes withResultField(String field) {
    return new MethodModes(returns, borrowedFrom, receiver, idempotent, mustRelease, keyRole, field, constructorArgument, words);
  }

  /** The same result and words, doing nothing to the receiver, and saying so ({@code @NoEffect}). */
  public MethodModes doingNothing() {
    EnumSet<Word> nothing = EnumSet.of(Word.NO_EFFECT);
    nothing.addAll(words);
    return new MethodModes(returns, borrowedFrom, ReceiverMode.NONE, false, mustRelease, keyRole, resultField, constructorArgument, nothing);
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
    return noEffect()
        || noReturn()
        || returns != ReturnMode.NONE
        || receiver != ReceiverMode.NONE
        || (keyRole != KeyRole.NONE && keyRole != KeyRole.CURRENT)
        || constructorArgument != null;
  }
}
