package org.borrowck4j.analyzer.engine;

import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Severity;

/**
 * Findings (sorted: file, line, column, rule) and tool notifications of one run; {@code reused}
 * of the {@code files} came from the result cache.
 */
public record AnalysisResult(List<Finding> findings, List<Notification> notifications, int files, int reused) {

  public AnalysisResult(List<Finding> findings, List<Notification> notifications, int files) {
    this(findings, notifications, files, 0);
  }

  public AnalysisResult {
    findings = List.copyOf(findings);
    notifications = List.copyOf(notifications);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  public boolean hasToolErrors() {
    return notifications.stream().anyMatch(n -> n.level() == Notification.Level.ERROR);
  }
}
