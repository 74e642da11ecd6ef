package org.borrowck4j.analyzer.types;

/** Answers whether a fully-qualified type name denotes a type the analyser can see. */
@FunctionalInterface
public interface TypeUniverse {
  boolean exists(String qualifiedName);

  /** The type and its supertypes, nearest first, as far as they are known (for inherited member types). */
  default java.util.List<String> supertypes(String qualifiedName) {
    return java.util.List.of();
  }
}
