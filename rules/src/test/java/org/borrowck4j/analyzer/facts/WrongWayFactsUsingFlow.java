package org.borrowck4j.analyzer.facts;

import org.borrowck4j.analyzer.flow.BodyAnalyses;

/** A fixture of the architecture test: facts pointing up at the analyses, which it must refuse. */
public final class WrongWayFactsUsingFlow {
  private WrongWayFactsUsingFlow() {}

  static BodyFacts factsOf(BodyAnalyses analyses) {
    return analyses.facts();
  }
}
