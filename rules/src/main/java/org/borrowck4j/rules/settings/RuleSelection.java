package org.borrowck4j.rules.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.report.RuleDescriptor;
import org.borrowck4j.rules.RuleCatalog;

/**
 * The level of each rule ({@code off}, {@code warning}, {@code error}), by id ({@code
 * use-after-move}) or code ({@code BC001}), case-insensitive. Settings are kept in the order they
 * were given, and a later one wins: a configuration file's {@code [rules]} first, then the
 * command line's {@code --disable} (decision 100). A rule nobody set keeps its default level.
 *
 * <p>This is the one place a level is applied: {@link #applyTo} turns the engine's findings, which
 * carry their rule's default severity, into the findings every report and exit code reads.
 *
 * @param settings each rule name as written (surrounding blanks removed) with its level, in order
 */
public record RuleSelection(List<Setting> settings) {
  /** One rule set to one level. */
  public record Setting(String rule, RuleLevel level) {
    public Setting {
      rule = rule.strip();
    }
  }

  /** Every rule at its default level. */
  public static final RuleSelection ALL = new RuleSelection(List.of());

  public RuleSelection {
    settings = List.copyOf(settings);
  }

  /** The rules named turned off ({@code --disable}, {@code disabledRules}); the others as they are. */
  public static RuleSelection disabling(List<String> rules) {
    return new RuleSelection(rules.stream().map(r -> new Setting(r, RuleLevel.OFF)).toList());
  }

  /** These settings, then {@code later}'s, which win where both name a rule. */
  public RuleSelection then(RuleSelection later) {
    List<Setting> all = new ArrayList<>(settings);
    all.addAll(later.settings);
    return new RuleSelection(all);
  }

  /** The level the rule runs at: the last setting naming it, else its default. */
  public RuleLevel level(RuleInfo rule) {
    RuleLevel level = RuleLevel.of(rule.severity());
    for (Setting s : settings) {
      if (rule.isNamed(s.rule())) {
        level = s.level();
      }
    }
    return level;
  }

  /** Whether the rule runs and its findings are reported. */
  public boolean isOn(RuleInfo rule) {
    return level(rule) != RuleLevel.OFF;
  }

  /** Every rule of the catalog with its level, in code order. */
  public Map<RuleInfo, RuleLevel> levels() {
    Map<RuleInfo, RuleLevel> out = new LinkedHashMap<>();
    for (RuleInfo r : RuleCatalog.all()) {
      out.put(r, level(r));
    }
    return out;
  }

  /** What reports say about every rule, with the level this selection gives it (null: off). */
  public List<RuleDescriptor> descriptors() {
    return RuleCatalog.descriptors().stream()
        .map(d -> d.atLevel(isOn(d.info()) ? level(d.info()).severity() : null))
        .toList();
  }

  /**
   * The result as reported: without the findings of rules that are off (the checks that are off
   * do not run at all, but the engine reports parse errors itself), and each other finding at its
   * rule's level.
   */
  public AnalysisResult applyTo(AnalysisResult result) {
    List<Finding> kept = new ArrayList<>();
    for (Finding f : result.findings()) {
      RuleLevel level = level(f.rule());
      if (level != RuleLevel.OFF) {
        kept.add(level.severity() == f.severity() ? f : relevelled(f, level));
      }
    }
    return new AnalysisResult(kept, result.notifications(), result.files(), result.reused());
  }

  private static Finding relevelled(Finding f, RuleLevel level) {
    return new Finding(
        f.rule(), level.severity(), f.file(), f.primary(), f.message(), f.primaryLabel(), f.labels(), f.notes(), f.subject(), f.flow(),
        f.sourceLines());
  }

  void checkNames() throws InvalidSettings {
    for (Setting s : settings) {
      if (RuleCatalog.find(s.rule()).isEmpty()) {
        throw new InvalidSettings(RuleCatalog.unknownRuleMessage(s.rule()));
      }
    }
  }
}
