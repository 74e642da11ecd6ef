package org.borrowck4j.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.Notification;

/**
 * SARIF 2.1.0 for GitHub code scanning and IDE viewers: full rule metadata, one location per
 * result relative to {@code %SRCROOT%}, every secondary span as a related location referenced
 * from the message, a code flow where the order of events matters, GitHub's line-hash and our own
 * fingerprint, baseline states, and tool problems as execution notifications.
 */
public final class SarifWriter {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** The project's home, as its POM names it (rules have no page of their own: decision 110). */
  public static final String INFORMATION_URI = "https://github.com/borrowck4j/borrowck4j";

  private final String automationId;
  private final boolean statistics;

  public SarifWriter() {
    this(null, false);
  }

  private SarifWriter(String automationId, boolean statistics) {
    this.automationId = automationId;
    this.statistics = statistics;
  }

  /**
   * Runs that code scanning must keep apart (one per module of a reactor) say which they are:
   * {@code automationDetails.id}, such as {@code borrowck/app/}.
   */
  public SarifWriter withAutomationId(String id) {
    return new SarifWriter(id, statistics);
  }

  /** With the findings per rule as the run's {@code properties.statistics} ({@code --statistics}). */
  public SarifWriter withStatistics(boolean on) {
    return new SarifWriter(automationId, on);
  }

  public String write(Report report) {
    return text(log(report));
  }

  /** The whole log as a tree: the aggregate goal merges several. */
  public ObjectNode log(Report report) {
    ObjectNode log = JsonText.object();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "borrowck");
    driver.put("semanticVersion", semver(report.toolVersion()));
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    for (RuleDescriptor r : report.rules()) {
      rule(rules.addObject(), r);
    }
    if (automationId != null) {
      run.putObject("automationDetails").put("id", automationId);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", report.executionSuccessful());
    overrides(invocation, report);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (Report.Result r : report.results()) {
      if (r.finding().rule().id().equals(Analyzer.PARSE_ERROR.id())) {
        ObjectNode n = notifications.addObject();
        n.put("level", "error");
        n.putObject("message").put("text", sentence(r.finding().message()));
        location(n.putArray("locations").addObject(), r, r.finding().primary(), null);
        n.putObject("descriptor").put("id", r.finding().rule().id());
      }
    }
    for (Notification n : report.notifications()) {
      notification(notifications.addObject(), n, report);
    }
    run.put("columnKind", "utf16CodeUnits");
    run.putObject("originalUriBaseIds")
        .putObject("%SRCROOT%")
        .put("uri", report.sourceRoot().toUri().toString());
    ArrayNode results = run.putArray("results");
    for (Report.Result r : report.results()) {
      result(results.addObject(), r, report);
    }
    if (statistics) {
      ArrayNode counts = run.putObject("properties").putArray("statistics");
      for (Report.RuleCount c : report.statistics()) {
        counts.addObject().put("ruleId", c.rule().info().id()).put("code", c.rule().info().code()).put("level", level(c.rule().level())).put("count", c.count());
      }
    }
    return log;
  }

  /** The log as the file holds it: indented, one new line at the end. */
  public String text(ObjectNode log) {
    return JsonText.indented(log);
  }

  /**
   * The levels the run used where they differ from the rules' defaults ({@code borrowck.toml},
   * {@code --disable}): SARIF's {@code ruleConfigurationOverrides}, so a viewer knows why a
   * result's level is not its rule's default, and that a rule was off.
   */
  private static void overrides(ObjectNode invocation, Report report) {
    ArrayNode overrides = null;
    for (int i = 0; i < report.rules().size(); i++) {
      RuleDescriptor r = report.rules().get(i);
      if (!r.configured()) {
        continue;
      }
      if (overrides == null) {
        overrides = invocation.putArray("ruleConfigurationOverrides");
      }
      ObjectNode o = overrides.addObject();
      o.putObject("descriptor").put("id", r.info().id()).put("index", i);
      ObjectNode configuration = o.putObject("configuration");
      if (r.level() == null) {
        configuration.put("enabled", false);
      } else {
        configuration.put("level", level(r.level()));
      }
    }
  }

  private void rule(ObjectNode node, RuleDescriptor r) {
    node.put("id", r.info().id());
    node.put("name", r.info().name());
    node.putObject("shortDescription").put("text", sentence(r.info().summary()));
    node.putObject("fullDescription").put("text", r.fullDescription());
    ObjectNode help = node.putObject("help");
    help.put("text", r.helpText());
    help.put("markdown", r.helpMarkdown());
    if (r.helpUri() != null) {
      node.put("helpUri", r.helpUri());
    }
    node.putObject("defaultConfiguration").put("level", level(r.info().severity()));
    ObjectNode properties = node.putObject("properties");
    properties.put("precision", r.info().precision());
    ArrayNode tags = properties.putArray("tags");
    r.info().tags().forEach(tags::add);
    properties.put("code", r.info().code());
  }

