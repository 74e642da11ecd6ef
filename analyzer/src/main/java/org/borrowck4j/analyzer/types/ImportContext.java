package org.borrowck4j.analyzer.types;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java's rules for what a type name means in one compilation unit: type variables, member types
 * of the enclosing classes, single-type imports, the package, on-demand imports, then {@code
 * java.lang}. It keeps only names, never the AST, so it can outlive the parse.
 */
public final class ImportContext {
  private final String packageName;
  private final Map<String, String> singleImports;
  private final List<String> onDemandImports;
  private final Map<String, String> staticImports;
  private final List<String> staticOnDemandImports;
  private final Set<String> declaredTypes;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public ImportContext(
      String packageName,
      Map<String, String> singleImports,
      List<String> onDemandImports,
      Map<String, String> staticImports,
      List<String> staticOnDemandImports,
      Set<String> declaredTypes) {
    this.packageName = packageName;
    this.singleImports = Map.copyOf(singleImports);
    this.onDemandImports = List.copyOf(onDemandImports);
    this.staticImports = Map.copyOf(staticImports);
    this.staticOnDemandImports = List.copyOf(staticOnDemandImports);
    this.declaredTypes = Set.copyOf(declaredTypes);
  }

  /** The import context of {@code unit}, whose own types are {@code declaredTypes}. */
  public static ImportContext of(CompilationUnit unit, Collection<String> declaredTypes) {
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    Map<String, String> single = new HashMap<>();
    List<String> onDemand = new ArrayList<>();
    Map<String, String> statics = new HashMap<>();
    List<String> staticOnDemand = new ArrayList<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticOnDemand.add(name);
        } else {
          int dot = name.lastIndexOf('.');
          if (dot > 0) {
            statics.put(name.substring(dot + 1), name.substring(0, dot));
          }
        }
      } else if (imp.isAsterisk()) {
        onDemand.add(name);
      } else {
        single.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    return new ImportContext(pkg, single, onDemand, statics, staticOnDemand, Set.copyOf(declaredTypes));
  }

  public String packageName() {
    return packageName;
  }

  /** The type that declares a statically imported member {@code name}, if one is imported by name. */
  public String staticImportOwner(String name) {
    return staticImports.get(name);
  }

  public List<String> staticOnDemandImports() {
    return staticOnDemandImports;
  }

  /** Single-type imports: simple name to qualified name. */
  public Map<String, String> singleImports() {
    return singleImports;
  }

  /** Packages (and types) imported on demand. */
  public List<String> onDemandImports() {
    return onDemandImports;
  }

  /** Static single imports: member name to the type that declares it. */
  public Map<String, String> staticImports() {
    return staticImports;
  }

  /** The qualified names of the types the unit itself declares. */
  public Set<String> declaredTypes() {
    return declaredTypes;
  }

  /** Equal when the names mean the same (the memo of resolved names does not count). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ImportContext other
        && packageName.equals(other.packageName)
        && singleImports.equals(other.singleImports)
        && onDemandImports.equals(other.onDemandImports)
        && staticImports.equals(other.staticImports)
        && staticOnDemandImports.equals(other.staticOnDemandImports)
        && declaredTypes.equals(other.declaredTypes);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(packageName, singleImports, onDemandImports, staticImports, staticOnDemandImports, declaredTypes);
  }

  /** Whether {@code qualifiedAnnotation} may be written as {@code simple} in this unit. */
  public boolean imports(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String simple = qualifiedName.substring(dot + 1);
    String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
    return qualifiedName.equals(singleImports.get(simple))
        || onDemandImports.contains(pkg)
        || packageName.equals(pkg);
  }

  /** The erased name of a type as written: {@code Map.Entry}, {@code int[]}; null for none. */
  public static String written(Type type) {
    if (type instanceof PrimitiveType p) {
      return p.asString();
    }
    if (type instanceof ArrayType a) {
      String component = written(a.getComponentType());
      return component == null ? null : component + "[]";
    }
    if (type instanceof ClassOrInterfaceType c) {
      return c.getNameWithScope();
    }
    if (type != null && type.isVoidType()) {
      return "void";
    }
    if (type != null && type.isVarType()) {
      return "var";
    }
    return null;
  }

  /** Resolves an erased type name as written (see {@link #written}). */
  public TypeRef resolveWritten(
      String written, String enclosingType, Collection<String> typeVariables, TypeUniverse universe) {
    if (written == null || written.equals("var")) {
      return TypeRef.UNKNOWN;
    }
    if (written.endsWith("[]")) {
      return resolveWritten(
              written.substring(0, written.length() - 2), enclosingType, typeVariables, universe)
          .arrayOf();
    }
    if (written.equals("void") || TypeRef.isPrimitiveName(written)) {
      return TypeRef.of(written);
    }
    return TypeRef.of(resolveName(written, enclosingType, typeVariables, universe));
  }

  /**
   * Resolves a type as written.
   *
   * @param enclosingType the fully-qualified name of the innermost type around the use (for
   *     member types), or null
   * @param typeVariables names of type variables in scope at the use
   */
  public TypeRef resolve(
      Type type, String enclosingType, Collection<String> typeVariables, TypeUniverse universe) {
    if (type instanceof PrimitiveType p) {
      return TypeRef.of(p.asString());
    }
    if (type instanceof ArrayType a) {
      return resolve(a.getComponentType(), enclosingType, typeVariables, universe).arrayOf();
    }
    if (type instanceof ClassOrInterfaceType c) {
      return TypeRef.of(resolveName(c.getNameWithScope(), enclosingType, typeVariables, universe));
    }
    if (type != null && type.isVoidType()) {
      return TypeRef.of("void");
    }
    return TypeRef.UNKNOWN;
  }

  /** Resolves a (possibly qualified) type name as written; null when it names nothing known. */
  public String resolveName(
      String written, String enclosingType, Collection<String> typeVariables, TypeUniverse universe) {
    int dot = written.indexOf('.');
    if (dot < 0) {
      return resolveSimple(written, enclosingType, typeVariables, universe);
    }
    String first = written.substring(0, dot);
    String rest = written.substring(dot);
    if (!Character.isLowerCase(first.charAt(0))) {
      String outer = resolveSimple(first, enclosingType, typeVariables, universe);
      if (outer != null) {
        return outer + rest;
      }
    }
    return written;
  }

  private String resolveSimple(
      String name, String enclosingType, Collection<String> typeVariables, TypeUniverse universe) {
    if (typeVariables != null && typeVariables.contains(name)) {
      return null;
    }
    if (TypeRef.isPrimitiveName(name)) {
      return name;
    }
    // Member types of the enclosing classes, innermost first.
    for (String scope = enclosingType; scope != null; scope = outerOf(scope)) {
      if (scope.endsWith("." + name) || scope.equals(name)) {
        return scope;
      }
      String member = scope + "." + name;
      if (declaredTypes.contains(member)) {
        return member;
      }
    }
    String cached = cache.get(name);
    String resolved;
    if (cached != null) {
      resolved = cached.isEmpty() ? null : cached;
    } else {
      resolved = resolveByImports(name, universe);
      cache.put(name, resolved == null ? "" : resolved);
    }
    // What the imports do not resolve may be inherited, whether or not it was asked before: the
    // answer must not depend on which name was resolved first.
    return resolved != null ? resolved : inheritedMember(name, enclosingType, universe);
  }

  /**
   * The enclosing classes whose inherited member types this thread is looking up: finding
   * supertypes resolves names too, and only a lookup that comes back to one of these (a cycle, in
   * broken code) is cut short. Not one flag for all: the types whose supertypes are found on the
   * way are kept, and a name resolved for one of them must resolve as it would anywhere else.
   */
  private static final ThreadLocal<Set<String>> INHERITED_LOOKUPS = ThreadLocal.withInitial(HashSet::new);

  /**
   * A member type inherited from a supertype of an enclosing class ({@code Implementor} in a class
   * implementing the interface {@code ElasticsearchRel} that declares it), or null. Asked only for
   * names nothing else resolves, and not again while the same class's is under way.
   */
  private String inheritedMember(String name, String enclosingType, TypeUniverse universe) {
    if (enclosingType == null || INHERITED_LOOKUPS.get().contains(enclosingType)) {
      return null;
    }
    String key = enclosingType + '#' + name;
    String known = inherited.get(key);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    // Asked inside another class's lookup, the answer may have been cut short by it (a cycle
    // through that class): remembered only when asked first hand, so that it never depends on
    // which name, on which worker, was resolved first.
    boolean firstHand = INHERITED_LOOKUPS.get().isEmpty();
    String found = lookUpInherited(name, enclosingType, universe);
    if (firstHand) {
      inherited.put(key, found == null ? "" : found);
    }
    return found;
  }

  /** Member types inherited by an enclosing class, by enclosing class and name ("": none). */
  private final Map<String, String> inherited = new ConcurrentHashMap<>();

  private String lookUpInherited(String name, String enclosingType, TypeUniverse universe) {
    Set<String> inProgress = INHERITED_LOOKUPS.get();
    inProgress.add(enclosingType);
    try {
      for (String scope = enclosingType; scope != null; scope = outerOf(scope)) {
        for (String s : universe.supertypes(scope)) {
          String member = s + "." + name;
          if (!s.equals(scope) && (declaredTypes.contains(member) || universe.exists(member))) {
            return member;
          }
        }
      }
      return null;
    } finally {
      inProgress.remove(enclosingType);
    }
  }

  private String resolveByImports(String name, TypeUniverse universe) {
    String single = singleImports.get(name);
    if (single != null) {
      return single;
    }
    String topLevel = packageName.isEmpty() ? name : packageName + "." + name;
    if (declaredTypes.contains(topLevel) || universe.exists(topLevel)) {
      return topLevel;
    }
    for (String pkg : onDemandImports) {
      String candidate = pkg + "." + name;
      if (universe.exists(candidate)) {
        return candidate;
      }
    }
    String lang = "java.lang." + name;
    if (universe.exists(lang)) {
      return lang;
    }
    return null;
  }

  /** The enclosing type of a member type's name, or null for a top-level one. */
  private String outerOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String outer = qualified.substring(0, dot);
    return declaredTypes.contains(outer) ? outer : null;
  }
}
