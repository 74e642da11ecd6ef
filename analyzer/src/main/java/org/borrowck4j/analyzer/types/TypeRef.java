package org.borrowck4j.analyzer.types;

import java.util.Set;

/**
 * A static type as the analyser knows it: an erased, fully-qualified name ({@code
 * java.util.List}, {@code int}, {@code java.lang.String[]}), or unknown (type variables,
 * unresolvable names, expressions we do not type).
 */
public record TypeRef(String name) {
  public static final TypeRef UNKNOWN = new TypeRef(null);

  // equals and hashCode are written out: a record's generated ones are bootstrapped through
  // method handles at their first call, milliseconds of every run for a type compared everywhere.
  @Override
  public boolean equals(Object o) {
    return o instanceof TypeRef other && java.util.Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(name);
  }

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "void");

  public static TypeRef of(String name) {
    return name == null ? UNKNOWN : new TypeRef(name);
  }

  public boolean isKnown() {
    return name != null;
  }

  public boolean isPrimitive() {
    // Asked of every type; "boolean" is the longest primitive name, qualified names are longer.
    return name != null && name.length() <= 7 && PRIMITIVES.contains(name);
  }

  /** Whether this is {@code java.lang.Object}: a value of any reference type may be behind it. */
  public boolean isObject() {
    return "java.lang.Object".equals(name);
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

  /**
   * Whether values of this type can refer to no other object: primitives, {@code void}, and the
   * immutable value classes of {@code java.lang} ({@code String}, the boxes). Unknown types can.
   */
  public boolean cannotHoldReferences() {
    return name != null && (isPrimitive() || name.equals("void") || VALUE_CLASSES.contains(name));
  }

  /**
   * Whether values of this type contain no reference to another object: {@link
   * #cannotHoldReferences}, or an array of such (a {@code byte[]} is an object that may be shared
   * and borrowed, but holds no other). A call's result of such a type cannot carry what the call
   * was given: {@code byte[] toByteArray(in)} keeps nothing of {@code in} (decision 336).
   */
  public boolean cannotContainReferences() {
    if (name == null || !isArray()) {
      return cannotHoldReferences();
    }
    String element = name;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
    }
    return new TypeRef(element).cannotHoldReferences();
  }

  private static final java.util.Set<String> VALUE_CLASSES =
      java.util.Set.of(
          "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
          "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double", "java.lang.Void");

  public static boolean isPrimitiveName(String name) {
    return PRIMITIVES.contains(name);
  }

  @Override
  public String toString() {
    return name == null ? "<unknown>" : name;
  }
}
