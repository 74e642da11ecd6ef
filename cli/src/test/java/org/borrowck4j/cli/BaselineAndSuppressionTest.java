package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines (writing, using, surviving line shifts, going stale) and unused suppressions. */
class BaselineAndSuppressionTest {
  @TempDir Path dir;

  private static final String HEADER =
      "import org.borrowck4j.annotations.*;\n"
          + "class Jobs {\n"
          + "  static class Lease { @Consumes void release() {} int id() { return 1; } }\n";

  private static final String OLD_BUG =
      "  int old(Lease a) {\n"
          + "    a.release();\n"
          + "    return a.id();\n"
          + "  }\n";

  private static final String NEW_BUG =
      "  int fresh(Lease b) {\n"
          + "    b.release();\n"
          + "    return b.id();\n"
          + "  }\n";

  private Path source(String body) throws IOException {
    Path p = dir.resolve("src/Jobs.java");
    Files.createDirectories(p.getParent());
    Files.writeString(p, HEADER + body + "}\n", StandardCharsets.UTF_8);
    return p;
  }

  private CommandLineTest.Run borrowck(String... options) {
    return CommandLineTest.runFrom(dir, dir.resolve("src"), options);
  }

  @Test
  void aBaselineHidesAcceptedFindingsAndSurvivesLineShifts() throws Exception {
    source(OLD_BUG);
    Path baseline = dir.resolve("baseline.json");
    CommandLineTest.Run write = borrowck("--write-baseline", baseline.toString());
    assertEquals(0, write.exit(), "writing a baseline accepts the findings: " + write.err());
    assertTrue(write.err().contains("wrote 1 findings to the baseline"), write.err());
    String json = Files.readString(baseline);
    assertTrue(json.contains("\"rule\" : \"use-after-move\"") && json.contains("\"file\" : \"src/Jobs.java\""), json);
    assertFalse(json.contains("\"line\""), "no line numbers in a baseline");

    // Unrelated lines move the old finding down: still accepted.
    source("  // a comment\n  int unrelated() { return 0; }\n\n" + OLD_BUG);
    CommandLineTest.Run shifted = borrowck("--baseline", baseline.toString());
    assertEquals(0, shifted.exit(), shifted.out() + shifted.err());
    assertEquals("borrowck: 0 errors, 0 warnings in 1 file analysed (1 baselined)\n", shifted.out(), "accepted findings are counted");
    assertEquals("", shifted.err(), "nothing is stale");

    // A new bug is reported; the accepted one stays hidden.
    source(OLD_BUG + NEW_BUG);
    CommandLineTest.Run fresh = borrowck("--baseline", baseline.toString());
    assertEquals(1, fresh.exit());
    assertTrue(fresh.out().contains("use of consumed value `b`"), fresh.out());
    assertFalse(fresh.out().contains("`a`"), fresh.out());

    // In SARIF both are there, with their baseline state.
    JsonNode log = SarifSchema.assertValid(borrowck("--baseline", baseline.toString(), "--format", "sarif").out());
    JsonNode results = log.path("runs").get(0).path("results");
    assertEquals(2, results.size());
    assertEquals("unchanged", results.get(0).path("baselineState").asText());
    assertEquals("new", results.get(1).path("baselineState").asText());
    // Code scanning shows a suppressed result as closed, not as an open alert.
    JsonNode suppression = results.get(0).path("suppressions").get(0);
    assertEquals("external", suppression.path("kind").asText(), results.get(0).toString());
    assertEquals("accepted", suppression.path("status").asText());
    assertTrue(results.get(1).path("suppressions").isMissingNode(), "a new finding is not suppressed");
    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(borrowck("--baseline", baseline.toString(), "--format", "json").out());
    assertEquals(1, report.path("summary").path("baselined").asInt(), report.toString());

    // The old bug is fixed: its entry is stale and says so.
    source(NEW_BUG);
    CommandLineTest.Run stale = borrowck("--baseline", baseline.toString());
    assertEquals(1, stale.exit());
    assertTrue(stale.err().contains("baseline entry matches no finding any more (use-after-move"), stale.err());
  }

  @Test
  void aBrokenBaselineIsOneLineAndExitTwo() throws Exception {
    source(OLD_BUG);
    Path baseline = Files.writeString(dir.resolve("baseline.json"), "{ not json");
    CommandLineTest.Run r = borrowck("--baseline", baseline.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("borrowck: error: cannot read baseline"), r.err());
    assertEquals(1, r.err().lines().count());
  }

  @Test
  void unusedSuppressionsAreReportedOnlyWhenAsked() throws Exception {
    source(
        "  @SuppressWarnings(\"borrowck:use-after-move\")\n"
            + "  int clean(Lease a) { return a.id(); }\n"
            + "  @SuppressWarnings(\"borrowck:no-such-rule\")\n"
            + "  int typo(Lease a) { return a.id(); }\n");
    CommandLineTest.Run quiet = borrowck();
    assertEquals(0, quiet.exit());
    assertTrue(quiet.err().contains("@SuppressWarnings(\"borrowck:no-such-rule\") names no borrowck rule"), quiet.err());
    assertFalse(quiet.err().contains("unused suppression"), quiet.err());
    CommandLineTest.Run asked = borrowck("--warn-unused-suppressions");
    assertEquals(0, asked.exit());
    assertTrue(asked.err().contains("Jobs.java:4:3: unused suppression @SuppressWarnings(\"borrowck:use-after-move\")"), asked.err());
  }

  @Test
  void sarifForAParseErrorAndToolNotificationsIsValid() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/Broken.java"), "class Broken { void m( }\n");
    source(OLD_BUG);
    JsonNode log = SarifSchema.assertValid(borrowck("--format", "sarif").out());
    JsonNode notifications = log.path("runs").get(0).path("invocations").get(0).path("toolExecutionNotifications");
    assertEquals(1, notifications.size());
    assertEquals("parse-error", notifications.get(0).path("descriptor").path("id").asText());
  }
}
