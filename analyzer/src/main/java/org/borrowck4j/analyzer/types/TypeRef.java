package org.borrowck4j.analyzer.types;

import java.util.Set;

/**
 * A static type as the analyser knows it: an erased, fully-qualified name ({@code
 * java.util.List}, {@code int}, {@code java.lang.String[]}), or unknown (type variables,
 * unresolvable names, expressions we do not type).
 */
public record TypeRef(String name) {
  public static final TypeRef UNKNOWN = new TypeRef(null);

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "void");

  public static TypeRef of(String name) {
    return name == null ? UNKNOWN : new TypeRef(name);
  }

  public boolean isKnown() {
    return name != null;
  }

  public boolean isPrimitive() {
    return name != null && PRIMITIVES.contains(name);
  }

  public boolean isArray() {
    return name != null && name.endsWith("[]");
  }

  public TypeRef arrayOf() {
    return name == null ? UNKNOWN : new TypeRef(name + "[]");
  }

  public TypeRef componentType() {
    return isArray() ? new TypeRef(name.substring(0, name.length() - 2)) : UNKNOWN;
  }

  /** The simple name, for messages: {@code List} for {@code java.util.List}. */
  public String simpleName() {
    if (name == null) {
      return "?";
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }

  public static boolean isPrimitiveName(String name) {
    return PRIMITIVES.contains(name);
  }

  @Override
  public String toString() {
    return name == null ? "<unknown>" : name;
  }
}
