package org.borrowck4j.rules.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/** What the settings become for the engine, and the one line a user reads for each bad value. */
class SettingsTest {
  static final SettingNames CLI = new SettingNames("--source-level", "--jobs", "--analysis-budget", "--encoding");

  private static AnalyzerConfig config(Settings.Builder settings) throws InvalidSettings {
    return settings.build().analyzerConfig(CLI);
  }

  private static String messageOf(Settings.Builder settings) {
    return assertThrows(InvalidSettings.class, () -> config(settings)).getMessage();
  }

  @Test
  void defaultsRunEveryRuleAtTheNewestLevelInUtf8OnEveryProcessor() throws InvalidSettings {
    AnalyzerConfig config = Settings.DEFAULTS.analyzerConfig(CLI);
    assertEquals(JavaSourceParser.newestLevel(), config.languageLevel());
    assertEquals(RuleCatalog.checks().size(), config.rules().size());
    assertEquals(StandardCharsets.UTF_8, config.encoding());
    assertEquals(Runtime.getRuntime().availableProcessors(), config.jobs());
    assertEquals(Budget.DEFAULT_STEPS, config.stepBudget());
    assertFalse(config.strict());
    assertFalse(config.reportUnusedSuppressions());
    assertEquals(List.of(), config.classpath());
    assertEquals(List.of(), config.userStubs());
  }

  @Test
  void everyValueReachesTheEngine() throws InvalidSettings {
    AnalyzerConfig config =
        config(
            Settings.builder()
                .sourceLevel("11")
                .jobs(3)
                .analysisBudget(500L)
                .encoding("ISO-8859-1")
                .strict(true)
                .reportUnusedSuppressions(true)
                .classpath(List.of(Path.of("lib.jar")))
                .rules(RuleSelection.disabling(List.of("use-after-move"))));
    assertEquals(LanguageLevel.JAVA_11, config.languageLevel());
    assertEquals(3, config.jobs());
    assertEquals(500, config.stepBudget());
    assertEquals(StandardCharsets.ISO_8859_1, config.encoding());
    assertTrue(config.strict());
    assertTrue(config.reportUnusedSuppressions());
    assertEquals(List.of(Path.of("lib.jar")), config.classpath());
    assertEquals(RuleCatalog.checks().size() - 1, config.rules().size());
    assertTrue(config.knownRule().test("BC901"), "suppressions may still name every rule");
  }

  @Test
  void sourceLevelsAsPeopleWriteThem() throws InvalidSettings {
    assertEquals(LanguageLevel.JAVA_17, config(Settings.builder().sourceLevel("17")).languageLevel());
    assertEquals(LanguageLevel.JAVA_21, config(Settings.builder().sourceLevel("21")).languageLevel());
    assertEquals(LanguageLevel.JAVA_8, config(Settings.builder().sourceLevel("1.8")).languageLevel());
    assertEquals(LanguageLevel.JAVA_8, config(Settings.builder().sourceLevel("8")).languageLevel());
    assertEquals(LanguageLevel.JAVA_11, config(Settings.builder().sourceLevel(" 11 ")).languageLevel());
  }

  @Test
  void aSourceLevelThatIsNoNumberOrNotSupported() {
    assertEquals(
        "--source-level takes a Java version number such as 17, not: abc", messageOf(Settings.builder().sourceLevel("abc")));
    assertEquals("--source-level takes a Java version number such as 17, not: ", messageOf(Settings.builder().sourceLevel("")));
    assertEquals("unsupported --source-level: 99", messageOf(Settings.builder().sourceLevel("99")));
    assertEquals("unsupported --source-level: 1.99", messageOf(Settings.builder().sourceLevel("1.99")));
  }

  @Test
  void jobsAndBudgetMustBePositive() {
    assertEquals("--jobs must be at least 1", messageOf(Settings.builder().jobs(0)));
    assertEquals("--jobs must be at least 1", messageOf(Settings.builder().jobs(-4)));
    assertEquals("--analysis-budget must be at least 1", messageOf(Settings.builder().analysisBudget(0L)));
  }

  @Test
  void anUnknownEncoding() {
    assertEquals("unknown --encoding: no-such-charset", messageOf(Settings.builder().encoding("no-such-charset")));
    assertEquals("unknown --encoding: bad name!", messageOf(Settings.builder().encoding("bad name!")));
  }

  @Test
  void anUnknownRuleListsTheRules() {
    String message = messageOf(Settings.builder().rules(RuleSelection.disabling(List.of("BC001", "no-such-rule"))));
    assertTrue(message.startsWith("unknown rule: no-such-rule (rules: BC001 use-after-move, BC002 "), message);
    assertTrue(message.endsWith(", BC901 parse-error)"), message);
  }

  @Test
  void aMissingStubIsInvalid() {
    assertEquals(
        "no such stub file or directory: " + Path.of("no", "such.astub"),
        messageOf(Settings.builder().stubs(List.of(Path.of("no", "such.astub")))));
  }

  @Test
  void messagesNameTheSettingAsTheFrontEndSpellsIt() {
    SettingNames pom = new SettingNames("maven.compiler.source", "jobs", "analysisBudget", "encoding");
    Settings settings = Settings.builder().sourceLevel("99").build();
    InvalidSettings e = assertThrows(InvalidSettings.class, () -> settings.analyzerConfig(pom));
    assertEquals("unsupported maven.compiler.source: 99", e.getMessage());
  }

  @Test
  void theFirstBadSettingIsReported() {
    assertEquals(
        "--source-level takes a Java version number such as 17, not: x",
        messageOf(Settings.builder().sourceLevel("x").jobs(0).stubs(List.of(Path.of("missing")))));
  }

  @Test
  void aBuilderFromSettingsChangesOnlyWhatIsSet() {
    Settings file = Settings.builder().sourceLevel("11").strict(true).jobs(2).build();
    Settings overridden = file.toBuilder().jobs(4).build();
    assertEquals(file.sourceLevel(), overridden.sourceLevel());
    assertTrue(overridden.strict());
    assertEquals(4, overridden.jobs().getAsInt());
    assertEquals(file, file.toBuilder().build(), "settings are values");
    Settings notGiven = file.toBuilder().sourceLevel(null).encoding(null).jobs(null).analysisBudget(null).build();
    assertEquals(file, notGiven, "null is an option not given: it keeps what is there");
  }
}
