package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.List;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Which catch clauses handle a failure the code expects — a checked exception ({@code
 * IOException}, {@code SQLException}, {@code InterruptedException}) — rather than guard against
 * bugs ({@code Throwable}, {@code Exception}, {@code RuntimeException}, {@code Error} and their
 * unchecked subclasses). A type whose place among exceptions nobody knows counts as checked.
 * Decision 161.
 */
final class ExpectedFailures {
  private final FileFacts file;

  ExpectedFailures(FileFacts file) {
    this.file = file;
  }

  boolean catchesExpectedFailure(CatchClause c) {
    Type type = c.getParameter().getType();
    List<? extends Type> alternatives = type instanceof UnionType u ? u.getElements() : List.of((ReferenceType) type);
    for (Type alternative : alternatives) {
      TypeRef t = file.types.resolve(alternative, c);
      ExceptionKinds kind = t.isKnown() ? ExceptionKinds.of(t.name(), file.index) : null;
      if (kind == ExceptionKinds.CHECKED || kind == ExceptionKinds.UNKNOWN) {
        return true;
      }
    }
    return false;
  }
}
