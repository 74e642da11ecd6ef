package org.borrowck4j.maven;

import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.Notification;
import org.borrowck4j.analyzer.report.Baseline;
import org.borrowck4j.analyzer.report.Report;

/**
 * Findings in the maven-compiler-plugin's style, which IDEs link: {@code /abs/File.java:[42,17]
 * [BC001 use-after-move] message}, then the secondary spans and notes on the following lines.
 */
final class FindingLog {
  private FindingLog() {}

  /**
   * @param errorsFail whether error-level findings fail the build: only then are they logged as
   *     {@code [ERROR]} (with {@code failOnError=false} a build that passes shows no errors)
   */
  static void log(Log log, Report report, List<Baseline.Entry> stale, boolean errorsFail) {
    for (Report.Result r : report.visible()) {
      String text = describe(r.finding());
      if (r.finding().severity() == Severity.ERROR && errorsFail) {
        log.error(text);
      } else {
        log.warn(text);
      }
    }
    for (Notification n : report.notifications()) {
      String where = n.file() == null ? "" : position(n.file(), n.line(), n.column()) + " ";
      if (n.level() == Notification.Level.ERROR) {
        log.error("borrowck: " + where + n.message());
      } else {
        log.warn("borrowck: " + where + n.message());
      }
    }
    for (Baseline.Entry e : stale) {
      log.warn("borrowck: baseline entry matches no finding any more: " + e.file() + " " + e.rule() + " (" + e.message() + ")");
    }
  }

  private static String describe(Finding f) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    String at = position(f.file(), f.primary().beginLine(), f.primary().beginColumn());
    sb.append(at).append(" [").append(f.rule().code()).append(' ').append(f.rule().id()).append("] ").append(f.message());
    sb.append(nl).append("    ").append(at).append(' ').append(f.primaryLabel());
    for (Label l : f.labels()) {
      sb.append(nl).append("    ").append(position(f.file(), l.span().beginLine(), l.span().beginColumn())).append(' ').append(l.text());
    }
    for (Note n : f.notes()) {
      sb.append(nl).append("    ").append(n.kind().word()).append(": ").append(n.text());
    }
    return sb.toString();
  }

  static String position(String file, int line, int column) {
    return line > 0 ? file + ":[" + line + "," + Math.max(column, 1) + "]" : file;
  }
}
