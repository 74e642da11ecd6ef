package org.borrowck4j.analyzer.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Notification;

/**
 * A run's findings as reports show them: each with its file as a URI relative to the source root,
 * its fingerprints and, when a baseline is in use, whether it is new. Shared by every output
 * format, the command line and the Maven plugin.
 */
public record Report(
    String toolVersion,
    List<RuleDescriptor> rules,
    List<Result> results,
    List<Notification> notifications,
    int files,
    Path sourceRoot,
    boolean baselined) {

  public enum BaselineState {
    NONE,
    NEW,
    UNCHANGED
  }

  /**
   * @param uri the file relative to the source root ({@code /}-separated), or an absolute {@code
   *     file:} URI for a file outside it
   * @param lineHash GitHub's {@code primaryLocationLineHash}, or null when the file cannot be read
   * @param fingerprint our stable key (see {@link Fingerprints#stable})
   */
  public record Result(Finding finding, String uri, boolean relative, String lineHash, String fingerprint, BaselineState state) {}

  public Report {
    rules = List.copyOf(rules);
    results = List.copyOf(results);
    notifications = List.copyOf(notifications);
  }

  /** The results to show: all but those the baseline accepts. */
  public List<Result> visible() {
    return results.stream().filter(r -> r.state() != BaselineState.UNCHANGED).toList();
  }

  public long count(Severity severity) {
    return visible().stream().filter(r -> r.finding().severity() == severity).count();
  }

  /** The findings the baseline accepts: not shown, not failing the run, but counted. */
  public long baselinedCount() {
    return results.stream().filter(r -> r.state() == BaselineState.UNCHANGED).count();
  }

  /** One rule's share of the findings shown ({@code --statistics}). */
  public record RuleCount(RuleDescriptor rule, long count) {}

  /** The findings shown per rule, for every rule with at least one, in the rules' order. */
  public List<RuleCount> statistics() {
    List<RuleCount> out = new ArrayList<>();
    for (RuleDescriptor rule : rules) {
      long n = visible().stream().filter(r -> r.finding().rule().id().equals(rule.info().id())).count();
      if (n > 0) {
        out.add(new RuleCount(rule, n));
      }
    }
    return out;
  }

  public boolean executionSuccessful() {
    return notifications.stream().noneMatch(n -> n.level() == Notification.Level.ERROR);
  }

  public int ruleIndex(String ruleId) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).info().id().equals(ruleId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Builds the report of a run.
   *
   * @param sourceRoot the directory URIs are relative to (SARIF's {@code %SRCROOT%})
   * @param baseline accepted findings, or null
   */
  public static Report of(
      AnalysisResult result, List<RuleDescriptor> rules, Path sourceRoot, Baseline baseline, String toolVersion) {
    Path root = sourceRoot.toAbsolutePath().normalize();
    Map<String, Map<Integer, String>> hashes = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    Map<String, Integer> occurrences = new HashMap<>();
    List<Result> out = new ArrayList<>();
    for (Finding f : result.findings()) {
      // A relative path is relative to the working directory, as the user wrote it; only the URI is
      // relative to the source root.
      Path absolute = Path.of(f.file()).toAbsolutePath().normalize();
      boolean relative = absolute.startsWith(root);
      String uri = uri(root, f.file());
      String text = texts.computeIfAbsent(f.file(), k -> read(absolute));
      String lineHash = null;
      if (text != null) {
        lineHash = hashes.computeIfAbsent(f.file(), k -> Fingerprints.lineHashes(text)).get(f.primary().beginLine());
      }
      String lineText = f.sourceLines().getOrDefault(f.primary().beginLine(), "");
      String base = Fingerprints.stable(f.rule().id(), uri, lineText, f.message());
      int n = occurrences.merge(uri + "#" + base, 1, Integer::sum);
      String fingerprint = base + ":" + n;
      BaselineState state =
          baseline == null
              ? BaselineState.NONE
              : baseline.accepts(f.rule().id(), uri, fingerprint) ? BaselineState.UNCHANGED : BaselineState.NEW;
      out.add(new Result(f, uri, relative, lineHash, fingerprint, state));
    }
    return new Report(toolVersion, rules, out, result.notifications(), result.files(), root, baseline != null);
  }

  /**
   * The URI reports give a file: relative to the source root ({@code /}-separated,
   * percent-encoded), or an absolute {@code file:} URI for a file outside it.
   */
  public static String uri(Path sourceRoot, String file) {
    Path root = sourceRoot.toAbsolutePath().normalize();
    Path absolute = Path.of(file).toAbsolutePath().normalize();
    return absolute.startsWith(root) ? toUri(root.relativize(absolute)) : absolute.toUri().toString();
  }

  private static String toUri(Path relative) {
    StringBuilder sb = new StringBuilder();
    for (Path part : relative) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(encode(part.toString()));
    }
    return sb.toString();
  }

  /** Percent-encodes what a URI path segment may not contain. */
  private static String encode(String segment) {
    StringBuilder sb = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  private static String read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
