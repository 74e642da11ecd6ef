package org.borrowck4j.rules.settings;

import java.util.List;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.rules.RuleCatalog;

/**
 * Which rules are on, by id ({@code use-after-move}) or code ({@code BC001}), case-insensitive.
 * Today a rule is either on or off; per-rule levels ({@code off}, {@code warning}, {@code error})
 * belong here too, so that the front ends keep asking this one object.
 *
 * @param disabled the names of the rules turned off, as written (surrounding blanks removed:
 *     {@code -Dborrowck.disabledRules="BC001, BC003"} turns off both)
 */
public record RuleSelection(List<String> disabled) {
  /** Every rule on. */
  public static final RuleSelection ALL = new RuleSelection(List.of());

  public RuleSelection {
    disabled = disabled.stream().map(String::strip).toList();
  }

  /** Whether the rule runs and its findings are reported. */
  public boolean isOn(RuleInfo rule) {
    return disabled.stream().noneMatch(rule::isNamed);
  }

  /**
   * The result without the findings of rules that are off. The checks that are off do not run at
   * all, but the engine reports parse errors (BC901) itself, so they are taken out here.
   */
  public AnalysisResult applyTo(AnalysisResult result) {
    return new AnalysisResult(
        result.findings().stream().filter(f -> isOn(f.rule())).toList(), result.notifications(), result.files());
  }

  void checkNames() throws InvalidSettings {
    for (String name : disabled) {
      if (RuleCatalog.find(name).isEmpty()) {
        throw new InvalidSettings(RuleCatalog.unknownRuleMessage(name));
      }
    }
  }
}
