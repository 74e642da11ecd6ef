package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour and the progress line: only for a person at a terminal that can show them. */
class TerminalTest {
  private static Environment env(boolean terminal, String... variables) {
    Map<String, String> vars = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      vars.put(variables[i], variables[i + 1]);
    }
    return new Environment(vars, terminal, Path.of(""));
  }

  @Test
  void colourFollowsNoColorForceColorAndTerm() {
    assertTrue(ColorMode.auto.enabled(env(true), false));
    assertFalse(ColorMode.auto.enabled(env(false), false), "a pipe");
    assertFalse(ColorMode.auto.enabled(env(true, "NO_COLOR", "1"), false));
    assertTrue(ColorMode.auto.enabled(env(true, "NO_COLOR", ""), false), "NO_COLOR counts only when not empty");
    assertFalse(ColorMode.auto.enabled(env(true, "TERM", "dumb"), false));
    assertTrue(ColorMode.auto.enabled(env(false, "FORCE_COLOR", "1"), false));
    assertFalse(ColorMode.auto.enabled(env(false, "FORCE_COLOR", ""), false));
    assertFalse(ColorMode.auto.enabled(env(true, "NO_COLOR", "1", "FORCE_COLOR", "1"), false), "NO_COLOR wins");
    assertTrue(ColorMode.always.enabled(env(false, "NO_COLOR", "1"), false), "the option wins");
    assertFalse(ColorMode.never.enabled(env(true, "FORCE_COLOR", "1"), false));
    assertFalse(ColorMode.always.enabled(env(true), true), "never into a file");
  }

  @Test
  void colourReachesTheOutput() {
    String showcase = CommandLineTest.showcase().toString();
    CommandLineTest.Run always = CommandLineTest.run("--color", "always", showcase);
    assertTrue(always.out().contains("\u001b[1;31merror:"), always.out());
    CommandLineTest.Run forced = ProjectConfigTest.runIn(env(false, "FORCE_COLOR", "1"), showcase);
    assertTrue(forced.out().contains("\u001b["), forced.out());
    CommandLineTest.Run dumb = ProjectConfigTest.runIn(env(true, "TERM", "dumb"), showcase);
    assertFalse(dumb.out().contains("\u001b["), dumb.out());
    assertEquals(2, CommandLineTest.run("--color", "sometimes", showcase).exit());
  }

  @Test
  void progressOnlyAtATerminalOutsideCi() {
    assertTrue(Progress.wanted(env(true), false));
    assertFalse(Progress.wanted(env(true), true), "--no-progress");
    assertFalse(Progress.wanted(env(false), false), "pipes and files");
    assertFalse(Progress.wanted(env(true, "CI", "true"), false), "CI logs");
    assertFalse(Progress.wanted(env(true, "TERM", "dumb"), false));
  }

  @Test
  void progressWaitsThenRedrawsInPlaceAndClearsItsLine() {
    StringWriter err = new StringWriter();
    Progress p = new Progress(new PrintWriter(err), 200, 0);
    p.accept(10);
    p.tick(Progress.QUIET_NANOS - 1);
    assertEquals("", err.toString(), "a short run shows nothing");
    p.tick(Progress.QUIET_NANOS);
    assertEquals("\rborrowck: 10 of 200 files (5%)", err.toString());
    p.accept(200);
    p.accept(150); // a late report from another worker never moves it back
    p.tick(Progress.QUIET_NANOS + 1);
    assertTrue(err.toString().endsWith("\rborrowck: 200 of 200 files (100%)"), err.toString());
    p.close();
    assertTrue(err.toString().endsWith("\r" + " ".repeat("borrowck: 200 of 200 files (100%)".length()) + "\r"), "cleared: " + err);
    p.tick(Progress.QUIET_NANOS + 2);
    assertTrue(err.toString().endsWith("\r"), "nothing after the end");
  }

  @Test
  void noProgressLineInAPipe() {
    CommandLineTest.Run r = CommandLineTest.run(CommandLineTest.showcase().toString());
    assertFalse(r.err().contains("\r"), r.err());
  }
}
