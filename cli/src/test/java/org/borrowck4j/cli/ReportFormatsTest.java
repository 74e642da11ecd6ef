package org.borrowck4j.cli;

import static org.borrowck4j.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every output format on the showcase, compared with golden files (paths relative to the
 * repository, the version replaced). Regenerate them with {@code -Dborrowck.updateGolden=true}
 * after a deliberate change, and review the diff.
 */
class ReportFormatsTest {
  static final Path REPO = Paths.get(System.getProperty("borrowck.testdata", "../testdata")).toAbsolutePath().normalize().getParent();

  static String normalise(String output) {
    return output
        .replace(REPO.toUri().toString(), "file:///REPO/")
        .replace(REPO + "/", "")
        .replace(Version.get(), "VERSION");
  }

  static CommandLineTest.Run showcase(String... options) {
    return CommandLineTest.runFrom(REPO, REPO.resolve("testdata/showcase"), options);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github"})
  void showcaseMatchesItsGoldenFile(String format) throws Exception {
    CommandLineTest.Run r = showcase("--format", format);
    assertEquals(1, r.exit(), r.err());
    assertGolden("golden/showcase." + format, normalise(r.out()));
    if (format.equals("sarif")) {
      SarifSchema.assertValid(r.out());
    }
  }

  /** {@code --statistics}: the findings per rule after the text, in JSON and as SARIF run properties. */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif"})
  void statisticsMatchTheirGoldenFiles(String format) throws Exception {
    CommandLineTest.Run r = showcase("--format", format, "--statistics", "--quiet");
    assertEquals(1, r.exit(), r.err());
    assertGolden("golden/showcase-statistics." + format, normalise(r.out()));
    if (format.equals("sarif")) {
      SarifSchema.assertValid(r.out());
    }
  }

  /** {@code borrowck rules}: every rule with its default and effective level. */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void rulesListMatchesItsGoldenFile(String format) throws Exception {
    CommandLineTest.Run r = ProjectConfigTest.runIn(REPO.resolve("testdata"), "rules", "--format", format);
    assertEquals(0, r.exit(), r.err());
    assertGolden("golden/rules." + format, r.out());
    CommandLineTest.Run reactor = ProjectConfigTest.runIn(ProjectConfigTest.REACTOR, "rules", "--format", format);
    assertTrue(reactor.out().contains(format.equals("json") ? "\"level\" : \"warning\"" : "conflicting-borrow  error    warning"), reactor.out());
  }

  private void assertGolden(String name, String actual) throws IOException {
    Path source = Paths.get("src/test/resources").resolve(name);
    if (Boolean.getBoolean("borrowck.updateGolden")) {
      Files.writeString(source, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try (InputStream in = getClass().getResourceAsStream("/" + name)) {
      expected = in == null ? "<missing " + name + ">" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, actual, "output differs from " + source + " (-Dborrowck.updateGolden=true regenerates it)");
  }

  @Test
  void sarifCarriesWhatCodeScanningNeeds() throws Exception {
    JsonNode log = SarifSchema.assertValid(showcase("--format", "sarif").out());
    JsonNode run = log.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertEquals("borrowck", driver.path("name").asText());
    assertTrue(driver.path("rules").size() >= 7, "every rule is described");
    for (JsonNode rule : driver.path("rules")) {
      for (String field : new String[] {"id", "name"}) {
        assertFalse(rule.path(field).asText().isEmpty(), field + " of " + rule);
      }
      // No page about the rules is published: a link would lead nowhere (decision 110).
      assertTrue(rule.path("helpUri").isMissingNode(), "helpUri of " + rule.path("id"));
      assertFalse(rule.path("shortDescription").path("text").asText().isEmpty());
      assertFalse(rule.path("fullDescription").path("text").asText().isEmpty());
      assertTrue(rule.path("help").path("markdown").asText().contains("## Wrong"), "help has a wrong example: " + rule.path("id"));
      assertTrue(rule.path("help").path("markdown").asText().contains("## Right"), "help has a right example: " + rule.path("id"));
      assertFalse(rule.path("properties").path("precision").asText().isEmpty());
      assertTrue(rule.path("properties").path("tags").size() > 0);
    }
    assertEquals("utf16CodeUnits", run.path("columnKind").asText());
    assertTrue(run.path("invocations").get(0).path("executionSuccessful").asBoolean());
    for (JsonNode result : run.path("results")) {
      JsonNode location = result.path("locations").get(0).path("physicalLocation");
      assertEquals("%SRCROOT%", location.path("artifactLocation").path("uriBaseId").asText());
      assertTrue(location.path("artifactLocation").path("uri").asText().startsWith("testdata/showcase/"));
      assertEquals(result.path("ruleId").asText(), driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asText());
      String hash = result.path("partialFingerprints").path("primaryLocationLineHash").asText();
      assertTrue(hash.matches("[0-9a-f]+:\\d+"), "GitHub line hash: " + hash);
      String message = result.path("message").path("text").asText();
      int links = result.path("relatedLocations").size();
      for (int i = 1; i <= links; i++) {
        assertTrue(message.contains("](" + i + ")"), "message references related location " + i + ": " + message);
      }
      assertTrue(message.indexOf(". ") > 0 || !message.contains("]("), "the first sentence stands alone: " + message);
    }
  }

  @Test
  void primaryLocationLineHashIsComputedAsCodeqlActionDoes() throws Exception {
    // Reference values printed by github/codeql-action's fingerprints.ts algorithm (run in node
    // with the `long` package) on the same texts.
    var hashes = org.borrowck4j.analyzer.report.Fingerprints.lineHashes("hello\n  hello\nworld");
    assertEquals("c385751b43bb2b7:1", hashes.get(1));
    assertEquals("b01c407d36a555d5:1", hashes.get(2));
    assertEquals("7ccada68dd16a863:1", hashes.get(3));
    var crlf = org.borrowck4j.analyzer.report.Fingerprints.lineHashes("a\r\nb\r\n\r\nb");
    assertEquals("378882c6d5e96cea:1", crlf.get(1));
    assertEquals("cc4c43d77869440f:1", crlf.get(3));
    assertEquals("8ee5a81e681643c1:1", crlf.get(4));
    // And on a real file, end to end: the finding at Pipeline.java:23 of the showcase.
    JsonNode log = SarifSchema.assertValid(showcase("--format", "sarif").out());
    boolean seen = false;
    for (JsonNode result : log.path("runs").get(0).path("results")) {
      JsonNode region = result.path("locations").get(0).path("physicalLocation").path("region");
      String uri = result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
      if (uri.endsWith("Pipeline.java") && region.path("startLine").asInt() == 23) {
        assertEquals("8603b4d6a54c948c:1", result.path("partialFingerprints").path("primaryLocationLineHash").asText());
        seen = true;
      }
    }
    assertTrue(seen);
  }

  @Test
  void jsonSchemaIsStableAndDocumented() throws Exception {
    JsonNode root = new ObjectMapper().readTree(showcase("--format", "json").out());
    assertEquals(1, root.path("version").asInt());
    JsonNode f = root.path("findings").get(0);
    for (String field : new String[] {"file", "line", "column", "endLine", "endColumn", "rule", "code", "level", "message", "label", "secondary", "notes", "fingerprint"}) {
      assertTrue(f.has(field), "finding has " + field + ": " + f);
    }
    assertEquals(6, root.path("summary").path("errors").asInt());
    assertEquals(1, root.path("summary").path("warnings").asInt());
    String doc = Files.readString(REPO.resolve("docs/output.md"));
    f.fieldNames().forEachRemaining(field -> assertTrue(doc.contains("`" + field + "`"), "docs/output.md documents " + field));
  }

  @Test
  void githubAnnotationsEscapeTheirData() {
    String out = showcase("--format", "github").out();
    for (String line : out.split("\n")) {
      assertTrue(line.startsWith("::error file=") || line.startsWith("::warning file="), line);
      assertTrue(line.contains(",line=") && line.contains(",col=") && line.contains(",title=BC"), line);
      assertFalse(line.substring(2).contains("\r"), line);
    }
    assertTrue(out.contains("%0A"), "multi-line messages are escaped");
  }

  @Test
  void generateCompletionPrintsABashScript() {
    CommandLineTest.Run r = run("generate-completion");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("complete") && r.out().contains("borrowck"), r.out());
    assertTrue(r.out().contains("--format"), "options are completed");
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
