package org.borrowck4j.analyzer.engine;

import org.borrowck4j.rules.RuleCatalog;

/** A fixture of the architecture test: the analyser reaching up into the rules module. */
public final class WrongWayEngineUsingRules {
  private WrongWayEngineUsingRules() {}

  static int ruleCount() {
    return RuleCatalog.all().size();
  }
}
