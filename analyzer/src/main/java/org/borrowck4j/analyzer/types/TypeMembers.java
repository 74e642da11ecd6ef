package org.borrowck4j.analyzer.types;

import java.util.List;

/**
 * What typing an expression needs to know of the types it meets, beyond their existence: a
 * field's type and a functional interface's parameters. The contract index answers it.
 */
public interface TypeMembers extends TypeUniverse {
  /** The type of the field {@code name} of {@code owner} or a supertype; unknown when there is none. */
  TypeRef fieldType(TypeRef owner, String name);

  /** The parameters of a functional interface's method, or null when the type is not one. */
  List<SamParameter> functionalParameters(TypeRef type);
}
