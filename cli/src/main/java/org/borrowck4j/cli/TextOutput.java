package org.borrowck4j.cli;

import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.report.Report;
import org.borrowck4j.analyzer.report.TextRenderer;

/** The text format: the findings compiler style, a summary line, and the statistics when asked. */
final class TextOutput {
  private TextOutput() {}

  static String render(Report report, int files, boolean color, boolean quiet, boolean statistics) {
    StringBuilder text = new StringBuilder();
    TextRenderer renderer = new TextRenderer(color);
    List<Report.Result> visible = report.visible();
    for (int i = 0; i < visible.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(renderer.render(visible.get(i).finding()));
    }
    if (!quiet && (!visible.isEmpty() || report.baselinedCount() > 0)) {
      text.append(visible.isEmpty() ? "" : "\n").append(summary(report, files)).append('\n');
    }
    if (statistics) {
      text.append(text.length() > 0 ? "\n" : "").append(statistics(report));
    }
    return text.toString();
  }

  /** {@code borrowck: 1 error, 2 warnings in 7 files analysed (3 baselined)}. */
  static String summary(Report report, int files) {
    long baselined = report.baselinedCount();
    return "borrowck: "
        + plural(report.count(Severity.ERROR), "error")
        + ", "
        + plural(report.count(Severity.WARNING), "warning")
        + " in "
        + plural(files, "file")
        + " analysed"
        + (baselined > 0 ? " (" + baselined + " baselined)" : "");
  }

  /** Findings per rule, most first as flake8's and ruff's statistics: count, code, id, level. */
  static String statistics(Report report) {
    List<Report.RuleCount> counts =
        report.statistics().stream()
            .sorted(java.util.Comparator.comparingLong(Report.RuleCount::count).reversed())
            .toList();
    int width = counts.stream().mapToInt(c -> Long.toString(c.count()).length()).max().orElse(1);
    int idWidth = counts.stream().mapToInt(c -> c.rule().info().id().length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (Report.RuleCount c : counts) {
      String count = Long.toString(c.count());
      sb.append(" ".repeat(width - count.length())).append(count).append("  ")
          .append(c.rule().info().code()).append("  ")
          .append(c.rule().info().id()).append(" ".repeat(idWidth - c.rule().info().id().length())).append("  ")
          .append(c.rule().level().word()).append('\n');
    }
    return sb.toString();
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
