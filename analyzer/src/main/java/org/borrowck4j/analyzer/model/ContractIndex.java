package org.borrowck4j.analyzer.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.borrowck4j.analyzer.types.SamParameter;
import org.borrowck4j.analyzer.types.TypeMembers;
import org.borrowck4j.analyzer.types.TypeRef;
import org.borrowck4j.analyzer.types.TypeUniverse;

/**
 * Every contract the analyser knows, answered with precedence and inheritance: for a method, the
 * receiver's type and then its supertypes are searched, and at each type the sources are asked in
 * order — annotations in the analysed source, user stubs, built-in models, classpath bytecode
 * (DESIGN.md and docs/models.md). The first declaration that says something wins; a declaration
 * without annotations defers to what its supertypes say. Thread-safe; shared by all files of a run.
 */
public final class ContractIndex implements TypeMembers {
  private final List<ContractSource> sources;
  private final Map<String, List<String>> hierarchies = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ownedTypes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> existing = new ConcurrentHashMap<>();

  private volatile InferredContracts inference;

  /** Sources in order of precedence, highest first. */
  public ContractIndex(List<ContractSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * Contracts inferred from the sources' own bodies (D23), asked for a source method whose
   * annotations leave its result or a parameter unsaid; none when inference is off. What is
   * written wins: inference only fills in what is not.
   */
  public void inferWith(InferredContracts inference) {
    this.inference = inference;
  }

  /**
   * The declared contract, completed where a source method leaves something unsaid by what is
   * inferred. Inference fills in parameter modes and the result only: a question about anything
   * else (the return type, model vocabulary, the receiver) is answered by the declaration alone,
   * without summarising a body (decision 200).
   */
  public MethodContract withInference(MethodContract declared) {
    return withInference(declared, null);
  }

  /** {@link #withInference(MethodContract)} for a call dispatched so (null: as declared). */
  public MethodContract withInference(MethodContract declared, Dispatch dispatch) {
    InferredContracts infer = inference;
    if (infer == null
        || declared == null
        || declared.origin() == null
        || declared.origin().kind() != Declared.Origin.Kind.SOURCE
        || declared.isComplete()) {
      return declared;
    }
    MethodContract inferred = infer.inferredFor(declared, dispatch);
    return inferred != null ? declared.completedWith(inferred) : declared;
  }

  /**
   * The anonymous classes a call of a source method may return, known from its bodies (decision
   * 236), or null: not known, or inference is off.
   */
  public List<RuntimeClass> resultClasses(MethodContract declared, Dispatch dispatch) {
    InferredContracts infer = inference;
    if (infer == null
        || declared == null
        || declared.isConstructor()
        || declared.origin() == null
        || declared.origin().kind() != Declared.Origin.Kind.SOURCE) {
      return null;
    }
    return infer.resultClasses(declared, dispatch);
  }

  /**
   * The index of one run: the analysed sources, user stubs, built-in models and the classpath, in
   * that order of precedence. Names in sources and stubs resolve against the index itself.
   */
  public static ContractIndex of(
      SourceIndex sources,
      List<Declared.FileDeclarations> userStubs,
      List<Declared.FileDeclarations> builtinModels,
      ContractSource classpath) {
    DeclarationSet user = new DeclarationSet(userStubs);
    DeclarationSet builtin = new DeclarationSet(builtinModels);
    ContractIndex index = new ContractIndex(List.of(sources, user, builtin, classpath));
    sources.setUniverse(index);
    user.setUniverse(index);
    builtin.setUniverse(index);
    if (classpath instanceof ClasspathContracts c) {
      c.useModelsOf(index);
    }
    return index;
  }

  @Override
  public boolean exists(String qualifiedName) {
    Boolean known = existing.get(qualifiedName);
    if (known == null) {
      known = false;
      for (ContractSource s : sources) {
        if (s.declares(qualifiedName)) {
          known = true;
          break;
        }
      }
      existing.putIfAbsent(qualifiedName, known);
    }
    return known;
  }

  /** What each source says about the type, in order of precedence (absent ones skipped). */
  public List<TypeContract> declarations(String qualifiedName) {
    List<TypeContract> known = declarations.get(qualifiedName);
    if (known != null) {
      return known;
    }
    List<TypeContract> out = new ArrayList<>(2);
    for (ContractSource s : sources) {
      TypeContract t = s.type(qualifiedName);
      if (t != null) {
        out.add(t);
      }
    }
    known = List.copyOf(out);
    List<TypeContract> previous = declarations.putIfAbsent(qualifiedName, known);
    return previous != null ? previous : known;
  }

  private final Map<String, List<TypeContract>> declarations = new ConcurrentHashMap<>();

  /**
   * The type and all its supertypes, nearest first (breadth-first), ending with {@code
   * java.lang.Object}. Cycles in broken code are cut.
   */
  @Override
  public List<String> supertypes(String qualifiedName) {
    return hierarchy(qualifiedName);
  }

  public List<String> hierarchy(String qualifiedName) {
    List<String> h = hierarchies.get(qualifiedName);
    if (h != null) {
      return h;
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(qualifiedName);
    while (!queue.isEmpty()) {
      String t = queue.poll();
      if (!seen.add(t)) {
        continue;
      }
      for (TypeContract d : declarations(t)) {
        for (String s : d.supertypes()) {
          if (!seen.contains(s) && !s.equals("java.lang.Object")) {
            queue.add(s);
          }
        }
      }
    }
    seen.add("java.lang.Object");
    h = List.copyOf(seen);
    hierarchies.putIfAbsent(qualifiedName, h);
    return h;
  }

  /**
   * Whether the type is the analysed project's own and nothing else speaks for it: declared in
   * the sources, and in no model, user stub or class file (a source stand-in of a modelled
   * library type is the library's).
   */
  public boolean isProjectType(TypeRef type) {
    return declaredOnlyBy(type, Declared.Origin.Kind.SOURCE);
  }

  /**
   * Whether the type is a dependency's that nothing else speaks for: read from a class file of the
   * classpath given to the run (not the JDK's), with no model, user stub or source declaring it.
   */
  public boolean isDependencyType(TypeRef type) {
    return declaredOnlyBy(type, Declared.Origin.Kind.CLASSPATH);
  }

  /** Whether every declaration of the type comes from one kind of origin, and there is one. */
  private boolean declaredOnlyBy(TypeRef type, Declared.Origin.Kind kind) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return false;
    }
    boolean declared = false;
    for (TypeContract d : declarations(type.name())) {
      if (d.origin() == null || d.origin().kind() != kind) {
        return false;
      }
      declared = true;
    }
    return declared;
  }

