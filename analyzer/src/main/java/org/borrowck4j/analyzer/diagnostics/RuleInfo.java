package org.borrowck4j.analyzer.diagnostics;

/**
 * A rule's identity and metadata: the short code ({@code BC001}), the stable id used in output,
 * SARIF and suppressions ({@code use-after-move}), its default severity and a one-line summary.
 */
public record RuleInfo(String code, String id, Severity severity, String summary) {

  /** Whether {@code name} names this rule, by id or by code (case-insensitive). */
  public boolean isNamed(String name) {
    return id.equalsIgnoreCase(name) || code.equalsIgnoreCase(name);
  }
}
