package org.borrowck4j.analyzer.engine;

import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;

/** What the analysis of one file gives: its findings and the tool's notifications about it. */
record FileResult(List<Finding> findings, List<Notification> notifications) {
  FileResult {
    findings = List.copyOf(findings);
    notifications = List.copyOf(notifications);
  }

  /** Whether it is worth keeping: no tool error (an unreadable file, a worker that died) in it. */
  boolean complete() {
    return notifications.stream().noneMatch(n -> n.level() == Notification.Level.ERROR);
  }
}
