package org.borrowck4j.analyzer.diagnostics;

import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One finding, compiler style: a rule, a primary span with its label, secondary labels and
 * notes. {@code file} is the path as shown to the user; {@code sourceLines} holds the text of
 * every line a span touches, so a finding renders without re-reading its file.
 *
 * @param subject where the variable the finding is about is declared (a suppression on that
 *     declaration covers the finding), or null
 * @param flow the order in which the locations happen when the path matters (a move in an
 *     earlier iteration, a loan, the conflicting access, the later use): indices into {@code
 *     labels}, -1 for the primary location; empty when there is no path to show
 */
public record Finding(
    RuleInfo rule,
    Severity severity,
    String file,
    Span primary,
    String message,
    String primaryLabel,
    List<Label> labels,
    List<Note> notes,
    Span subject,
    List<Integer> flow,
    SortedMap<Integer, String> sourceLines) {

  public static final int PRIMARY = -1;

  public Finding {
    labels = List.copyOf(labels);
    notes = List.copyOf(notes);
    flow = flow == null ? List.of() : List.copyOf(flow);
    sourceLines = sourceLines == null ? new TreeMap<>() : new TreeMap<>(sourceLines);
  }

  public Finding withNotes(List<Note> more) {
    return new Finding(rule, severity, file, primary, message, primaryLabel, labels, more, subject, flow, sourceLines);
  }

  public Finding withSubject(Span declaration) {
    return new Finding(rule, severity, file, primary, message, primaryLabel, labels, notes, declaration, flow, sourceLines);
  }

  /**
   * The same finding with its path shown (SARIF {@code codeFlows}): the labels in their order,
   * the primary location after those that lead to it and before those that follow it ({@link
   * Label.Kind#followsPrimary}).
   */
  public Finding withPath() {
    List<Integer> order = new java.util.ArrayList<>(labels.size() + 1);
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.get(i).kind().followsPrimary()) {
        order.add(i);
      }
    }
    order.add(PRIMARY);
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).kind().followsPrimary()) {
        order.add(i);
      }
    }
    return new Finding(rule, severity, file, primary, message, primaryLabel, labels, notes, subject, order, sourceLines);
  }

  /** A finding produced by a rule, not yet tied to its file. */
  public static Finding of(
      RuleInfo rule,
      Span primary,
      String message,
      String primaryLabel,
      List<Label> labels,
      List<Note> notes) {
    return new Finding(rule, rule.severity(), "", primary, message, primaryLabel, labels, notes, null, null, null);
  }

  public Finding inFile(String path, java.util.function.IntFunction<String> lineText) {
    SortedMap<Integer, String> lines = new TreeMap<>();
    lines.put(primary.beginLine(), lineText.apply(primary.beginLine()));
    // A primary span over several lines is drawn down to its end: its first lines and its last.
    if (primary.endLine() > primary.beginLine()) {
      lines.put(primary.beginLine() + 1, lineText.apply(primary.beginLine() + 1));
      lines.put(primary.endLine(), lineText.apply(primary.endLine()));
    }
    for (Label l : labels) {
      lines.put(l.span().beginLine(), lineText.apply(l.span().beginLine()));
    }
    // One line between two shown ones is shown too, as rustc does: "..." would be no shorter.
    for (int line : List.copyOf(lines.keySet())) {
      if (!lines.containsKey(line + 1) && lines.containsKey(line + 2)) {
        lines.put(line + 1, lineText.apply(line + 1));
      }
    }
    return new Finding(rule, severity, path, primary, message, primaryLabel, labels, notes, subject, flow, lines);
  }

  /** File, line, column, then rule: the order of every report. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparing(Finding::primary)
          .thenComparing(f -> f.rule().code())
          .thenComparing(Finding::message);
}
