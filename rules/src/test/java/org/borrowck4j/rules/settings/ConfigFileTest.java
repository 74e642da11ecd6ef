package org.borrowck4j.rules.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.rules.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** borrowck.toml: every key, and one line naming file, line and key for whatever is wrong. */
class ConfigFileTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve(ConfigFile.NAME), text);
  }

  private Settings settings(String text) throws Exception {
    return ConfigFile.read(write(text)).settings();
  }

  private String problem(String text) throws IOException {
    Path file = write(text);
    return assertThrows(InvalidSettings.class, () -> ConfigFile.read(file).settings()).getMessage().replace(file.toString(), "FILE");
  }

  @Test
  void everyKeyIsRead() throws Exception {
    Settings s =
        settings(
            "# the project's settings\n"
                + "source-level = 11\n"
                + "stubs = [\"models\", \"more/x.astub\"]\n"
                + "strict = true\n"
                + "infer = false\n"
                + "baseline = \"borrowck-baseline.json\"\n"
                + "cache = \".borrowck-cache\"\n"
                + "source-path = [\"src/main/java\", \"gen\"]\n"
                + "\n"
                + "[rules]\n"
                + "conflicting-borrow = \"warning\"\n"
                + "BC006 = \"off\"\n"
                + "bc002 = \"ERROR\"\n"
                + "\n"
                + "[files]\n"
                + "include = [\"src/**\"]\n"
                + "exclude = [\n  \"**/generated/**\",\n  \"legacy\",\n]\n");
    assertEquals(Optional.of("11"), s.sourceLevel());
    assertEquals(List.of(dir.resolve("models"), dir.resolve("more/x.astub")), s.stubs(), "paths are relative to the file");
    assertTrue(s.strict());
    assertFalse(s.infer());
    assertTrue(Settings.DEFAULTS.infer(), "inference is on unless turned off");
    assertEquals(Optional.of(dir.resolve("borrowck-baseline.json")), s.baseline());
    assertEquals(Optional.of(dir.resolve(".borrowck-cache")), s.cache(), "relative to the file");
    assertEquals(List.of(dir.resolve("src/main/java"), dir.resolve("gen")), s.sourcePath());
    assertTrue(Settings.DEFAULTS.cache().isEmpty(), "no cache unless asked for");
    assertEquals(RuleLevel.WARNING, s.rules().level(RuleCatalog.find("BC003").orElseThrow()));
    assertFalse(s.rules().isOn(RuleCatalog.find("owned-value-leaked").orElseThrow()));
    assertEquals(RuleLevel.ERROR, s.rules().level(RuleCatalog.find("BC002").orElseThrow()));
    assertEquals(RuleLevel.ERROR, s.rules().level(RuleCatalog.find("BC001").orElseThrow()), "unnamed rules keep their default");
    assertTrue(s.files().leftOut(dir.resolve("src/a/generated/A.java")).isPresent());
    assertTrue(s.files().leftOut(dir.resolve("src/legacy/A.java")).isPresent());
    assertTrue(s.files().leftOut(dir.resolve("test/A.java")).isPresent());
    assertTrue(s.files().leftOut(dir.resolve("src/a/A.java")).isEmpty());
  }

  @Test
  void anEmptyFileIsTheDefaults() throws Exception {
    assertEquals(Settings.DEFAULTS, settings(""));
    assertEquals(Settings.DEFAULTS, settings("# nothing yet\n[rules]\n"));
  }

  @Test
  void unknownKeysAndLevelsNameFileLineAndKey() throws Exception {
    assertEquals(
        "FILE:2: sourcelevel: unknown key (keys: source-level, stubs, strict, infer, baseline, cache, source-path, rules, files)",
        problem("strict = true\nsourcelevel = 17\n"));
    assertEquals(
        "FILE:3: rules.BC003: unknown level \"warn\" (levels: off, warning, error)",
        problem("[rules]\nBC001 = \"error\"\nBC003 = \"warn\"\n"));
    assertTrue(problem("\n[rules]\nBC999 = \"off\"\n").startsWith("FILE:3: rules.BC999: unknown rule (rules: BC001 use-after-move,"));
    assertEquals("FILE:2: files.exlude: unknown key (keys: include, exclude)", problem("[files]\nexlude = [\"x\"]\n"));
    assertEquals("FILE:1: rules.BC001: unknown level true (levels: off, warning, error)", problem("rules.BC001 = true\n"));
  }

  @Test
  void wrongTypesAndValuesNameTheKey() throws Exception {
    assertEquals("FILE:1: strict: must be true or false", problem("strict = \"yes\"\n"));
    assertEquals("FILE:1: source-level: unsupported: 99", problem("source-level = \"99\"\n"));
    assertEquals("FILE:1: source-level: takes a Java version number such as 17, not: x", problem("source-level = \"x\"\n"));
    assertEquals("FILE:1: stubs: must be a string or an array of strings", problem("stubs = 3\n"));
    assertEquals("FILE:1: rules: must be a table: [rules]", problem("rules = 1\n"));
    assertEquals("FILE:2: files.include: must be an array of non-empty strings", problem("[files]\ninclude = [1]\n"));
  }

  @Test
  void invalidTomlIsOneLineWithItsLine() throws Exception {
    String message = problem("strict = true\n[rules\n");
    assertTrue(message.startsWith("FILE:2: not valid TOML: "), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void theNearestFileIsFoundWalkingUpToTheTop() throws Exception {
    Path config = write("");
    Path deep = Files.createDirectories(dir.resolve("a/b/c"));
    assertEquals(Optional.of(config), ConfigFile.find(deep, null));
    assertEquals(Optional.of(config), ConfigFile.find(deep, dir), "the top itself is searched");
    assertEquals(Optional.empty(), ConfigFile.find(deep, dir.resolve("a")), "nothing above the top");
    Path nearer = Files.writeString(dir.resolve("a/b/" + ConfigFile.NAME), "");
    assertEquals(Optional.of(nearer), ConfigFile.find(deep, null));
  }

  @Test
  void levelsAreAppliedToFindingsOnceAndTheCommandLineWins() throws Exception {
    RuleSelection file = settings("[rules]\nBC001 = \"warning\"\nBC003 = \"warning\"\n").rules();
    RuleSelection merged = file.then(RuleSelection.disabling(List.of("BC003")));
    assertEquals(RuleLevel.WARNING, merged.level(RuleCatalog.find("BC001").orElseThrow()));
    assertEquals(RuleLevel.OFF, merged.level(RuleCatalog.find("BC003").orElseThrow()));
    var descriptors = merged.descriptors();
    assertEquals(Severity.WARNING, descriptors.get(0).level());
    assertTrue(descriptors.get(0).configured());
    assertEquals(null, descriptors.get(2).level(), "off");
    assertFalse(descriptors.get(1).configured());
  }
}
