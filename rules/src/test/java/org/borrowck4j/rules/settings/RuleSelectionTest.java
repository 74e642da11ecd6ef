package org.borrowck4j.rules.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.Notification;
import org.borrowck4j.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/** Which rules run, and what is left of a result when some are off. */
class RuleSelectionTest {
  private static final RuleInfo USE_AFTER_MOVE = RuleCatalog.find("BC001").orElseThrow();
  private static final RuleInfo CONFLICTING_BORROW = RuleCatalog.find("BC003").orElseThrow();

  private static Finding finding(RuleInfo rule, int line) {
    return Finding.of(rule, Span.point(line, 1), "message", "label", List.of(), List.of());
  }

  private static final AnalysisResult RESULT =
      new AnalysisResult(
          List.of(finding(USE_AFTER_MOVE, 1), finding(Analyzer.PARSE_ERROR, 2), finding(CONFLICTING_BORROW, 3)),
          List.of(new Notification(Notification.Level.WARNING, "A.java", 0, 0, "a note")),
          4);

  private static List<String> codes(AnalysisResult result) {
    return result.findings().stream().map(f -> f.rule().code()).toList();
  }

  @Test
  void everyRuleIsOnByDefault() {
    assertTrue(RuleCatalog.all().stream().allMatch(RuleSelection.ALL::isOn));
    assertEquals(RESULT, RuleSelection.ALL.applyTo(RESULT));
  }

  @Test
  void rulesAreNamedByIdOrCodeInAnyCaseWithBlanksAround() {
    RuleSelection off = RuleSelection.disabling(List.of("use-after-move", " bc003 "));
    assertFalse(off.isOn(USE_AFTER_MOVE));
    assertFalse(off.isOn(CONFLICTING_BORROW));
    assertTrue(off.isOn(Analyzer.PARSE_ERROR));
    assertEquals(List.of("use-after-move", "bc003"), off.settings().stream().map(RuleSelection.Setting::rule).toList());
  }

  @Test
  void findingsOfRulesThatAreOffAreLeftOutAndTheRestKept() {
    AnalysisResult kept = RuleSelection.disabling(List.of("BC001")).applyTo(RESULT);
    assertEquals(List.of("BC901", "BC003"), codes(kept));
    assertEquals(RESULT.notifications(), kept.notifications());
    assertEquals(4, kept.files());
  }

  @Test
  void parseErrorsComeFromTheEngineAndAreLeftOutToo() {
    assertEquals(List.of("BC001", "BC003"), codes(RuleSelection.disabling(List.of("parse-error")).applyTo(RESULT)));
    assertEquals(List.of("BC001", "BC003"), codes(RuleSelection.disabling(List.of("BC901")).applyTo(RESULT)));
  }

  @Test
  void checksThatAreOffDoNotRun() throws InvalidSettings {
    Settings settings = Settings.builder().rules(RuleSelection.disabling(List.of("BC001", "conflicting-borrow"))).build();
    List<String> running = settings.analyzerConfig(SettingsTest.CLI).rules().stream().map(r -> r.info().code()).toList();
    assertFalse(running.contains("BC001"), running.toString());
    assertFalse(running.contains("BC003"), running.toString());
    assertEquals(RuleCatalog.checks().size() - 2, running.size(), running.toString());
  }
}
