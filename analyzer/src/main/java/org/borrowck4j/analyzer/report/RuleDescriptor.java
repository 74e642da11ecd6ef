package org.borrowck4j.analyzer.report;

import org.borrowck4j.analyzer.diagnostics.RuleInfo;

/**
 * Everything reports say about a rule: its metadata, the first paragraph of its explanation, and
 * the explanation itself (the text behind {@code --explain}) as help.
 */
public record RuleDescriptor(RuleInfo info, String fullDescription, String helpMarkdown, String helpUri) {

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
