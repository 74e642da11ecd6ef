package org.borrowck4j.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.Notification;

/**
 * The {@code --format json} output, for scripts: one object per finding, 1-based inclusive
 * positions, secondary spans and notes. The schema is documented in docs/output.md and only ever
 * grows (new fields), keyed by {@code "version": 1}.
 */
public final class JsonWriter {
  private final boolean statistics;

  public JsonWriter() {
    this(false);
  }

  private JsonWriter(boolean statistics) {
    this.statistics = statistics;
  }

  /** With the findings per rule ({@code --statistics}): a {@code statistics} array. */
  public JsonWriter withStatistics(boolean on) {
    return new JsonWriter(on);
  }

  public String write(Report report) {
    ObjectNode root = JsonText.object();
    root.put("version", 1);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "borrowck");
    tool.put("version", report.toolVersion());
    ArrayNode findings = root.putArray("findings");
    for (Report.Result r : report.visible()) {
      finding(findings.addObject(), r);
    }
    ArrayNode notifications = root.putArray("notifications");
    for (Notification n : report.notifications()) {
      ObjectNode o = notifications.addObject();
      o.put("level", n.level().name().toLowerCase(Locale.ROOT));
      if (n.file() != null) {
        o.put("file", n.file());
      }
      if (n.line() > 0) {
        o.put("line", n.line());
      }
      if (n.column() > 0) {
        o.put("column", n.column());
      }
      o.put("message", n.message());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", report.files());
    summary.put("errors", report.count(Severity.ERROR));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("baselined", report.baselinedCount());
    if (statistics) {
      ArrayNode counts = root.putArray("statistics");
      for (Report.RuleCount c : report.statistics()) {
        ObjectNode o = counts.addObject();
        o.put("rule", c.rule().info().id());
        o.put("code", c.rule().info().code());
        o.put("level", SarifWriter.level(c.rule().level()));
        o.put("count", c.count());
      }
    }
    return JsonText.indented(root);
  }

  private static void finding(ObjectNode o, Report.Result r) {
    Finding f = r.finding();
    o.put("file", f.file());
    span(o, f.primary());
    o.put("rule", f.rule().id());
    o.put("code", f.rule().code());
    o.put("level", SarifWriter.level(f.severity()));
    o.put("message", f.message());
    o.put("label", f.primaryLabel());
    ArrayNode secondary = o.putArray("secondary");
    for (Label l : f.labels()) {
      ObjectNode s = secondary.addObject();
      span(s, l.span());
      s.put("label", l.text());
    }
    ArrayNode notes = o.putArray("notes");
    for (Note n : f.notes()) {
      ObjectNode note = notes.addObject();
      note.put("kind", n.kind().word());
      note.put("text", n.text());
    }
    o.put("fingerprint", r.fingerprint());
  }

  private static void span(ObjectNode o, Span s) {
    o.put("line", s.beginLine());
    o.put("column", s.beginColumn());
    o.put("endLine", s.endLine());
    o.put("endColumn", s.endColumn());
  }
}
