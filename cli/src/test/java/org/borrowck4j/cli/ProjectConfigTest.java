package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** borrowck.toml as the command line reads it, and the options that go with it. */
class ProjectConfigTest {
  @TempDir Path dir;

  /** The Maven plugin's three-module integration test: its borrowck.toml lowers BC003. */
  static final Path REACTOR = ReportFormatsTest.REPO.resolve("maven-plugin/src/it/reactor-aggregate");

  static CommandLineTest.Run runIn(Path workingDirectory, String... args) {
    return runIn(new Environment(Map.of(), false, workingDirectory), args);
  }

  static CommandLineTest.Run runIn(Environment env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandLineTest.Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static final String CONFLICT =
      "import java.util.List;\n"
          + "class Conflict {\n"
          + "  void m(List<String> names) {\n"
          + "    for (String n : names) {\n"
          + "      names.remove(n);\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  @Test
  void theReactorsFileLowersConflictingBorrowToAWarningAsForTheMavenPlugin() throws Exception {
    CommandLineTest.Run r = runIn(REACTOR, REACTOR.toString());
    String names = REACTOR.resolve("lists/src/main/java/lists/Names.java").toString();
    assertTrue(r.out().contains(names + ":10:9: warning: "), r.out());
    assertTrue(r.out().contains("[BC003 conflicting-borrow]"), r.out());
    assertFalse(r.out().contains("Generated.java"), "excluded by the file's [files] exclude: " + r.out());
    assertTrue(r.out().contains("error: use of moved value `message` [BC001"), r.out());
    assertEquals(1, r.exit(), "BC001 is still an error");

    JsonNode sarif = SarifSchema.assertValid(runIn(REACTOR, "--format", "sarif", REACTOR.toString()).out());
    JsonNode run = sarif.path("runs").get(0);
    JsonNode conflict = null;
    for (JsonNode result : run.path("results")) {
      if (result.path("ruleId").asText().equals("conflicting-borrow")) {
        conflict = result;
      }
    }
    assertEquals("warning", conflict.path("level").asText());
    assertEquals(
        "lists/src/main/java/lists/Names.java",
        conflict.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText(),
        "URIs are relative to the file's directory, the project's root");
    JsonNode override = run.path("invocations").get(0).path("ruleConfigurationOverrides").get(0);
    assertEquals("conflicting-borrow", override.path("descriptor").path("id").asText(), run.path("invocations").toString());
    assertEquals("warning", override.path("configuration").path("level").asText());

    JsonNode json = new ObjectMapper().readTree(runIn(REACTOR, "--format", "json", REACTOR.toString()).out());
    assertEquals(1, json.path("summary").path("warnings").asInt());
    assertEquals(1, json.path("summary").path("errors").asInt());
  }

  @Test
  void levelsDecideTheExitCodeAndTheCommandLineWins() throws Exception {
    Path source = write("src/Conflict.java", CONFLICT);
    assertEquals(1, runIn(dir, source.toString()).exit(), "no file: BC003 is an error");
    write("borrowck.toml", "[rules]\nconflicting-borrow = \"warning\"\n");
    Path sub = Files.createDirectories(dir.resolve("src/deeper"));
    CommandLineTest.Run warned = runIn(sub, source.toString());
    assertEquals(0, warned.exit(), "found walking up from the working directory: " + warned.out() + warned.err());
    assertTrue(warned.out().contains("warning: "), warned.out());
    CommandLineTest.Run off = runIn(sub, "--disable", "BC003", source.toString());
    assertEquals("", off.out(), "--disable is added after the file's levels");
    Path other = write("other.toml", "[rules]\nBC003 = \"error\"\n");
    assertEquals(1, runIn(sub, "--config", other.toString(), source.toString()).exit(), "--config names another file");
  }

  @Test
  void aBadFileIsOneLineNamingFileLineAndKeyWithExitTwo() throws Exception {
    Path source = write("src/Conflict.java", CONFLICT);
    Path config = write("borrowck.toml", "strict = false\n\n[rules]\nBC003 = \"warn\"\n");
    CommandLineTest.Run r = runIn(dir, source.toString());
    assertEquals(2, r.exit());
    assertEquals("borrowck: error: " + config + ":4: rules.BC003: unknown level \"warn\" (levels: off, warning, error)\n", r.err());
    CommandLineTest.Run missing = runIn(dir, "--config", "nope.toml", source.toString());
    assertEquals(2, missing.exit());
    assertEquals("borrowck: error: no such configuration file: nope.toml\n", missing.err());
  }

  @Test
  void excludesFromTheFileAndTheCommandLine() throws Exception {
    write("src/Conflict.java", CONFLICT);
    write("target/generated/Gen.java", CONFLICT.replace("Conflict", "Gen"));
    write("build/Other.java", CONFLICT.replace("Conflict", "Other"));
    write("borrowck.toml", "[files]\nexclude = [\"target\"]\n");
    CommandLineTest.Run r = runIn(dir, "--exclude", "build/**", dir.toString());
    assertTrue(r.out().contains("Conflict.java"), r.out());
    assertFalse(r.out().contains("Gen.java"), r.out());
    assertFalse(r.out().contains("Other.java"), r.out());
    assertTrue(r.out().contains("in 1 file analysed"), r.out());

    CommandLineTest.Run named = runIn(dir, dir.resolve("target/generated/Gen.java").toString());
    assertEquals(0, named.exit(), named.err());
    assertEquals("", named.out());
    assertTrue(named.err().contains("Gen.java: excluded by borrowck.toml [files] exclude \"target\""), named.err());
  }

  @Test
  void aRelativeInputIsRelativeToTheWorkingDirectoryAndItsUriToTheSourceRoot() throws Exception {
    // Surefire runs in cli/: the showcase is ../testdata/showcase, and the repository is "..".
    JsonNode sarif = SarifSchema.assertValid(CommandLineTest.run("--format", "sarif", "--source-root", "..", "../testdata/showcase").out());
    String uri =
        sarif.path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
    assertTrue(uri.startsWith("testdata/showcase/src/main/java/"), uri);
  }

  @Test
  void exitZeroKeepsFailuresAtTwo() throws Exception {
    Path source = write("src/Conflict.java", CONFLICT);
    CommandLineTest.Run r = runIn(dir, "--exit-zero", source.toString());
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("error: "), r.out());
    assertEquals(2, runIn(dir, "--exit-zero", dir.resolve("missing.java").toString()).exit());
  }

  @Test
  void theBaselineOfTheFileIsRelativeToIt() throws Exception {
    Path source = write("src/Conflict.java", CONFLICT);
    write("borrowck.toml", "baseline = \"accepted.json\"\n");
    Path sub = Files.createDirectories(dir.resolve("src"));
    CommandLineTest.Run written = runIn(sub, "--write-baseline", dir.resolve("accepted.json").toString(), source.toString());
    assertEquals(0, written.exit(), written.err());
    assertTrue(Files.readString(dir.resolve("accepted.json")).contains("\"file\" : \"src/Conflict.java\""), "relative to the file's directory");
    CommandLineTest.Run r = runIn(sub, source.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("(1 baselined)"), r.out());
  }
}
