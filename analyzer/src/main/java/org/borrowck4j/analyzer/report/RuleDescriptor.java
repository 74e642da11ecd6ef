package org.borrowck4j.analyzer.report;

import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;

/**
 * Everything reports say about a rule: its metadata, the first paragraph of its explanation, the
 * explanation itself (the text behind {@code --explain}) as help, and the level the run used.
 *
 * @param helpUri a page about the rule, or null: the help is inline, and a link is only given to a
 *     page that exists (decision 110)
 * @param level the level this run reports the rule at, or null when it is off
 */
public record RuleDescriptor(RuleInfo info, String fullDescription, String helpMarkdown, String helpUri, Severity level) {

  /** A rule at its default level. */
  public RuleDescriptor(RuleInfo info, String fullDescription, String helpMarkdown, String helpUri) {
    this(info, fullDescription, helpMarkdown, helpUri, info.severity());
  }

  /** The same rule reported at another level (null: off). */
  public RuleDescriptor atLevel(Severity configured) {
    return new RuleDescriptor(info, fullDescription, helpMarkdown, helpUri, configured);
  }

  /** Whether the run's level differs from the rule's default (SARIF's configuration override). */
  public boolean configured() {
    return level != info.severity();
  }

  /** The explanation as plain text: Markdown headings and code fences stripped. */
  public String helpText() {
    StringBuilder sb = new StringBuilder();
    for (String line : helpMarkdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        continue;
      }
      sb.append(line.startsWith("#") ? line.replaceFirst("^#+\\s*", "") : line).append('\n');
    }
    return sb.toString().strip() + "\n";
  }
}
