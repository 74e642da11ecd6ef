package org.borrowck4j.analyzer.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.facts.FileContext;
import org.borrowck4j.analyzer.facts.OwnershipFacts;

/**
 * What a rule sees of one body: its facts, and analyses computed once and shared by every rule
 * that asks for them.
 */
public final class BodyContext {
  private final OwnershipFacts facts;
  private final Map<Class<?>, Object> analyses = new HashMap<>();

  BodyContext(OwnershipFacts facts) {
    this.facts = facts;
  }

  public Body body() {
    return facts.body();
  }

  public OwnershipFacts facts() {
    return facts;
  }

  public FileContext file() {
    return facts.context();
  }

  /** The analysis of the given class for this body, computed on first request. */
  public <T> T analysis(Class<T> type, Function<OwnershipFacts, T> compute) {
    Object a = analyses.get(type);
    if (a == null) {
      a = compute.apply(facts);
      analyses.put(type, a);
    }
    return type.cast(a);
  }
}
