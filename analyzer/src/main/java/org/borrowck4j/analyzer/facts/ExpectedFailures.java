package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Which catch clauses handle a failure the code expects — a checked exception ({@code
 * IOException}, {@code SQLException}, {@code InterruptedException}) — rather than guard against
 * bugs ({@code Throwable}, {@code Exception}, {@code RuntimeException}, {@code Error} and their
 * unchecked subclasses). Types of the running JDK are asked by reflection; a type of the sources
 * by its supertypes; a type nobody knows counts as checked.
 */
final class ExpectedFailures {
  private static final Set<String> CATCH_ALLS =
      Set.of("java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException", "java.lang.Error");

  private final FileFacts file;

  ExpectedFailures(FileFacts file) {
    this.file = file;
  }

  boolean catchesExpectedFailure(CatchClause c) {
    Type type = c.getParameter().getType();
    List<? extends Type> alternatives = type instanceof UnionType u ? u.getElements() : List.of((ReferenceType) type);
    for (Type alternative : alternatives) {
      TypeRef t = file.types.resolve(alternative, c);
      if (t.isKnown() && isChecked(t.name())) {
        return true;
      }
    }
    return false;
  }

  private boolean isChecked(String name) {
    if (CATCH_ALLS.contains(name)) {
      return false;
    }
    for (String s : file.index.hierarchy(name)) {
      Class<?> k = jdkClass(s);
      if (k != null) {
        return Exception.class.isAssignableFrom(k) && !RuntimeException.class.isAssignableFrom(k);
      }
    }
    return true;
  }

  private static Class<?> jdkClass(String name) {
    if (!name.startsWith("java.") || name.equals("java.lang.Object")) {
      return null;
    }
    try {
      return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
