package org.borrowck4j.analyzer.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.bytecode.ParameterUses;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.types.SamParameter;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Types on the classpath and in the JDK, read by reflection without initialising any class.
 * RUNTIME annotations are matched by name, so the annotations jar need not be the one the
 * analyser itself was built with. A class that fails to load is treated as unknown.
 */
public final class ClasspathContracts implements ContractSource, AutoCloseable {
  private final URLClassLoader loader;
  private final Map<String, Optional<TypeContract>> cache = new ConcurrentHashMap<>();
  private final Map<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
  private final Set<String> packages = new HashSet<>();
  private final Map<ClassLoader, Boolean> loadersSeeingOurAnnotations = new ConcurrentHashMap<>();
  /** What the classpath's own static helpers close, read from their class files (decision 318). */
  private final ParameterUses bodies;

  public ClasspathContracts(List<Path> classpath) {
    this(classpath, true);
  }

  /**
   * @param readClassFiles whether methods' class files are read for what they do with their
   *     parameters (decisions 318 and 321): part of inference, off with it
   */
  public ClasspathContracts(List<Path> classpath, boolean readClassFiles) {
    this.bodies = readClassFiles ? new ParameterUses(this::classFileOnTheClasspath) : null;
    List<URL> urls = new ArrayList<>();
    for (Path p : classpath) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        // A path that is no URL cannot hold classes either.
      }
    }
    this.loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    for (Module m : ModuleLayer.boot().modules()) {
      packages.addAll(m.getPackages());
    }
    for (Path p : classpath) {
      addPackages(p);
    }
  }

  /**
   * The packages a classpath entry holds. Asking the class loader for a class of a package it
   * does not have costs a chain of exceptions, and the analysis asks for many (every simple name
   * is tried in every package it could come from).
   */
  private void addPackages(Path entry) {
    try {
      if (java.nio.file.Files.isDirectory(entry)) {
        try (var walk = java.nio.file.Files.walk(entry)) {
          walk.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".class"))
              .forEach(f -> packages.add(packageOf(entry.relativize(f).toString().replace(java.io.File.separatorChar, '/'))));
        }
      } else if (java.nio.file.Files.isRegularFile(entry)) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(entry.toFile())) {
          zip.stream()
              .map(java.util.zip.ZipEntry::getName)
              .filter(n -> n.endsWith(".class"))
              .map(n -> n.startsWith("META-INF/versions/") ? n.replaceFirst("^META-INF/versions/\\d+/", "") : n)
              .forEach(n -> packages.add(packageOf(n)));
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // An unreadable entry: the class loader will not find classes in it either.
    }
  }

  /** Whether the JDK or the classpath has classes in the package. */
  public boolean hasPackage(String name) {
    return packages.contains(name);
  }

  private static String packageOf(String classFile) {
    int slash = classFile.lastIndexOf('/');
    return slash < 0 ? "" : classFile.substring(0, slash).replace('/', '.');
  }

  @Override
  public boolean declares(String qualifiedName) {
    return load(qualifiedName) != null;
  }

  @Override
  public TypeContract type(String qualifiedName) {
    Optional<TypeContract> c = cache.get(qualifiedName);
    if (c == null) {
      c = Optional.ofNullable(read(qualifiedName));
      cache.putIfAbsent(qualifiedName, c);
    }
    return c.orElse(null);
  }

  private Class<?> load(String qualifiedName) {
    Optional<Class<?>> known = classes.get(qualifiedName);
    if (known == null) {
      known = Optional.ofNullable(find(qualifiedName));
      classes.putIfAbsent(qualifiedName, known);
    }
    return known.orElse(null);
  }

  private Class<?> find(String qualifiedName) {
    if (qualifiedName.isEmpty() || qualifiedName.endsWith("[]") || TypeRef.isPrimitiveName(qualifiedName)) {
      return null;
    }
    // a.b.Outer.Inner is the binary name a.b.Outer$Inner: try each split from the right, in the
    // packages that exist.
    String name = qualifiedName;
    while (true) {
      int dot = name.lastIndexOf('.');
      if (packages.contains(dot < 0 ? "" : name.substring(0, dot))) {
        try {
          return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
          // Not this split.
        }
      }
      if (dot < 0) {
        return null;
      }
      name = name.substring(0, dot) + "$" + name.substring(dot + 1);
    }
  }

  private TypeContract read(String qualifiedName) {
    Class<?> c = load(qualifiedName);
    if (c == null) {
      return null;
    }
    try {
      List<String> supertypes = new ArrayList<>();
      if (c.getSuperclass() != null) {
        supertypes.add(nameOf(c.getSuperclass()));
      }
      for (Class<?> i : c.getInterfaces()) {
        supertypes.add(nameOf(i));
      }
      boolean annotated = mayCarryOurAnnotations(c);
      boolean owned = ContractModes.isOwned(meanings(annotated ? c.getDeclaredAnnotations() : NO_ANNOTATIONS));
      Declared.Origin origin =
          new Declared.Origin(c.getClassLoader() == loader ? Declared.Origin.Kind.CLASSPATH : Declared.Origin.Kind.JDK, qualifiedName, 0);
      Map<String, List<Executable>> byName = new LinkedHashMap<>();
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isSynthetic() && !m.isBridge() && !Modifier.isPrivate(m.getModifiers())) {
          byName.computeIfAbsent(m.getName(), k -> new ArrayList<>(1)).add(m);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (!k.isSynthetic() && !Modifier.isPrivate(k.getModifiers())) {
          byName.computeIfAbsent("<init>", x -> new ArrayList<>(1)).add(k);
        }
      }
      boolean releases = false;
      boolean lends = false;
      for (List<Executable> overloads : byName.values()) {
        for (Executable e : overloads) {
          if (annotated && mentionsOurAnnotations(e)) {
            MethodContract m = contract(qualifiedName, e, true, origin);
            releases |= m.modes().releases();
            lends |= m.modes().lends();
          }
        }
      }
      Map<String, java.lang.reflect.Field> fields = new LinkedHashMap<>();
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        fields.put(f.getName(), f);
      }
      return new TypeContract(
          qualifiedName,
          c.isInterface(),
          owned,
          false,
          false,
          false,
          releases,
          lends,
          supertypes,
          byName.keySet(),
          name -> readContracts(qualifiedName, c, byName.get(name), annotated, origin),
          fields.keySet(),
          name -> fieldContract(fields.get(name), annotated),
          origin);
    } catch (LinkageError | SecurityException | TypeNotPresentException e) {
      // A signature mentions a class missing from the classpath: we cannot see this type.
      return null;
    }
  }

  private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

  /**
   * Whether reflection can show any of our annotations on {@code c}: only when the loader that
   * defined it can see one of their types, since reflection silently drops annotations whose
   * type it cannot load. The JDK's own classes never can, and reading their annotations made a
   * proxy class for every annotation type met ({@code @Deprecated}, {@code @IntrinsicCandidate},
   * ...) at run time.
   */
  private boolean mayCarryOurAnnotations(Class<?> c) {
    ClassLoader l = c.getClassLoader();
    return l != null && loadersSeeingOurAnnotations.computeIfAbsent(l, ClasspathContracts::seesOurAnnotations);
  }

  private static boolean seesOurAnnotations(ClassLoader l) {
    for (String name : AnnotationNames.qualifiedNames()) {
      try {
        Class.forName(name, false, l);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // Not visible from there.
      }
    }
    return false;
  }

  /** Contracts of some overloads; empty when a signature mentions a class we cannot load. */
  private List<MethodContract> readContracts(
      String owner, Class<?> c, List<Executable> overloads, boolean annotated, Declared.Origin origin) {
    try {
      List<MethodContract> out = new ArrayList<>(overloads.size());
      for (Executable e : overloads) {
        MethodContract m = contract(owner, e, annotated, origin);
        if (bodies != null && e instanceof Method method && c.getClassLoader() == loader) {
          m = withParameterUses(m, method);
        } else if (bodies != null && e instanceof Constructor<?> k && c.getClassLoader() == loader) {
          m = withWrappedParameters(m, k);
        }
        out.add(m);
      }
      return List.copyOf(out);
    } catch (LinkageError | SecurityException | TypeNotPresentException e) {
      return List.of();
    }
  }

  /**
   * A method of the classpath (not the JDK's: the models speak for it) with what its class file
   * shows it does to the parameters nothing is written for — D23 read from bytecode, for a helper
   * whose sources are not analysed. A parameter closed on every normal path is consumed
   * idempotently where the call runs that body (decision 318: a static, private or final method,
   * or one of a final class); one the body gives to other code, or closes on some paths, or that
   * an overridable method closes, is sometimes taken (decision 321: its fate is not followed, as
   * a summary that is not "only reads it" says, decision 305). One it only reads stays D3's.
   */
  private MethodContract withParameterUses(MethodContract declared, Method method) {
    if (!declared.hasContract() && !Modifier.isStatic(method.getModifiers()) && bodies.doesNothing(method)) {
      // An empty body, `close() {}` of an in-memory stream: the call does nothing (decision 324).
      return declared.doingNothing().withOrigin(fromClassFile(declared));
    }
    List<ParameterUses.Use> uses = bodies.of(method);
    if (uses.isEmpty()) {
      return declared;
    }
    int modifiers = method.getModifiers();
    boolean oneBody =
        Modifier.isStatic(modifiers)
            || Modifier.isPrivate(modifiers)
            || Modifier.isFinal(modifiers)
            || Modifier.isFinal(method.getDeclaringClass().getModifiers());
    List<MethodContract.Param> params = new ArrayList<>(declared.params());
    boolean inferred = false;
    for (int i = 0; i < params.size() && i < uses.size(); i++) {
      MethodContract.Param p = params.get(i);
      ParameterUses.Use use = uses.get(i);
      if (p.mode() != MethodContract.ParamMode.NONE || use == ParameterUses.Use.READ || p.type().cannotHoldReferences()) {
        continue;
      }
      params.set(
          i,
          use == ParameterUses.Use.CLOSED && oneBody
              ? p.inferred(MethodContract.ParamMode.CONSUMES, true, false)
              : p.inferred(MethodContract.ParamMode.SOMETIMES_TAKEN, false, false));
      inferred = true;
    }
    if (!inferred) {
      return declared;
    }
    return declared.with(params, declared.modes(), fromClassFile(declared));
  }

  /**
   * A constructor of the classpath with the parameters its class file shows it keeps in a field
   * that the class's {@code close()} closes: {@code @MustCallAlias}, the new object a second handle
   * on them (decision 327; super-csv's {@code new CsvListWriter(writer, prefs)}, whose {@code
   * close()} closes the {@code BufferedWriter} it keeps around {@code writer}).
   */
  private MethodContract withWrappedParameters(MethodContract declared, Constructor<?> k) {
    BitSet wrapped = bodies.wrappedByConstructor(k);
    if (countedByTheModels(k.getDeclaringClass())) {
      // A reference-counted object keeping a reference-counted argument shares its count (decision
      // 333): Netty's holders and derived buffers, whose release() releases what they were made
      // around, through however many getters it goes.
      BitSet kept = bodies.keptByConstructor(k);
      Class<?>[] types = k.getParameterTypes();
      for (int i = kept.nextSetBit(0); i >= 0 && i < types.length; i = kept.nextSetBit(i + 1)) {
        if (countedByTheModels(types[i])) {
          wrapped.set(i);
        }
      }
    }
    if (wrapped.isEmpty()) {
      return declared;
    }
    List<MethodContract.Param> params = new ArrayList<>(declared.params());
    boolean inferred = false;
    for (int i = wrapped.nextSetBit(0); i >= 0 && i < params.size(); i = wrapped.nextSetBit(i + 1)) {
      MethodContract.Param p = params.get(i);
      if (p.mode() == MethodContract.ParamMode.NONE && !p.type().cannotHoldReferences()) {
        params.set(i, p.inferred(MethodContract.ParamMode.ALIAS, false, false));
        inferred = true;
      }
    }
    return inferred
        ? declared.with(params, declared.modes(), fromClassFile(declared))
        : declared;
  }

  /** Whether the stubs and models say the type itself releases: asked of a class's supertypes here. */
  private volatile Predicate<String> releasingByTheModels = name -> false;

  /**
   * Whether the class or a supertype is reference counted by the stubs' and models' word (a
   * {@code @MustRelease} type or one declaring a release: Netty's {@code ReferenceCounted}). The
   * hierarchy is the class file's, walked here rather than through the index: the index's
   * hierarchy of a classpath class reads this very contract.
   */
  private boolean countedByTheModels(Class<?> c) {
    if (c.isPrimitive() || c.isArray()) {
      return false;
    }
    return counted.computeIfAbsent(c, this::walkCountedByTheModels);
  }

  /** By class, {@link #countedByTheModels}: asked of every constructor and parameter type read. */
  private final Map<Class<?>, Boolean> counted = new ConcurrentHashMap<>();

  private boolean walkCountedByTheModels(Class<?> c) {
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(c));
    Set<Class<?>> seen = new HashSet<>();
    try {
      while (!todo.isEmpty()) {
        Class<?> t = todo.pop();
        if (!seen.add(t)) {
          continue;
        }
        if (releasingByTheModels.test(t.getName().replace('$', '.'))) {
          return true;
        }
        if (t.getSuperclass() != null) {
          todo.push(t.getSuperclass());
        }
        todo.addAll(List.of(t.getInterfaces()));
      }
    } catch (LinkageError e) {
      return false; // a supertype missing from the classpath: nothing known
    }
    return false;
  }

  /**
   * Lets the class-file reading ask the whole index what a JDK constructor does with its argument
   * (a library stream's {@code super(out)} into {@code FilterOutputStream}, decision 327): the
   * models speak for the JDK's classes, whose files are not read.
   */
  void useModelsOf(ContractIndex index) {
    if (bodies == null) {
      return;
    }
    releasingByTheModels = index::stubsDeclareRelease;
    counted.clear(); // anything asked before the models were known was asked without them
    bodies.useModels((type, parameterTypes, argument) -> {
      List<TypeRef> types = parameterTypes.stream().map(TypeRef::of).toList();
      MethodContract k = index.declaredConstructor(TypeRef.of(type), types.size(), () -> types);
      return k != null && argument < k.params().size() && k.params().get(argument).mode() == MethodContract.ParamMode.ALIAS;
    });
  }

  /** Where a contract read from a method's class file comes from (the note says so). */
  private static Declared.Origin fromClassFile(MethodContract declared) {
    return new Declared.Origin(Declared.Origin.Kind.INFERRED_FROM_CLASS_FILE, declared.declaringType(), 0);
  }

  /** The bytes of a class file of the classpath itself (not the JDK's), or null. */
  private byte[] classFileOnTheClasspath(String internalName) {
    URL url = loader.findResource(internalName + ".class");
    if (url == null) {
      return null;
    }
    try (java.io.InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static TypeContract.FieldContract fieldContract(java.lang.reflect.Field f, boolean annotated) {
    try {
      boolean ownedField = ContractModes.isOwned(meanings(annotated ? f.getDeclaredAnnotations() : NO_ANNOTATIONS));
      return new TypeContract.FieldContract(f.getName(), TypeRef.of(nameOf(f.getType())), ownedField);
    } catch (LinkageError | SecurityException | TypeNotPresentException e) {
      return new TypeContract.FieldContract(f.getName(), TypeRef.UNKNOWN, false);
    }
  }

  /** Whether a method or its receiver carries an annotation of ours (cheap, no signature types). */
  private static boolean mentionsOurAnnotations(Executable e) {
    for (Annotation a : e.getDeclaredAnnotations()) {
      if (AnnotationNames.meaningOfQualified(a.annotationType().getName()) != Meaning.NONE) {
        return true;
      }
    }
    AnnotatedType receiver = e.getAnnotatedReceiverType();
    if (receiver != null) {
      for (Annotation a : receiver.getDeclaredAnnotations()) {
        if (AnnotationNames.meaningOfQualified(a.annotationType().getName()) != Meaning.NONE) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public List<SamParameter> functionalParameters(String qualifiedName) {
    Class<?> c = load(qualifiedName);
    if (c == null || !c.isInterface()) {
      return null;
    }
    try {
      Method sam = null;
      for (Method m : c.getMethods()) {
        if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
          if (sam != null && !sam.getName().equals(m.getName())) {
            return null;
          }
          sam = m;
        }
      }
      if (sam == null) {
        return null;
      }
      Map<java.lang.reflect.TypeVariable<?>, java.lang.reflect.Type> bindings = new java.util.HashMap<>();
      bind(c, bindings);
      List<java.lang.reflect.TypeVariable<?>> own = List.of(c.getTypeParameters());
      List<SamParameter> out = new ArrayList<>();
      for (java.lang.reflect.Type t : sam.getGenericParameterTypes()) {
        java.lang.reflect.Type resolved = substitute(t, bindings);
        int index = resolved instanceof TypeVariable<?> v ? own.indexOf(v) : -1;
        TypeRef concrete = TypeRef.UNKNOWN;
        if (resolved instanceof Class<?> k) {
          concrete = TypeRef.of(nameOf(k));
        } else if (resolved instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> k) {
          concrete = TypeRef.of(nameOf(k));
        }
        out.add(new SamParameter(index, concrete));
      }
      return out;
    } catch (LinkageError | SecurityException | TypeNotPresentException e) {
      return null;
    }
  }

  private static boolean isObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Records what each supertype's type variables stand for, as seen from {@code c}. */
  private static void bind(Class<?> c, Map<java.lang.reflect.TypeVariable<?>, java.lang.reflect.Type> bindings) {
    for (java.lang.reflect.Type s : c.getGenericInterfaces()) {
      if (s instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
        TypeVariable<?>[] vars = raw.getTypeParameters();
        java.lang.reflect.Type[] args = p.getActualTypeArguments();
        for (int i = 0; i < vars.length && i < args.length; i++) {
          bindings.put(vars[i], substitute(args[i], bindings));
        }
        bind(raw, bindings);
      } else if (s instanceof Class<?> raw) {
        bind(raw, bindings);
      }
    }
  }

  private static java.lang.reflect.Type substitute(
      java.lang.reflect.Type t, Map<java.lang.reflect.TypeVariable<?>, java.lang.reflect.Type> bindings) {
    java.lang.reflect.Type current = t;
    for (int guard = 0; current instanceof TypeVariable<?> v && bindings.containsKey(v) && guard < 16; guard++) {
      current = bindings.get(v);
    }
    return current;
  }

  /** The contract of a method or constructor; {@code annotated}: whether to look for our annotations. */
  private static MethodContract contract(String owner, Executable e, boolean annotated, Declared.Origin origin) {
    boolean isConstructor = e instanceof Constructor<?>;
    List<MethodContract.Param> params = new ArrayList<>();
    Annotation[][] paramAnnotations = annotated ? e.getParameterAnnotations() : new Annotation[0][];
    java.lang.reflect.Parameter[] reflected = e.getParameters();
    Class<?>[] types = e.getParameterTypes();
    // Inner-class constructors may report fewer annotation rows than parameters.
    int offset = types.length - paramAnnotations.length;
    for (int i = 0; i < types.length; i++) {
      ContractModes.ParameterMode mode =
          i - offset >= 0 ? ContractModes.ofParameter(written(paramAnnotations[i - offset])) : ContractModes.ParameterMode.NONE;
      // Without -parameters, bytecode has no names: the parameter is named by its position.
      String name = reflected[i].isNamePresent() ? reflected[i].getName() : Integer.toString(i + 1);
      params.add(new MethodContract.Param(name, TypeRef.of(nameOf(types[i])), mode.mode(), mode.idempotent(), mode.words()));
    }
    AnnotatedType receiverType = isConstructor || !annotated ? null : e.getAnnotatedReceiverType();
    MethodModes modes =
        ContractModes.ofMethod(
            written(annotated ? e.getDeclaredAnnotations() : NO_ANNOTATIONS),
            receiverType == null ? List.of() : meanings(receiverType.getDeclaredAnnotations()));
    TypeRef returnType;
    if (e instanceof Method m) {
      returnType = m.getGenericReturnType() instanceof TypeVariable<?> ? TypeRef.UNKNOWN : TypeRef.of(nameOf(m.getReturnType()));
    } else {
      returnType = TypeRef.of(owner);
    }
    return new MethodContract(
        owner,
        isConstructor ? "<init>" : e.getName(),
        MethodContract.Kind.of(isConstructor, Modifier.isStatic(e.getModifiers())),
        params,
        e.isVarArgs(),
        returnType,
        modes,
        origin,
        -1, // `@Element` is model vocabulary: a class file never says it
        thrownBy(e));
  }

  /** The erasures of the types the throws clause names (a class file always says: D9). */
  private static List<String> thrownBy(Executable e) {
    Class<?>[] types = e.getExceptionTypes();
    List<String> out = new ArrayList<>(types.length);
    for (Class<?> t : types) {
      out.add(nameOf(t));
    }
    return out;
  }

  private static List<ContractModes.Written> written(Annotation[] annotations) {
    List<ContractModes.Written> out = new ArrayList<>(annotations.length);
    for (Annotation a : annotations) {
      out.add(new ContractModes.Written(AnnotationNames.meaningOfQualified(a.annotationType().getName()), member -> stringMember(a, member)));
    }
    return out;
  }

  private static List<Meaning> meanings(Annotation[] annotations) {
    List<Meaning> out = new ArrayList<>(annotations.length);
    for (Annotation a : annotations) {
      out.add(AnnotationNames.meaningOfQualified(a.annotationType().getName()));
    }
    return out;
  }

  private static String stringMember(Annotation a, String member) {
    try {
      return String.valueOf(a.annotationType().getMethod(member).invoke(a));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String nameOf(Class<?> c) {
    String canonical = c.getCanonicalName();
    return canonical != null ? canonical : c.getTypeName();
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (java.io.IOException e) {
      // Nothing is left to release that matters.
    }
  }
}
