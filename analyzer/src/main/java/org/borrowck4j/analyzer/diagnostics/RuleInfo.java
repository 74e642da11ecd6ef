package org.borrowck4j.analyzer.diagnostics;

import java.util.List;

/**
 * A rule's identity and metadata, kept beside its check: the short code ({@code BC001}), the
 * stable id used in output, SARIF and suppressions ({@code use-after-move}), its default
 * severity, a one-line summary, how often its findings are right ({@code precision}, SARIF's
 * very-high/high/medium/low) and tags for code scanning UIs.
 */
public record RuleInfo(
    String code, String id, Severity severity, String summary, String precision, List<String> tags) {

  public RuleInfo {
    tags = List.copyOf(tags);
  }

  public RuleInfo(String code, String id, Severity severity, String summary) {
    this(code, id, severity, summary, "high", List.of("correctness", "ownership"));
  }

  /** Whether {@code name} names this rule, by id or by code (case-insensitive). */
  public boolean isNamed(String name) {
    return id.equalsIgnoreCase(name) || code.equalsIgnoreCase(name);
  }

  /** The id as a PascalCase name ({@code UseAfterMove}), SARIF's {@code name}. */
  public String name() {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
