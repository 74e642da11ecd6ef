package org.borrowck4j.analyzer.infer;

import java.util.List;

/**
 * What a method's body does, on every normal path, to what it is given and to what it returns
 * (D23): the effect on each parameter and the kind of its result. {@link #NOTHING} says nothing.
 *
 * @param givesToUnfollowedCode whether the body hands a parameter that may hold a value to release
 *     to code whose effect on it is not followed: then saying nothing is not "only reads it"
 *     (decision 305)
 */
record Summary(List<ParamFate> params, Result result, boolean givesToUnfollowedCode) {
  static final Summary NOTHING = new Summary(List.of(), Result.NONE);

  Summary(List<ParamFate> params, Result result) {
    this(params, result, false);
  }

  /** What happens to one parameter's value. */
  record ParamFate(Fate fate, boolean idempotent, boolean closesOnly) {
    static final ParamFate NONE = new ParamFate(Fate.NONE, false);

    ParamFate(Fate fate, boolean idempotent) {
      this(fate, idempotent, false);
    }

    /**
     * The same fate, and whether all the body does with the value is close it (decision 151): a
     * value closed or consumed before the call is not used by it.
     */
    ParamFate closingOnly(boolean only) {
      return new ParamFate(fate, idempotent, only);
    }
  }

  enum Fate {
    NONE,
    /** Closed, released or consumed ({@code idempotent} when every consumption is). */
    CONSUMED,
    /** Moved into an {@code @Owned} place. */
    OWNED,
    /** Kept: stored in a field, a field's collection, or handed to code that keeps it. */
    KEPT,
    /**
     * Stored in a field of the object a constructor builds: the new object is a handle on it, and
     * where the object goes the obligation goes (as for a D19 wrapper).
     */
    WRAPPED,
    /** Taken on some normal paths and not on others, or taken in different ways on different ones. */
    SOMETIMES
  }

  /**
   * The result: a fresh owner ({@code mustRelease} when it must be released; {@code
   * collectedWhenDropped} when every one returned holds only memory the collector reclaims,
   * decision 345), or a borrow of a parameter ({@code from} its name) or of the receiver ({@code
   * from} null).
   */
  record Result(Kind kind, boolean mustRelease, String from, boolean collectedWhenDropped) {
    static final Result NONE = new Result(Kind.NONE, false, null);

    Result(Kind kind, boolean mustRelease, String from) {
      this(kind, mustRelease, from, false);
    }

    enum Kind {
      NONE,
      OWNED,
      BORROWED,
      /** The receiver's field named {@code from}: a getter, whose call is that field's place (D23). */
      FIELD,
      /** A second handle on the receiver, a resource to close (D19, decision 306). */
      RECEIVER_HANDLE
    }
  }

  /**
   * What a call of an overridable method can count on, given what each of its implementations
   * does: what they all do; a parameter that some take and others do not (or take another way)
   * is sometimes taken; results that differ say nothing.
   */
  static Summary agreed(List<Summary> implementations, int arity) {
    java.util.List<ParamFate> params = new java.util.ArrayList<>(arity);
    for (int i = 0; i < arity; i++) {
      ParamFate common = null;
      boolean differ = false;
      boolean anyTaken = false;
      boolean allCloseOnly = true; // a value they all only close is used by none of them
      for (Summary s : implementations) {
        ParamFate f = i < s.params().size() ? s.params().get(i) : ParamFate.NONE;
        anyTaken |= f.fate() != Fate.NONE;
        allCloseOnly &= f.closesOnly();
        f = f.closingOnly(false);
        differ |= common != null && !common.equals(f);
        common = common == null ? f : common;
      }
      ParamFate agreed = !differ ? common : anyTaken ? new ParamFate(Fate.SOMETIMES, false) : ParamFate.NONE;
      params.add(agreed.closingOnly(allCloseOnly));
    }
    Result result = implementations.get(0).result();
    boolean givesToUnfollowedCode = false;
    for (Summary s : implementations) {
      if (!s.result().equals(result)) {
        result = Result.NONE;
      }
      givesToUnfollowedCode |= s.givesToUnfollowedCode();
    }
    return new Summary(params, result, givesToUnfollowedCode);
  }

  boolean saysSomething() {
    return result.kind() != Result.Kind.NONE || params.stream().anyMatch(p -> p.fate() != Fate.NONE || p.closesOnly());
  }
}
