package org.borrowck4j.analyzer.diagnostics;

import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One finding, compiler style: a rule, a primary span with its label, secondary labels and
 * notes. {@code file} is the path as shown to the user; {@code sourceLines} holds the text of
 * every line a span touches, so a finding renders without re-reading its file.
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
    SortedMap<Integer, String> sourceLines) {

  public Finding {
    labels = List.copyOf(labels);
    notes = List.copyOf(notes);
    sourceLines = sourceLines == null ? new TreeMap<>() : new TreeMap<>(sourceLines);
  }

  /** A finding produced by a rule, not yet tied to its file. */
  public static Finding of(
      RuleInfo rule,
      Span primary,
      String message,
      String primaryLabel,
      List<Label> labels,
      List<Note> notes) {
    return new Finding(rule, rule.severity(), "", primary, message, primaryLabel, labels, notes, null);
  }

  public Finding inFile(String path, java.util.function.IntFunction<String> lineText) {
    SortedMap<Integer, String> lines = new TreeMap<>();
    lines.put(primary.beginLine(), lineText.apply(primary.beginLine()));
    for (Label l : labels) {
      lines.put(l.span().beginLine(), lineText.apply(l.span().beginLine()));
    }
    return new Finding(rule, severity, path, primary, message, primaryLabel, labels, notes, lines);
  }

  /** File, line, column, then rule: the order of every report. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparing(Finding::primary)
          .thenComparing(f -> f.rule().code())
          .thenComparing(Finding::message);
}
