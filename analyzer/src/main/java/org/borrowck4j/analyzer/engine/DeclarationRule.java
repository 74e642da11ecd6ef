package org.borrowck4j.analyzer.engine;

import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.facts.DeclarationFacts;
import org.borrowck4j.analyzer.flow.BodyAnalyses;

/**
 * A check of what a file declares rather than of what its bodies do (annotations are written on
 * declarations, not in method bodies): it runs once per file over the facts gathered from the
 * declarations, and has nothing to check in a body. Like every rule it reads facts, never the
 * syntax tree, and keeps no state.
 */
public interface DeclarationRule extends Rule {
  /** Checks the declarations of one file. */
  void checkDeclarations(DeclarationFacts file, Consumer<Finding> report);

  /** Nothing: a declaration check has its say once per file. */
  @Override
  default void check(BodyAnalyses body, Consumer<Finding> report) {}
}
