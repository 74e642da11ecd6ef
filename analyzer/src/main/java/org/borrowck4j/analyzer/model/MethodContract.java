package org.borrowck4j.analyzer.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What calling a method does to ownership: to each argument, to the receiver, and what the
 * result is. A method without annotations has the default contract (every mode NONE): its
 * arguments are temporary shared borrows that do not escape (DESIGN.md, unannotated code).
 *
 * @param declaringType the type the contract was found on
 * @param params one per declared parameter; a varargs method's last one covers the rest
 * @param modes what it does to its result and receiver (annotations, via {@link ContractModes})
 * @param elementOf for a model method whose result is an element the receiver holds (model
 *     vocabulary {@code @Element}: {@code Map.get}), which of the declaring type's type parameters
 *     the result is ({@code V}: 1); -1 for every other method
 * @param thrown the qualified names of the types the declaration's {@code throws} clause names
 *     (D9: which {@code catch} clauses a call reaches); null where the declaration does not say (a
 *     model without a throws clause, a type that does not resolve), which means it may throw anything
 */
public record MethodContract(
    String declaringType,
    String name,
    Kind kind,
    List<Param> params,
    boolean varargs,
    TypeRef returnType,
    MethodModes modes,
    Declared.Origin origin,
    int elementOf,
    List<String> thrown) {

  public enum Kind {
    INSTANCE_METHOD,
    STATIC_METHOD,
    CONSTRUCTOR;

    public static Kind of(boolean isConstructor, boolean isStatic) {
      return isConstructor ? CONSTRUCTOR : isStatic ? STATIC_METHOD : INSTANCE_METHOD;
    }
  }

  public enum ParamMode {
    NONE,
    OWNED,
    BORROWED,
    MUT,
    RETAINED,
    /** The method consumes its argument ({@code closeQuietly(in)} closes {@code in}). */
    CONSUMES,
    /**
     * The result is a second handle on the argument's resource ({@code @MustCallAlias}, D19:
     * {@code new BufferedReader(in)}): nothing moves, and closing either closes both.
     */
    ALIAS,
    /**
     * Inferred only (D23): some normal paths of the body take the value (release, keep or own
     * it) and others do not, or they take it in different ways. The caller's duty to release it
     * ends (no leak is guessed, as for code that declares nothing: decision 37); nothing moves.
     * A stub has no word for it.
     */
    SOMETIMES_TAKEN
  }

  public enum ReturnMode {
    NONE,
    OWNED,
    BORROWED
  }

  public enum ReceiverMode {
    NONE,
    MUT,
    CONSUMES
  }

  /**
   * @param idempotent for a consumed parameter: whether consuming the value again is harmless
   * @param words the model's other words for the parameter, each a yes or no ({@link ParamWord})
   */
  public record Param(String name, TypeRef type, ParamMode mode, boolean idempotent, Set<ParamWord> words) {
    public Param {
      words = words.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(words));
    }

    public Param(String name, TypeRef type, ParamMode mode) {
      this(name, type, mode, false, Set.of());
    }

    /**
     * A map key: given a key the receiver contains, the call replaces a value in place and is no
     * structural modification (model vocabulary {@code @ReplacesIfPresent}, D24).
     */
    public boolean replacesIfPresent() {
      return words.contains(ParamWord.REPLACES_IF_PRESENT);
    }

    /**
     * Inferred only (D23, decision 151): the body does nothing with the value but close it,
     * directly or in a lambda or anonymous class it creates; handing it a value that is already
     * closed or consumed is no use of that value.
     */
    public boolean worksWhenClosed() {
      return words.contains(ParamWord.WORKS_WHEN_CLOSED);
    }

    /**
     * A function the method runs only during the call, inside its borrow of the receiver (model
     * vocabulary {@code @RunsInPlace}, D22).
     */
    public boolean runsInPlace() {
      return words.contains(ParamWord.RUNS_IN_PLACE);
    }

    /**
     * Such a function's first argument is a key the receiver map contains ({@code
     * @RunsInPlace(keys = true)}: {@code Map.forEach}), so a {@code put} of it replaces in place (D24).
     */
    public boolean givesKeys() {
      return words.contains(ParamWord.GIVES_KEYS);
    }

    /**
     * The method stores the reference without reading the object during the call (model
     * vocabulary {@code @StoredUnread}, decision 286).
     */
    public boolean storedUnread() {
      return words.contains(ParamWord.STORED_UNREAD);
    }

    /**
     * The new owner of an {@code @Owned} argument keeps it alive as long as it lives itself (model
     * vocabulary {@code @HeldAlive}, decision 290).
     */
    public boolean heldAlive() {
      return words.contains(ParamWord.HELD_ALIVE);
    }

    /**
     * The argument becomes an element of the collection the method returns (model vocabulary
     * {@code @BecomesElement}, decision 319): {@code Arrays.asList(in)}.
     */
    public boolean becomesElement() {
      return words.contains(ParamWord.BECOMES_ELEMENT);
    }

    /**
     * The receiver itself may be the argument, as the library documents (model vocabulary {@code
     * @MayBeReceiver}, decision 320): {@code c.removeAll(c)}.
     */
    public boolean mayBeReceiver() {
      return words.contains(ParamWord.MAY_BE_RECEIVER);
    }

    /** The same parameter with another mode, and with or without {@link #worksWhenClosed}. */
    public Param inferred(ParamMode inferredMode, boolean inferredIdempotent, boolean closesOnly) {
      EnumSet<ParamWord> kept = words.isEmpty() ? EnumSet.noneOf(ParamWord.class) : EnumSet.copyOf(words);
      kept.remove(ParamWord.REPLACES_IF_PRESENT);
      kept.remove(ParamWord.WORKS_WHEN_CLOSED);
      if (closesOnly) {
        kept.add(ParamWord.WORKS_WHEN_CLOSED);
      }
      return new Param(name, type, inferredMode, inferredIdempotent, kept);
    }
  }

  /** The model's words that say yes or no of a parameter (each explained by its accessor in {@link Param}). */
  public enum ParamWord {
    REPLACES_IF_PRESENT,
    WORKS_WHEN_CLOSED,
    RUNS_IN_PLACE,
    GIVES_KEYS,
    STORED_UNREAD,
    HELD_ALIVE,
    BECOMES_ELEMENT,
    MAY_BE_RECEIVER
  }

  public MethodContract {
    params = List.copyOf(params);
    thrown = thrown == null ? null : List.copyOf(thrown);
  }

  public boolean isConstructor() {
    return kind == Kind.CONSTRUCTOR;
  }

  public boolean isStatic() {
    return kind == Kind.STATIC_METHOD;
  }

  public ReturnMode returns() {
    return modes.returns();
  }

  public String borrowedFrom() {
    return modes.borrowedFrom();
  }

  public ReceiverMode receiver() {
    return modes.receiver();
  }

  public boolean idempotent() {
    return modes.idempotent();
  }

  /** The result is an owner that must be released (model vocabulary {@code @MustRelease}). */
  public boolean returnsMustRelease() {
    return modes.mustRelease();
  }

  public boolean noEffect() {
    return modes.noEffect();
  }

  /**
   * For a getter (inferred, D23): the name of the receiver's field its result is, so that a call
   * of it is that field's place; else null.
   */
  public String resultField() {
    return modes.resultField();
  }

  /**
   * The name of the receiver's constructor parameter whose argument the result is (model
   * vocabulary {@code @ConstructorArgument}, decision 235), or null.
   */
  public String constructorArgument() {
    return modes.constructorArgument();
  }

  /** Whether the result is a second handle on the receiver's resource (D19, decision 246). */
  public boolean resultAliasesReceiver() {
    return modes.resultAliasesReceiver();
  }

  /** Whether the result, a stream over the receiver, binds to it only at its terminal operation (D22). */
  public boolean bindsLate() {
    return modes.bindsLate();
  }

  /**
   * Whether the result, a view of the receiver map, is backed by it and stays valid across its
   * structural changes (model vocabulary {@code @LiveView}, decision 278).
   */
  public boolean liveView() {
    return modes.liveView();
  }

  /**
   * Whether the result, an owner, holds only memory the collector reclaims, so that dropping it
   * leaks nothing (model vocabulary {@code @CollectedWhenDropped}, decision 332).
   */
  public boolean collectedWhenDropped() {
    return modes.collectedWhenDropped();
  }

  /**
   * Whether the boolean result is true exactly when the call changed the receiver (model
   * vocabulary {@code @TrueIfChanged}, decision 284).
   */
  public boolean trueIfChanged() {
    return modes.trueIfChanged();
  }

  /**
   * Whether the method is a null test of its one argument and which ({@code @TrueIfNull}, {@code
   * @TrueIfNonNull}, decision 334): true that a true result means null, false that it means non
   * null, null when it is none.
   */
  public Boolean trueMeansNull() {
    return params().size() == 1 ? modes.trueMeansNull() : null;
  }

  public boolean noReturn() {
    return modes.noReturn();
  }

  /** Whether a model says the method reports failure otherwise than by throwing (decision 154). */
  public boolean noThrow() {
    return modes.noThrow();
  }

  /** Whether the contract comes from a built-in model (a library's documented behaviour). */
  public boolean fromBuiltinModel() {
    return origin != null && origin.kind() == Declared.Origin.Kind.BUILTIN_MODEL;
  }

  /**
   * This method as one that does nothing to ownership ({@code @NoEffect}), inferred from its empty
   * body (decision 156).
   */
  public MethodContract doingNothing() {
    MethodModes none = modes.doingNothing();
    Declared.Origin inferred = origin == null ? null : new Declared.Origin(Declared.Origin.Kind.INFERRED, origin.file(), origin.line());
    return new MethodContract(declaringType, name, kind, params, varargs, returnType, none, inferred, elementOf, thrown);
  }

  /** The same method with other parameter modes and method modes, said to come from elsewhere (what is inferred). */
  public MethodContract with(List<Param> otherParams, MethodModes otherModes, Declared.Origin from) {
    return new MethodContract(declaringType, name, kind, otherParams, varargs, returnType, otherModes, from, elementOf, thrown);
  }

  /** The same contract, said to come from elsewhere (null: nowhere in particular). */
  public MethodContract withOrigin(Declared.Origin from) {
    return new MethodContract(declaringType, name, kind, params, varargs, returnType, modes, from, elementOf, thrown);
  }

  /** The same contract, with what the method throws said otherwise (null: unknown). */
  public MethodContract withThrown(List<String> types) {
    return new MethodContract(declaringType, name, kind, params, varargs, returnType, modes, origin, elementOf, types);
  }

  /** The same method with no contract at all (every mode NONE). */
  public MethodContract withoutContract() {
    List<Param> plain = new java.util.ArrayList<>(params.size());
    for (Param p : params) {
      plain.add(new Param(p.name(), p.type(), ParamMode.NONE));
    }
    return new MethodContract(declaringType, name, kind, plain, varargs, returnType, MethodModes.NONE, origin, elementOf, thrown);
  }

  /**
   * Whether the contract says everything inference could (D23): its result and every parameter
   * declare a mode, or the method declares that it does nothing to ownership.
   */
  public boolean isComplete() {
    if (modes.noEffect() || (returns() == ReturnMode.NONE && !returnType.cannotHoldReferences())) {
      return modes.noEffect();
    }
    for (Param p : params) {
      if (p.mode() == ParamMode.NONE && !p.type().cannotHoldReferences()) {
        return false;
      }
    }
    return true;
  }

  /**
   * This contract with what it leaves unsaid taken from an inferred one (D23): a written mode
   * always wins. Marked inferred when anything was taken.
   */
  public MethodContract completedWith(MethodContract inferred) {
    if (!hasContract()) {
      return inferred.withThrown(thrown); // what the declaration throws is not inferred
    }
    boolean took = false;
    List<Param> merged = new java.util.ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      Param mine = params.get(i);
      Param theirs = i < inferred.params().size() ? inferred.params().get(i) : null;
      if (mine.mode() == ParamMode.NONE && theirs != null && (theirs.mode() != ParamMode.NONE || theirs.worksWhenClosed())) {
        merged.add(theirs);
        took = true;
      } else {
        merged.add(mine);
      }
    }
    MethodModes m = modes;
    if (modes.returns() == ReturnMode.NONE && inferred.returns() != ReturnMode.NONE) {
      m = modes.withResult(inferred.returns(), inferred.borrowedFrom(), inferred.returnsMustRelease());
      took = true;
    } else if (modes.returns() == ReturnMode.NONE && inferred.resultField() != null) {
      m = modes.withResultField(inferred.resultField());
      took = true;
    }
    return took ? new MethodContract(declaringType, name, kind, merged, varargs, returnType, m, inferred.origin(), elementOf, thrown) : this;
  }

  /**
   * The index of the parameter that only replaces a value when given a key the receiver contains
   * ({@code Map.put}'s key, D24), or -1.
   */
  public int replacingKeyParameter() {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).replacesIfPresent()) {
        return i;
      }
    }
    return -1;
  }

  /** What the result is to the receiver's keys (D24). */
  public MethodModes.KeyRole keyRole() {
    return modes.keyRole();
  }

  /** Whether any part of the contract says something (possibly: nothing happens). */
  public boolean hasContract() {
    if (modes.saysSomething()) {
      return true;
    }
    for (Param p : params) { // a loop, not a stream: asked for every call analysed
      if (p.mode() != ParamMode.NONE || p.runsInPlace()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the result is an element the receiver holds ({@code Map.get}; model vocabulary {@code @Element}). */
  public boolean returnsElement() {
    return elementOf >= 0;
  }

  /** Whether the method accepts {@code argumentCount} arguments. */
  public boolean accepts(int argumentCount) {
    return varargs ? argumentCount >= params.size() - 1 : argumentCount == params.size();
  }

  /** The parameter an argument at {@code index} binds to (the varargs parameter for the rest). */
  public Param paramFor(int index) {
    if (params.isEmpty()) {
      return null;
    }
    return index < params.size() ? params.get(index) : varargs ? params.get(params.size() - 1) : null;
  }

  /** How the method is named in messages: {@code Sink.accept}, or {@code new Sink}. */
  public String displayName() {
    String type = TypeRef.of(declaringType).simpleName();
    return isConstructor() ? "new " + type : type + "." + name;
  }
}
