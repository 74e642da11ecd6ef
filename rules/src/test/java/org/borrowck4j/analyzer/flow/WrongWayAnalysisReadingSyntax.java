package org.borrowck4j.analyzer.flow;

import com.github.javaparser.ast.expr.MethodCallExpr;
import org.borrowck4j.analyzer.facts.FileFacts;

/** A fixture of the architecture test: an analysis reading the syntax tree and a file oracle. */
public final class WrongWayAnalysisReadingSyntax {
  private WrongWayAnalysisReadingSyntax() {}

  static boolean isCall(Object node, FileFacts file) {
    return node instanceof MethodCallExpr && file != null;
  }
}