  private void result(ObjectNode node, Report.Result r, Report report) {
    Finding f = r.finding();
    node.put("ruleId", f.rule().id());
    int index = report.ruleIndex(f.rule().id());
    if (index >= 0) {
      node.put("ruleIndex", index);
    }
    node.put("level", level(f.severity()));
    node.putObject("message").put("text", message(f));
    ObjectNode primary = node.putArray("locations").addObject();
    location(primary, r, f.primary(), f.primaryLabel());
    String line = f.sourceLines().get(f.primary().beginLine());
    if (line != null && f.primary().beginLine() == f.primary().endLine()) {
      String text = line.substring(Math.min(line.length(), f.primary().beginColumn() - 1), Math.min(line.length(), f.primary().endColumn()));
      ((ObjectNode) primary.path("physicalLocation").path("region")).putObject("snippet").put("text", text);
    }
    if (!f.labels().isEmpty()) {
      ArrayNode related = node.putArray("relatedLocations");
      for (int i = 0; i < f.labels().size(); i++) {
        ObjectNode l = related.addObject();
        l.put("id", i + 1);
        location(l, r, f.labels().get(i).span(), f.labels().get(i).text());
      }
    }
    if (!f.flow().isEmpty()) {
      ArrayNode steps =
          node.putArray("codeFlows").addObject().putArray("threadFlows").addObject().putArray("locations");
      for (int step : f.flow()) {
        Span span = step == Finding.PRIMARY ? f.primary() : f.labels().get(step).span();
        String text = step == Finding.PRIMARY ? f.primaryLabel() : f.labels().get(step).text();
        ObjectNode loc = steps.addObject().putObject("location");
        location(loc, r, span, text);
      }
    }
    ObjectNode fingerprints = node.putObject("partialFingerprints");
    if (r.lineHash() != null) {
      fingerprints.put("primaryLocationLineHash", r.lineHash());
    }
    fingerprints.put("borrowckFingerprint/v1", r.fingerprint());
    if (r.state() != Report.BaselineState.NONE) {
      node.put("baselineState", r.state() == Report.BaselineState.NEW ? "new" : "unchanged");
    }
    if (r.state() == Report.BaselineState.UNCHANGED) {
      // Accepted outside the code, in the baseline file: code scanning shows it as suppressed,
      // not as an open alert (decision 106).
      ObjectNode suppression = node.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("status", "accepted");
      suppression.put("justification", "accepted in the borrowck baseline");
    }
    ObjectNode properties = node.putObject("properties");
    properties.put("code", f.rule().code());
  }

  /**
   * The message: the finding's first sentence stands alone, then each secondary span as a link to
   * its related location ({@code [text](id)}), then the notes.
   */
  static String message(Finding f) {
    StringBuilder sb = new StringBuilder(sentence(f.message()));
    List<Label> labels = f.labels();
    for (int i = 0; i < labels.size(); i++) {
      sb.append(' ').append('[').append(escapeLink(capitalize(labels.get(i).text()))).append("](").append(i + 1).append(")").append('.');
    }
    for (Note n : f.notes()) {
      sb.append(' ').append(capitalize(n.kind().word())).append(": ").append(escapeText(n.text()));
      if (!n.text().endsWith(".")) {
        sb.append('.');
      }
    }
    return sb.toString();
  }

  private void location(ObjectNode node, Report.Result r, Span span, String text) {
    ObjectNode physical = node.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", r.uri());
    if (r.relative()) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    region(physical.putObject("region"), span);
    if (text != null && !text.isEmpty()) {
      node.putObject("message").put("text", capitalize(text));
    }
  }

  /** A region: SARIF's end column is the column after the last character. */
  private static void region(ObjectNode region, Span span) {
    region.put("startLine", span.beginLine());
    region.put("startColumn", span.beginColumn());
    region.put("endLine", span.endLine());
    region.put("endColumn", span.endColumn() + 1);
  }

  private void notification(ObjectNode node, Notification n, Report report) {
    node.put("level", n.level() == Notification.Level.NOTE ? "note" : n.level().name().toLowerCase(Locale.ROOT));
    node.putObject("message").put("text", sentence(n.message()));
    if (n.file() != null) {
      ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
      java.nio.file.Path absolute = java.nio.file.Path.of(n.file()).toAbsolutePath().normalize();
      ObjectNode artifact = physical.putObject("artifactLocation");
      if (absolute.startsWith(report.sourceRoot())) {
        artifact.put("uri", report.sourceRoot().relativize(absolute).toString().replace('\\', '/'));
        artifact.put("uriBaseId", "%SRCROOT%");
      } else {
        artifact.put("uri", absolute.toUri().toString());
      }
      if (n.line() > 0) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", n.line());
        if (n.column() > 0) {
          region.put("startColumn", n.column());
        }
      }
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  /** A version SARIF accepts as semantic ({@code 0.1.0-SNAPSHOT} is). */
  private static String semver(String version) {
    return version != null && version.matches("\\d+\\.\\d+\\.\\d+([-+].*)?") ? version : "0.0.0";
  }

  static String sentence(String s) {
    String t = capitalize(escapeText(s.strip()));
    return t.endsWith(".") ? t : t + ".";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Brackets in plain message text would read as links. */
  private static String escapeText(String s) {
    return s.replace("[", "\\[").replace("]", "\\]");
  }

  private static String escapeLink(String s) {
    return escapeText(s);
  }
}