  /**
   * Whether the type or a supertype is one whose methods need the resource open by a model's word
   * ({@code @NeedsOpen} on the type: the JDK's streams, readers, channels, result sets), D21.
   */
  public boolean inheritsNeedsOpen(TypeRef type) {
    return type.isKnown() && !type.isPrimitive() && !type.isArray() && anyNeedsOpen(hierarchy(type.name()));
  }

  public boolean isSubtype(String sub, String sup) {
    return sub.equals(sup) || hierarchy(sub).contains(sup);
  }

  /**
   * Whether a value of the type is a resource someone must end: an owner, a value to release, or
   * one to close. A wrapper of such a value is a second handle of it (D19), not a view.
   */
  public boolean carriesObligation(TypeRef type) {
    return type.isKnown()
        && !type.cannotHoldReferences()
        && !type.isArray()
        && (isOwnedType(type) || isMustReleaseType(type) || isUserTypeToRelease(type) || isCloseable(type));
  }

  /** Whether the type is a collection or another {@code Iterable}: a for-each loop reads its elements. */
  public boolean isIterable(TypeRef type) {
    return type.isKnown() && !type.cannotHoldReferences() && isSubtype(type.name(), "java.lang.Iterable");
  }

  /** Whether the type is known and {@code AutoCloseable}: {@code close()} ends its values. */
  public boolean isCloseable(TypeRef type) {
    return type.isKnown() && isSubtype(type.name(), "java.lang.AutoCloseable");
  }

