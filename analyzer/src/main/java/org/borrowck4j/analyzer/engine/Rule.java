package org.borrowck4j.analyzer.engine;

import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.flow.BodyAnalyses;

/**
 * One check. A check reads the facts of a body and the analyses over them (never the syntax
 * tree) and reports findings, worded by the diagnostics; it keeps no state.
 */
public interface Rule {
  RuleInfo info();

  /** Checks one body (method, constructor, initializer or lambda). */
  void check(BodyAnalyses body, Consumer<Finding> report);
}
