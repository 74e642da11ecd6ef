package org.borrowck4j.analyzer.engine;

import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;

/** One check. Rules read facts and analyses of a body and report findings; they keep no state. */
public interface Rule {
  RuleInfo info();

  /** Checks one body (method, constructor, initializer or lambda). */
  void check(BodyContext body, Consumer<Finding> report);
}
