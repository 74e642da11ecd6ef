package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What kind of exception a type is, by its place under {@code Throwable} as the contract index
 * knows it (the JDK and the classpath by reflection, the sources by their declarations).
 */
enum ExceptionKinds {
  /** {@code Throwable} or {@code Exception}: catches what any call may throw. */
  CATCH_ALL,
  /** {@code RuntimeException}, {@code Error} and their subtypes: any call may throw one. */
  UNCHECKED,
  /** A checked exception: only what declares it (or calls unknown code) throws it (D9). */
  CHECKED,
  /** A type whose supertypes are not known up to {@code Throwable}: it may be either. */
  UNKNOWN;

  static ExceptionKinds of(String qualifiedName, ContractIndex index) {
    if (qualifiedName == null) {
      return UNKNOWN;
    }
    if (qualifiedName.equals("java.lang.Throwable") || qualifiedName.equals("java.lang.Exception")) {
      return CATCH_ALL;
    }
    List<String> h = index.hierarchy(qualifiedName);
    if (h.contains("java.lang.RuntimeException") || h.contains("java.lang.Error")) {
      return UNCHECKED;
    }
    return h.contains("java.lang.Exception") || h.contains("java.lang.Throwable") ? CHECKED : UNKNOWN;
  }

  /**
   * The types a catch clause names (each alternative of a multi-catch), qualified; null for one
   * whose name does not resolve.
   */
  static List<String> caughtBy(CatchClause c, FileFacts file) {
    Type type = c.getParameter().getType();
    List<? extends Type> alternatives = type instanceof UnionType u ? u.getElements() : List.of(type);
    List<String> out = new ArrayList<>(alternatives.size());
    for (Type alternative : alternatives) {
      TypeRef t = file.types.resolve(alternative, c);
      out.add(t.isKnown() ? t.name() : null);
    }
    return out;
  }
}
