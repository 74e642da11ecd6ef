package org.borrowck4j.analyzer.model;

import java.util.List;
import org.borrowck4j.analyzer.types.SamParameter;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * One place contracts come from: the analysed sources, stub files, or classpath bytecode. {@link
 * ContractIndex} asks them in order of precedence.
 */
public interface ContractSource {
  /** What this source says about the type, or null when it does not know the type. */
  TypeContract type(String qualifiedName);

  /** Whether this source knows the type (cheaper than {@link #type} where it can be). */
  default boolean declares(String qualifiedName) {
    return type(qualifiedName) != null;
  }

  /**
   * The parameters of the single abstract method of a functional interface, or null when the
   * source does not know the type or it is not a functional interface.
   */
  default List<SamParameter> functionalParameters(String qualifiedName) {
    return null;
  }

  /**
   * Every type this source declares, where it can list them (stubs and models: a fixed set); the
   * analysed sources (read lazily) and the classpath list none.
   */
  default java.util.Set<String> typeNames() {
    return java.util.Set.of();
  }
}
