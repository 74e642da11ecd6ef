package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.stmt.CatchClause;

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
    for (String caught : ExceptionKinds.caughtBy(c, file)) {
      ExceptionKinds kind = caught == null ? null : ExceptionKinds.of(caught, file.index);
      if (kind == ExceptionKinds.CHECKED || kind == ExceptionKinds.UNKNOWN) {
        return true;
      }
    }
    return false;
  }
}
