package org.borrowck4j.rules;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.parse.JavaSourceParser;

/**
 * Assembles an analysis with the built-in rules and models. Front ends do not call it themselves:
 * they describe what they want in the settings ({@code rules.settings.Settings}), which check it
 * and come here.
 */
public final class Borrowck {
  private Borrowck() {}

  /** The default analysis: every rule, no stubs, no classpath, one thread. */
  public static AnalyzerConfig config() {
    return config(null, List.of(), List.of(), rule -> true, 1, false, false);
  }

  /**
   * @param runs whether a rule is to run
   * @param strict the stricter mode (unannotated parameters of owned types are borrows; unknown
   *     calls keep what they are given)
   * @param reportUnusedSuppressions report {@code @SuppressWarnings("borrowck…")} that suppress nothing
   */
  public static AnalyzerConfig config(
      LanguageLevel level,
      List<Path> classpath,
      List<Declared.FileDeclarations> userStubs,
      Predicate<RuleInfo> runs,
      int jobs,
      boolean strict,
      boolean reportUnusedSuppressions) {
    List<Rule> rules = RuleCatalog.checks().stream().filter(r -> runs.test(r.info())).toList();
    return new AnalyzerConfig(
        level == null ? JavaSourceParser.newestLevel() : level,
        classpath,
        userStubs,
        BuiltinModels::load,
        rules,
        jobs,
        strict,
        reportUnusedSuppressions,
        name -> RuleCatalog.find(name).isPresent(),
        java.nio.charset.StandardCharsets.UTF_8,
        org.borrowck4j.analyzer.dataflow.Budget.DEFAULT_STEPS);
  }
}