  /** Whether values of the type are owned: the type or a supertype is declared {@code @Owned}. */
  public boolean isOwnedType(TypeRef type) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return false;
    }
    Boolean owned = ownedTypes.get(type.name());
    if (owned == null) {
      owned = false;
      outer:
      for (String t : hierarchy(type.name())) {
        for (TypeContract d : declarations(t)) {
          if (d.owned()) {
            owned = true;
            break outer;
          }
        }
      }
      ownedTypes.putIfAbsent(type.name(), owned);
    }
    return owned;
  }

  /**
   * Whether values of the type are owned by a contract a user wrote (the type or a supertype is
   * declared {@code @Owned} in the sources, a user stub or classpath annotations), rather than
   * only by a built-in library model: user contracts get Rust's strictness (DESIGN.md's intro).
   */
  public boolean isOwnedByUserContract(TypeRef type) {
    return anyInHierarchy(type, d -> d.owned() && (d.origin() == null || d.origin().kind() != Declared.Origin.Kind.BUILTIN_MODEL));
  }

  /** The parameters of a functional interface's method, from the first source that knows it. */
  @Override
  public List<SamParameter> functionalParameters(TypeRef type) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return null;
    }
    for (ContractSource s : sources) {
      List<SamParameter> params = s.functionalParameters(type.name());
      if (params != null) {
        return params;
      }
    }
    return null;
  }

  private final Map<String, Boolean> userObligations = new ConcurrentHashMap<>();

  /**
   * Whether the type is a user type that must be released: it or a supertype declares a
   * non-idempotent {@code @Consumes} method in the analysed sources, user stubs or classpath
   * annotations (D11). Built-in models say what must be released with {@code
   * @MustRelease} instead, so that in-memory streams, whose terminal operations consume them, are
   * never leaks.
   */
  public boolean isUserTypeToRelease(TypeRef type) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return false;
    }
    Boolean known = userObligations.get(type.name());
    if (known == null) {
      known = false;
      outer:
      for (String t : hierarchy(type.name())) {
        for (TypeContract d : declarations(t)) {
          if (d.origin() != null && d.origin().kind() == Declared.Origin.Kind.BUILTIN_MODEL) {
            continue;
          }
          if (d.releases()) {
            known = true;
            break outer;
          }
        }
      }
      userObligations.putIfAbsent(type.name(), known);
    }
    return known;
  }

  /**
   * Whether values of the type take part in borrows: it or a supertype declares a {@code @Mut}
   * method or a {@code @Borrowed} result ({@code List}, a user's {@code Buffer} with views).
   */
  public boolean lends(TypeRef type) {
    return anyInHierarchy(type, TypeContract::lends);
  }

  /**
   * Whether the type takes part in borrows by the word of the sources, stubs or classpath (not a
   * built-in model): a user's {@code Buffer} with {@code @Mut} methods, not a {@code List}.
   */
  public boolean lendsByUserContract(TypeRef type) {
    return anyInHierarchy(
        type, d -> d.lends() && (d.origin() == null || d.origin().kind() != Declared.Origin.Kind.BUILTIN_MODEL));
  }

  /**
   * Whether a model, stub or the classpath says a constructor of the type makes a second handle of
   * its argument ({@code @MustCallAlias}: SAX's {@code InputSource(InputStream)}), though the type
   * itself is nothing to close: a value of it may carry a resource to where it is ended.
   */
  public boolean handlesResources(TypeRef type) {
    if (!type.isKnown() || type.cannotHoldReferences() || type.isArray()) {
      return false;
    }
    return resourceHandles.computeIfAbsent(type.name(), name -> {
      for (TypeContract d : declarations(name)) {
        if (d.origin() != null && d.origin().kind() == Declared.Origin.Kind.SOURCE) {
          continue; // a constructor of the sources says what it keeps through inference
        }
        for (MethodContract c : d.methods("<init>")) {
          for (MethodContract.Param p : c.params()) {
            if (p.mode() == MethodContract.ParamMode.ALIAS) {
              return true;
            }
          }
        }
      }
      return false;
    });
  }

  private final Map<String, Boolean> resourceHandles = new ConcurrentHashMap<>();

  /**
   * Whether the type or a supertype declares a release (a non-idempotent {@code @Consumes}
   * method) in any contract source, built-in models included: Netty's {@code ReferenceCounted}.
   */
  public boolean declaresRelease(TypeRef type) {
    return anyInHierarchy(type, TypeContract::releases);
  }

  /**
   * Whether a value of the type may be one that must be released (decision 191): it or a
   * supertype is must-release or declares a release (Netty's {@code ReferenceCounted}), or it is a
   * supertype of a must-release or releasing type a stub or model declares ({@code Object},
   * Netty's {@code HttpRequest} above {@code FullHttpRequest}), or it does not resolve at all (a
   * type variable: its bound may be {@code Object}). A type none of that holds for ({@code
   * String}, a project's own message class, a library type nothing declares) holds none: no
   * finding from a guess.
   */
  public boolean mayHoldMustRelease(TypeRef type) {
    if (!type.isKnown()) {
      return true;
    }
    if (type.isPrimitive() || type.isArray() || !exists(type.name())) {
      return false;
    }
    MethodContract release = declaredMethod(type, "release", 0, List::of);
    if (release != null && release.noEffect()) {
      return false; // a release that does nothing (Netty's EmptyByteBuf, decision 328)
    }
    return isMustReleaseType(type) || declaresRelease(type) || releasableSupertypes().contains(type.name());
  }

  private volatile Set<String> releasableSupertypes;

  /** The supertypes of every must-release or releasing type the stubs and models declare. */
  private Set<String> releasableSupertypes() {
    Set<String> known = releasableSupertypes;
    if (known == null) {
      Set<String> out = new java.util.HashSet<>();
      for (ContractSource s : sources) {
        for (String t : s.typeNames()) {
          TypeRef ref = TypeRef.of(t);
          if (isMustReleaseType(ref) || declaresRelease(ref)) {
            out.addAll(hierarchy(t));
          }
        }
      }
      known = Set.copyOf(out);
      releasableSupertypes = known;
    }
    return known;
  }

  /**
   * The method a method's parameter inherits its mode from (decision 190): the nearest
   * declaration of the same name and parameter types above {@code type} (from {@code type} itself
   * when {@code includeType}: an anonymous class's supertype) that gives the parameter a mode, in
   * any contract source; null when none does. Parameter types that do not resolve (type
   * variables) match any.
   */
  public MethodContract overriddenWithParamMode(
      String type, boolean includeType, String name, List<TypeRef> parameterTypes, int index) {
    List<String> h = hierarchy(type);
    for (int i = includeType ? 0 : 1; i < h.size(); i++) {
      for (TypeContract d : declarations(h.get(i))) {
        for (MethodContract m : d.methods(name)) {
          if (!m.isStatic()
              && !m.isConstructor()
              && sameParameters(m, parameterTypes)
              && m.params().get(index).mode() != MethodContract.ParamMode.NONE) {
            return m;
          }
        }
      }
    }
    return null;
  }

  private static boolean sameParameters(MethodContract m, List<TypeRef> types) {
    if (m.params().size() != types.size()) {
      return false;
    }
    for (int i = 0; i < types.size(); i++) {
      TypeRef a = m.params().get(i).type();
      TypeRef b = types.get(i);
      if (a.isKnown() && b.isKnown() && !a.name().equals(b.name())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a user stub or built-in model (neither the sources nor the classpath) declares the type
   * itself {@code @MustRelease} or releasing; its supertypes are not asked (the classpath's
   * reading of its own classes walks them, decision 333).
   */
  boolean stubsDeclareRelease(String qualifiedName) {
    for (ContractSource s : sources) {
      if (s instanceof DeclarationSet) {
        TypeContract t = s.type(qualifiedName);
        if (t != null && (t.mustRelease() || t.releases())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the type or a supertype is declared {@code @MustRelease} (model vocabulary). */
  public boolean isMustReleaseType(TypeRef type) {
    return anyInHierarchy(type, TypeContract::mustRelease);
  }

  /** Whether the type or a supertype is a weakly consistent collection (model vocabulary). */
  public boolean isWeaklyConsistent(TypeRef type) {
    return anyInHierarchy(type, TypeContract::weaklyConsistent);
  }

  private boolean anyInHierarchy(TypeRef type, java.util.function.Predicate<TypeContract> test) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return false;
    }
    for (String t : hierarchy(type.name())) {
      for (TypeContract d : declarations(t)) {
        if (test.test(d)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The contract of the type's {@code close()}, or null when it has none. */
  public MethodContract closeOf(TypeRef type) {
    return method(type, "close", 0, List::of);
  }

  /**
   * Whether closing a value of the type does nothing ({@code @NoEffect}: {@code
   * ByteArrayOutputStream}, D19): it stays usable, however it was closed.
   */
  public boolean closeDoesNothing(TypeRef type) {
    MethodContract close = closeOf(type);
    return close != null && close.noEffect();
  }

  /**
   * The contract of {@code receiverType.name(...)} called with {@code argumentCount} arguments;
   * {@code argumentTypes} is asked only when overloads must be told apart. Null when no such
   * method is known. A method found without a contract is still returned (for its return type)
   * unless a supertype's declaration has one.
   */
  public MethodContract method(
      TypeRef receiverType, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    return withInference(declaredMethod(receiverType, name, argumentCount, argumentTypes));
  }

  /** {@link #method}, as declared: nothing inferred (see {@link #withInference}). */
  public MethodContract declaredMethod(
      TypeRef receiverType, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    if (!receiverType.isKnown() || receiverType.isPrimitive()) {
      return null;
    }
    String start = receiverType.isArray() ? "java.lang.Object" : receiverType.name();
    // Only what was declared is cached: an inferred contract is the inference's to remember
    // (while a recursive group of methods is being inferred, answers are provisional).
    return byArity(
        methodsWithoutArguments, start, name, argumentCount, argumentTypes, types -> lookupMethod(start, name, argumentCount, types));
  }

  private final Map<String, Optional<MethodContract>> methodsWithoutArguments = new ConcurrentHashMap<>();

  /**
   * A lookup's answer, kept when it did not look at the arguments: most calls resolve without
   * (no overloads with different contracts), and those answers depend on the receiver type, name
   * and arity only.
   */
  private static <T> T byArity(
      Map<String, Optional<T>> kept,
      String start,
      String name,
      int argumentCount,
      Supplier<List<TypeRef>> argumentTypes,
      java.util.function.Function<Supplier<List<TypeRef>>, T> lookup) {
    String key = start + '#' + name + '/' + argumentCount;
    Optional<T> known = kept.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    boolean[] asked = {false};
    T found =
        lookup.apply(
            () -> {
              asked[0] = true;
              return argumentTypes.get();
            });
    if (!asked[0]) {
      kept.putIfAbsent(key, Optional.ofNullable(found));
    }
    return found;
  }

  /**
   * The method a call of {@code receiverType.name(...)} binds to when its nearest declaration is
   * the analysed sources' own, whatever contract a supertype's model gives the signature; else
   * null. Kept like {@link #declaredMethod}'s answers.
   */
  public MethodContract sourceDeclaration(
      TypeRef receiverType, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    if (!receiverType.isKnown() || receiverType.isPrimitive() || receiverType.isArray()) {
      return null;
    }
    String start = receiverType.name();
    return byArity(sourceDeclarations, start, name, argumentCount, argumentTypes, types -> nearestSource(start, name, argumentCount, types));
  }

  private final Map<String, Optional<MethodContract>> sourceDeclarations = new ConcurrentHashMap<>();

  private MethodContract nearestSource(String start, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    for (String t : hierarchy(start)) {
      for (TypeContract d : declarations(t)) {
        MethodContract m = choose(d.methods(name), argumentCount, argumentTypes);
        if (m != null) {
          return isSource(m) ? m : null;
        }
      }
    }
    return null;
  }

  private static boolean isSource(MethodContract m) {
    return m.origin() != null && m.origin().kind() == Declared.Origin.Kind.SOURCE;
  }

  /**
   * The method among a supertype's {@code candidates} that a source declaration overrides (the
   * same erased parameter types), which the call binds to as well; null if none, or if the
   * declaration is a library's.
   */
  private static MethodContract overridden(MethodContract source, List<MethodContract> candidates) {
    if (!isSource(source)) {
      return null;
    }
    List<TypeRef> types = parameterTypes(source);
    for (MethodContract m : candidates) {
      if (m.varargs() == source.varargs() && sameParameters(m, types)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Whether a call binds to {@code nearest}, a method the analysed sources declare on the
   * receiver's type or a supertype, rather than to {@code other}, one of the call's name and arity
   * in a supertype above it (decision 263). With other erased parameter types (a type variable,
   * unresolved, matching any) the two are overloads, not an override, and Java's resolution picks
   * by the argument types: the one applicable without boxing, then with it, and of two applicable
   * ones the more specific. Where that is not known, or {@code nearest} is a library's (which
   * overrides by its own word), the answer is no: what was found above speaks, as before.
   */
  private boolean argumentsPickNearest(MethodContract nearest, MethodContract other, Supplier<List<TypeRef>> argumentTypes) {
    if (nearest == other || !isSource(nearest) || sameParameters(other, parameterTypes(nearest))) {
      return false;
    }
    return mostSpecific(List.of(nearest, other), argumentTypes.get()) == nearest;
  }

  /**
   * The overload Java's resolution picks among {@code candidates} for arguments of these types:
   * of those applicable without boxing (else with it), the one more specific than all others;
   * null where none is, or where an argument of unknown type meets parameters of different types.
   */
  private MethodContract mostSpecific(List<MethodContract> candidates, List<TypeRef> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).isKnown()) {
        continue;
      }
      for (MethodContract m : candidates) {
        MethodContract.Param a = m.paramFor(i);
        MethodContract.Param b = candidates.get(0).paramFor(i);
        if (a == null || b == null || !a.type().equals(b.type())) {
          return null;
        }
      }
    }
    for (boolean boxing : new boolean[] {false, true}) {
      List<MethodContract> applicable = new ArrayList<>(candidates.size());
      for (MethodContract m : candidates) {
        if (applicable(m, args, boxing)) {
          applicable.add(m);
        }
      }
      if (applicable.isEmpty()) {
        continue;
      }
      MethodContract best = null;
      for (MethodContract m : applicable) {
        boolean moreSpecific = true;
        for (MethodContract o : applicable) {
          moreSpecific &= o == m || (applicable(o, parameterTypes(m), boxing) && !applicable(m, parameterTypes(o), boxing));
        }
        if (moreSpecific) {
          best = m;
        }
      }
      return best;
    }
    return null;
  }

  private static List<TypeRef> parameterTypes(MethodContract m) {
    List<TypeRef> out = new ArrayList<>(m.params().size());
    for (MethodContract.Param p : m.params()) {
      out.add(p.type());
    }
    return out;
  }

  /**
   * Whether a call, dispatched so, of a method of the analysed sources ({@link
   * #sourceDeclaration}) never returns normally, by its body (decision 241). False without
   * inference.
   */
  public boolean neverReturns(MethodContract sourceMethod, Dispatch dispatch) {
    InferredContracts infer = inference;
    return infer != null && infer.neverReturns(sourceMethod, dispatch);
  }

  /**
   * Whether a call, dispatched so, of a method of the analysed sources runs bodies summarised to
   * say nothing: what it is given of a tracked type is only read (decision 297). False without
   * inference.
   */
  public boolean summarisedSilent(MethodContract sourceMethod, Dispatch dispatch) {
    InferredContracts infer = inference;
    return infer != null && declaredInSources(sourceMethod) && infer.summarisedSilent(sourceMethod, dispatch);
  }

  /**
   * Whether an overridable call, dispatched so, of a method of the analysed sources runs only
   * implementations summarised to say nothing (decision 314). False without inference.
   */
  public boolean silentInEveryImplementation(MethodContract sourceMethod, Dispatch dispatch) {
    InferredContracts infer = inference;
    return infer != null && declaredInSources(sourceMethod) && infer.silentInEveryImplementation(sourceMethod, dispatch);
  }

  /** Whether a call, dispatched so, of a method of the analysed sources runs one known body. False without inference. */
  public boolean runsOneBody(MethodContract sourceMethod, Dispatch dispatch) {
    InferredContracts infer = inference;
    return infer != null && declaredInSources(sourceMethod) && infer.runsOneBody(sourceMethod, dispatch);
  }

  private static boolean declaredInSources(MethodContract method) {
    return method != null && method.origin() != null && method.origin().kind() == Declared.Origin.Kind.SOURCE;
  }

  private boolean doesNothing(MethodContract sourceMethod) {
    InferredContracts infer = inference;
    return infer != null && infer.doesNothing(sourceMethod);
  }

  private MethodContract lookupMethod(
      String start, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    MethodContract fallback = null;
    MethodContract nearestSource = null;
    MethodContract called = null; // the nearest declaration of the signature the call binds to
    String calledIn = null;
    for (String t : hierarchy(start)) {
      for (TypeContract d : declarations(t)) {
        MethodContract m = called == null || t.equals(calledIn) ? null : overridden(called, d.methods(name));
        if (m == null) {
          m = choose(d.methods(name), argumentCount, argumentTypes);
        }
        if (m == null) {
          continue;
        }
        if (called == null) {
          called = m;
          calledIn = t;
        } else if (!t.equals(calledIn) && argumentsPickNearest(called, m, argumentTypes)) {
          // A source method's overload in a supertype is another method: its contract is not
          // the call's when the argument types pick the nearer one (decision 263). A model of
          // the same type speaks of the same methods.
          continue;
        }
        if (m.hasContract()) {
          if (m.receiver() == MethodContract.ReceiverMode.CONSUMES && nearestSource != null && doesNothing(nearestSource)) {
            return nearestSource.doingNothing(); // an override that closes nothing (decision 156)
          }
          return m;
        }
        if (nearestSource == null && fallback == null && isSource(m)) {
          nearestSource = m;
        }
        if (fallback == null || (m.returnsElement() && !fallback.returnsElement())) {
          fallback = m; // a model's @Element types the result where the class itself says nothing
        }
      }
    }
    return fallback;
  }

  private final Map<String, Boolean> needsOpen = new ConcurrentHashMap<>();

  /**
   * Whether calling {@code receiverType.name(...)} with {@code argumentCount} arguments needs the
   * resource open (D21): a model marks the method {@code @NeedsOpen}, or marks a type that
   * declares it so (then every method that type declares does, but those marked {@code
   * @WorksWhenClosed}). Static methods and {@code Object}'s never do.
   */
  public boolean needsOpen(TypeRef receiverType, String name, int argumentCount) {
    if (!receiverType.isKnown() || receiverType.isPrimitive() || receiverType.isArray() || OBJECT_METHODS.contains(name)) {
      return false;
    }
    String key = receiverType.name() + '#' + name + '/' + argumentCount;
    Boolean known = needsOpen.get(key);
    if (known == null) {
      known = lookUpNeedsOpen(receiverType.name(), name, argumentCount);
      needsOpen.putIfAbsent(key, known);
    }
    return known;
  }

  /**
   * The method needs an open resource when a model says so of it, or when a {@code @NeedsOpen}
   * type declares it, or when a JDK type declares it below a {@code @NeedsOpen} type ({@code
   * BufferedReader.readLine()} under {@code Reader}: the JDK documents its streams so). A method
   * that a project's own type, or a dependency's, adds below one ({@code MyResultSet.streaming()},
   * commons-io's {@code CountingOutputStream.getByteCount()}) is that code's: the JDK's words do
   * not speak for it (decision 323).
   */
  private boolean lookUpNeedsOpen(String receiverType, String name, int argumentCount) {
    if (worksWhenClosed(TypeRef.of(receiverType), name, argumentCount)) {
      return false; // what a model says of a method holds for its overrides too
    }
    List<String> types = hierarchy(receiverType);
    for (int i = 0; i < types.size(); i++) {
      boolean declared = false;
      boolean jdkOrModel = true;
      for (TypeContract d : declarations(types.get(i))) {
        jdkOrModel &= d.origin() == null || (d.origin().kind() != Declared.Origin.Kind.SOURCE && d.origin().kind() != Declared.Origin.Kind.CLASSPATH);
        for (MethodContract m : d.methods(name)) {
          if (!m.accepts(argumentCount) || m.isStatic()) {
            continue;
          }
          if (m.modes().needsOpen()) {
            return true;
          }
          declared = true;
        }
      }
      if (declared && (jdkOrModel ? anyNeedsOpen(types.subList(i, types.size())) : anyNeedsOpen(types.subList(i, i + 1)))) {
        return true;
      }
    }
    return false;
  }

  private boolean anyNeedsOpen(List<String> types) {
    for (String t : types) {
      for (TypeContract d : declarations(t)) {
        if (d.needsOpen()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a model says the method works on a closed or consumed value (D21). */
  public boolean worksWhenClosed(TypeRef receiverType, String name, int argumentCount) {
    if (!receiverType.isKnown() || receiverType.isPrimitive() || receiverType.isArray()) {
      return false;
    }
    for (String t : hierarchy(receiverType.name())) {
      for (TypeContract d : declarations(t)) {
        for (MethodContract m : d.methods(name)) {
          if (m.accepts(argumentCount) && m.modes().worksWhenClosed()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final java.util.Set<String> OBJECT_METHODS = java.util.Set.of("toString", "equals", "hashCode", "getClass");

  /** The contract of a constructor of {@code type}, or null. */
  public MethodContract constructor(
      TypeRef type, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    return constructorWithInference(declaredConstructor(type, argumentCount, argumentTypes));
  }

  /** A constructor's declared contract completed by inference, unless it says something itself. */
  public MethodContract constructorWithInference(MethodContract declared) {
    return declared != null && declared.hasContract() ? declared : withInference(declared);
  }

  /** {@link #constructor}, as declared: nothing inferred (see {@link #withInference}). */
  public MethodContract declaredConstructor(
      TypeRef type, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    if (!type.isKnown()) {
      return null;
    }
    MethodContract fallback = null;
    for (TypeContract d : declarations(type.name())) {
      MethodContract m = choose(d.methods("<init>"), argumentCount, argumentTypes);
      if (m != null && m.hasContract()) {
        return m;
      }
      if (fallback == null) {
        fallback = m;
      }
    }
    return fallback;
  }

  private final Map<String, Optional<List<String>>> thrownWithoutArguments = new ConcurrentHashMap<>();

  /**
   * What a call of {@code receiverType.name(...)} with {@code argumentCount} arguments may throw
   * (D9): the qualified names of the types the throws clause of the method it binds to names, or
   * null where no declaration says (a call of unknown code may throw anything). The nearest
   * declaration of each signature that says speaks for it: an override may narrow what it
   * overrides throws, never widen it, so a supertype's clause is a sound stand-in for a model
   * that is silent. Where overloads of the arity cannot be told apart, what any of them throws.
   */
  public List<String> thrown(
      TypeRef receiverType, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    if (!receiverType.isKnown() || receiverType.isPrimitive()) {
      return null;
    }
    String start = receiverType.isArray() ? "java.lang.Object" : receiverType.name();
    return thrownAmong(hierarchy(start), start, name, argumentCount, argumentTypes);
  }

  /** What a call of a constructor of {@code type} may throw, as {@link #thrown} (constructors are not inherited). */
  public List<String> constructorThrown(TypeRef type, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return null;
    }
    return thrownAmong(List.of(type.name()), type.name(), "<init>", argumentCount, argumentTypes);
  }

  private List<String> thrownAmong(
      List<String> types, String start, String name, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    String key = start + '#' + name + '/' + argumentCount;
    Optional<List<String>> known = thrownWithoutArguments.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    // By signature, nearest declaration first; a signature's clause is the first that says.
    Map<String, MethodContract> signatures = new java.util.LinkedHashMap<>();
    Map<String, List<String>> clauses = new java.util.HashMap<>();
    for (String t : types) {
      for (TypeContract d : declarations(t)) {
        for (MethodContract m : d.methods(name)) {
          if (!m.accepts(argumentCount)) {
            continue;
          }
          String signature = signature(m);
          signatures.putIfAbsent(signature, m);
          if (m.thrown() != null) {
            clauses.putIfAbsent(signature, m.thrown());
          }
        }
      }
    }
    if (signatures.isEmpty()) {
      return null;
    }
    java.util.Collection<MethodContract> called = signatures.values();
    boolean asked = false;
    if (called.size() > 1) {
      List<TypeRef> args = argumentTypes.get();
      asked = true;
      List<MethodContract> applicable = new ArrayList<>(called.size());
      for (MethodContract m : called) {
        if (applicable(m, args)) {
          applicable.add(m);
        }
      }
      if (!applicable.isEmpty()) {
        called = applicable;
      }
    }
    Set<String> union = new LinkedHashSet<>();
    List<String> result = null;
    boolean unknown = false;
    for (MethodContract m : called) {
      List<String> clause = clauses.get(signature(m));
      if (clause == null) {
        unknown = true;
        break;
      }
      union.addAll(clause);
    }
    if (!unknown) {
      result = List.copyOf(union);
    }
    if (!asked) {
      thrownWithoutArguments.putIfAbsent(key, Optional.ofNullable(result));
    }
    return result;
  }

  /**
   * A method's erased parameter types, to tell an override (same signature) from an overload. A
   * type that does not resolve is mostly a type variable ({@code add(E e)} in a model, {@code
   * add(Object)} in the class file): its erasure is taken to be {@code Object}.
   */
  private static String signature(MethodContract m) {
    StringBuilder sb = new StringBuilder();
    for (MethodContract.Param p : m.params()) {
      sb.append(p.type().isKnown() ? p.type().name() : "java.lang.Object").append(',');
    }
    return sb.toString();
  }

  @Override
  public TypeRef fieldType(TypeRef owner, String name) {
    TypeContract.FieldContract f = field(owner, name);
    return f == null ? TypeRef.UNKNOWN : f.type();
  }

  /** The declared field {@code name} of the type or a supertype, or null. */
  public TypeContract.FieldContract field(TypeRef type, String name) {
    if (!type.isKnown() || type.isPrimitive() || type.isArray()) {
      return null;
    }
    for (String t : hierarchy(type.name())) {
      for (TypeContract d : declarations(t)) {
        TypeContract.FieldContract f = d.field(name);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * Picks the overload a call binds to. When the candidates of the right arity disagree on their
   * contract, argument types decide; if they cannot, no contract is assumed (optimistic).
   */
  private MethodContract choose(
      List<MethodContract> candidates, int argumentCount, Supplier<List<TypeRef>> argumentTypes) {
    if (candidates.isEmpty()) {
      return null;
    }
    List<MethodContract> arity = new ArrayList<>(candidates.size());
    for (MethodContract m : candidates) {
      if (m.accepts(argumentCount)) {
        arity.add(m);
      }
    }
    if (arity.isEmpty()) {
      return null;
    }
    if (arity.size() == 1 || (sameContract(arity) && !inferableOverloads(arity))) {
      // A model lists only the overloads it says something about: one whose parameter types
      // plainly do not fit (readBytes(int) for readBytes(ByteBuf)) is not the one called.
      MethodContract only = arity.get(0);
      if (!only.hasContract()) {
        return only;
      }
      List<TypeRef> args = argumentTypes.get();
      if (!applicableToSome(arity, args)) {
        return null;
      }
      // Alike in ownership, they may still differ in what their result says: `List.remove(Object)`
      // returns whether it changed the list, `remove(int)` what it removed (decision 284).
      List<MethodContract> fitting = arity.size() > 1 ? applicableOf(arity, args) : List.of();
      return fitting.size() == 1 ? fitting.get(0) : only;
    }
    List<TypeRef> args = argumentTypes.get();
    List<MethodContract> applicable = applicableOf(arity, args);
    if (applicable.size() == 1) {
      return applicable.get(0);
    }
    if (!applicable.isEmpty() && sameContract(applicable)) {
      // Overloads whose bodies speak for them are different methods however alike their written
      // contracts: Java's most specific one is called (`send(Object m) { return send(new
      // Write() {…}); }` calls `send(Write)`, not itself; decision 273).
      MethodContract specific = inferableOverloads(applicable) ? mostSpecific(applicable, args) : null;
      return specific != null ? specific : applicable.get(0);
    }
    // Prefer an exact match of every known argument type.
    for (MethodContract m : applicable) {
      boolean exact = true;
      for (int i = 0; i < args.size() && exact; i++) {
        MethodContract.Param p = m.paramFor(i);
        exact = !args.get(i).isKnown() || (p != null && args.get(i).equals(p.type()));
      }
      if (exact) {
        return m;
      }
    }
    MethodContract first = arity.get(0);
    // Which overload is called is not known: none is, and none of their bodies speaks for it.
    return inferableOverloads(arity) ? first.withoutContract().withOrigin(null) : first.withoutContract();
  }

  /**
   * Whether overloads of the sources' own may get different inferred contracts (D23): then the
   * one called must be told apart by its argument types, though their written contracts agree.
   */
  private boolean inferableOverloads(List<MethodContract> overloads) {
    if (inference == null) {
      return false;
    }
    int fromSources = 0;
    for (MethodContract m : overloads) {
      if (isSource(m)) {
        fromSources++;
      }
    }
    return fromSources > 1;
  }

  /** The candidates the argument types fit. */
  private List<MethodContract> applicableOf(List<MethodContract> candidates, List<TypeRef> args) {
    List<MethodContract> applicable = new ArrayList<>(candidates.size());
    for (MethodContract m : candidates) {
      if (applicable(m, args)) {
        applicable.add(m);
      }
    }
    return applicable;
  }

  private boolean applicableToSome(List<MethodContract> candidates, List<TypeRef> args) {
    for (MethodContract m : candidates) {
      if (applicable(m, args)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameContract(List<MethodContract> methods) {
    MethodContract a = methods.get(0);
    for (MethodContract b : methods) {
      if (a.returns() != b.returns()
          || a.receiver() != b.receiver()
          || a.idempotent() != b.idempotent()
          || a.returnsMustRelease() != b.returnsMustRelease()
          || a.noEffect() != b.noEffect()
          || a.noReturn() != b.noReturn()) {
        return false;
      }
      int n = Math.max(a.params().size(), b.params().size());
      for (int i = 0; i < n; i++) {
        MethodContract.Param pa = a.paramFor(i);
        MethodContract.Param pb = b.paramFor(i);
        MethodContract.ParamMode ma = pa == null ? MethodContract.ParamMode.NONE : pa.mode();
        MethodContract.ParamMode mb = pb == null ? MethodContract.ParamMode.NONE : pb.mode();
        if (ma != mb) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean applicable(MethodContract m, List<TypeRef> args) {
    return applicable(m, args, true);
  }

  /** Whether the arguments fit the parameters, with boxing (Java's second phase) or without (its first). */
  private boolean applicable(MethodContract m, List<TypeRef> args, boolean boxing) {
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = m.paramFor(i);
      if (p == null) {
        return false;
      }
      TypeRef want = p.type();
      if (m.varargs() && i >= m.params().size() - 1 && want.isArray() && !args.get(i).isArray()) {
        want = want.componentType();
      }
      if (!assignable(args.get(i), want, boxing)) {
        return false;
      }
    }
    return true;
  }

  private boolean assignable(TypeRef from, TypeRef to, boolean boxing) {
    if (!from.isKnown() || !to.isKnown() || from.equals(to)) {
      return true;
    }
    if (from.isPrimitive() != to.isPrimitive() && !boxing) {
      return false;
    }
    if (to.name().equals("java.lang.Object")) {
      return true;
    }
    if (from.isPrimitive() || to.isPrimitive()) {
      // Boxing and widening: close enough to tell reference overloads from primitive ones.
      return from.isPrimitive() == to.isPrimitive() || boxes(from, to) || boxes(to, from);
    }
    if (from.isArray() || to.isArray()) {
      return from.isArray() && to.isArray();
    }
    return isSubtype(from.name(), to.name());
  }

  /** What a primitive boxes to, or unboxes from: its wrapper or a supertype of the wrappers. */
  private static final Set<String> BOXES =
      Set.of(
          "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character",
          "java.lang.Boolean", "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.Comparable",
          "java.io.Serializable");

  private static boolean boxes(TypeRef primitive, TypeRef box) {
    // A String is no box: `list.remove(name)` calls `remove(Object)`, not `remove(int)`.
    return primitive.isPrimitive() && BOXES.contains(box.name());
  }
}
