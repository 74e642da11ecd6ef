package org.borrowck4j.analyzer.model;

import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What one source (the analysed code, a stub, the classpath) says about one type: whether its
 * values are owned (and must be released), whether it is a weakly consistent collection, its
 * direct supertypes, its methods by name and its fields' types.
 */
public record TypeContract(
    String qualifiedName,
    boolean isInterface,
    boolean owned,
    boolean mustRelease,
    boolean weaklyConsistent,
    List<String> supertypes,
    Map<String, List<MethodContract>> methods,
    Map<String, FieldContract> fields,
    Declared.Origin origin) {

  public record FieldContract(String name, TypeRef type, boolean owned) {}

  public List<MethodContract> methods(String name) {
    return methods.getOrDefault(name, List.of());
  }
}
