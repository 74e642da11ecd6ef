package org.borrowck4j.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What one source (the analysed code, a stub, the classpath) says about one type: whether its
 * values are owned (and must be released), whether it is a weakly consistent collection, whether
 * it declares a method that releases it, its direct supertypes, its methods by name and its
 * fields' types.
 *
 * <p>Members are turned into contracts when first asked for, by name: a lookup asks for one or two
 * methods of a type with dozens, and resolving every signature's types would cost more than the
 * rest of the analysis. Thread-safe; each member is computed at most a few times under a race,
 * always to the same value.
 */
public final class TypeContract {
  private final String qualifiedName;
  private final boolean isInterface;
  private final boolean owned;
  private final boolean mustRelease;
  private final boolean weaklyConsistent;
  private final boolean needsOpen;
  private final boolean releases;
  private final boolean lends;
  private final List<String> supertypes;
  private final ByName<List<MethodContract>> methods;
  private final ByName<FieldContract> fields;
  private final Declared.Origin origin;

  /**
   * @param allocated the type the field's initializer allocates ({@code new ArrayList<>()}), unknown
   *     when it has none or it is not read from source
   */
  public record FieldContract(String name, TypeRef type, boolean owned, TypeRef allocated) {
    public FieldContract(String name, TypeRef type, boolean owned) {
      this(name, type, owned, TypeRef.UNKNOWN);
    }
  }

  /**
   * @param releases whether the type declares a non-idempotent {@code @Consumes} method (a
   *     release), known without resolving any signature
   * @param lends whether the type declares a {@code @Mut} method or a {@code @Borrowed} result:
   *     its values take part in borrows, known without resolving any signature
   * @param methodNames the names of its methods ({@code <init>} for constructors)
   * @param methodsNamed the overloads of one name, as contracts
   * @param fieldNames the names of its fields
   * @param fieldNamed one field, as a contract
   */
  public TypeContract(
      String qualifiedName,
      boolean isInterface,
      boolean owned,
      boolean mustRelease,
      boolean weaklyConsistent,
      boolean needsOpen,
      boolean releases,
      boolean lends,
      List<String> supertypes,
      Set<String> methodNames,
      Function<String, List<MethodContract>> methodsNamed,
      Set<String> fieldNames,
      Function<String, FieldContract> fieldNamed,
      Declared.Origin origin) {
    this.qualifiedName = qualifiedName;
    this.isInterface = isInterface;
    this.owned = owned;
    this.mustRelease = mustRelease;
    this.weaklyConsistent = weaklyConsistent;
    this.needsOpen = needsOpen;
    this.releases = releases;
    this.lends = lends;
    this.supertypes = List.copyOf(supertypes);
    this.methods = new ByName<>(methodNames, methodsNamed);
    this.fields = new ByName<>(fieldNames, fieldNamed);
    this.origin = origin;
  }

  public String qualifiedName() {
    return qualifiedName;
  }

  public boolean isInterface() {
    return isInterface;
  }

  public boolean owned() {
    return owned;
  }

  public boolean mustRelease() {
    return mustRelease;
  }

  /** Whether the methods this type declares need the resource open (model vocabulary, D21). */
  public boolean needsOpen() {
    return needsOpen;
  }

  public boolean weaklyConsistent() {
    return weaklyConsistent;
  }

  /** Whether the type declares a non-idempotent {@code @Consumes} method (D11). */
  public boolean releases() {
    return releases;
  }

  /** Whether it declares a {@code @Mut} method or a {@code @Borrowed} result. */
  public boolean lends() {
    return lends;
  }

  public List<String> supertypes() {
    return supertypes;
  }

  public Declared.Origin origin() {
    return origin;
  }

  /** The overloads named {@code name} (constructors: {@code <init>}), or none. */
  public List<MethodContract> methods(String name) {
    List<MethodContract> m = methods.get(name);
    return m == null ? List.of() : m;
  }

  /** The field named {@code name}, or null. */
  public FieldContract field(String name) {
    return fields.get(name);
  }

  @Override
  public String toString() {
    return "TypeContract[" + qualifiedName + "]";
  }

  /** Members by name, computed on first request. */
  private static final class ByName<V> {
    private final Set<String> names;
    private final Function<String, V> compute;
    private final Map<String, V> computed = new ConcurrentHashMap<>();

    ByName(Set<String> names, Function<String, V> compute) {
      this.names = Set.copyOf(names);
      this.compute = compute;
    }

    V get(String name) {
      if (!names.contains(name)) {
        return null;
      }
      V v = computed.get(name);
      if (v == null) {
        // Not computeIfAbsent: computing may look up other types, and so this map's neighbours.
        v = compute.apply(name);
        V previous = computed.putIfAbsent(name, v);
        v = previous != null ? previous : v;
      }
      return v;
    }
  }
}
