package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.io.WriteFaults;
import org.borrowck4j.analyzer.io.WriteSteps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command writes is whole or not at all, and what it found is never lost: a report that
 * cannot be written where asked goes to standard output (exit code 2) after one line naming the
 * file and the OS's reason; a failed write leaves the previous file byte for byte; an interrupted
 * run writes nothing. Read-only places are made with chmod where that stops writes, and skipped
 * where it does not (root): there a path under a regular file fails for everyone instead.
 */
class NothingLostTest {
  @TempDir Path dir;

  private static final byte[] PREVIOUS = "previous output, kept byte for byte\n".getBytes(StandardCharsets.UTF_8);

  private Path src;

  @BeforeEach
  void source() throws IOException {
    src = Files.createDirectories(dir.resolve("src")).resolve("Buggy.java");
    Files.writeString(src, CommandLineTest.BUGGY);
  }

  private CommandLineTest.Run run(WriteSteps disk, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("--format", "json", "--source-root", dir.toString(), src.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), new BorrowckCommand(new Interruption(), disk, Environment.current()))
            .execute(args.toArray(String[]::new));
    return new CommandLineTest.Run(exit, out.toString(), err.toString());
  }

  /** The JSON report of a run that prints it, to compare with what a failed write printed. */
  private String report() {
    CommandLineTest.Run plain = run(WriteSteps.DISK);
    assertEquals(1, plain.exit(), plain.err());
    return plain.out();
  }

  /**
   * {@code -o out} could not be written: exit 2, one line with the reason, the report printed
   * instead, and a previous file at {@code out} byte for byte as it was.
   */
  private void assertReportPrintedInstead(WriteSteps disk, Path out, String reason) throws IOException {
    byte[] before = Files.isRegularFile(out) ? Files.readAllBytes(out) : null;
    CommandLineTest.Run r = run(disk, "-o", out.toString());
    assertEquals(2, r.exit());
    assertEquals("borrowck: error: cannot write " + out + ": " + reason + "; the report follows on standard output\n", r.err());
    assertEquals(report(), r.out());
    assertUnchanged(before, out);
  }

  /**
   * {@code --write-baseline baseline} could not be written: exit 2, one line with the reason, the
   * findings still printed, and a previous baseline byte for byte as it was.
   */
  private void assertBaselineNotWritten(WriteSteps disk, Path baseline, String reason) throws IOException {
    byte[] before = Files.isRegularFile(baseline) ? Files.readAllBytes(baseline) : null;
    CommandLineTest.Run r = run(disk, "--write-baseline", baseline.toString());
    assertEquals(2, r.exit(), "the baseline asked for was not written");
    assertEquals("borrowck: error: cannot write " + baseline + ": " + reason + "\n", r.err());
    assertEquals(report(), r.out());
    assertUnchanged(before, baseline);
  }

  private static void assertUnchanged(byte[] before, Path file) throws IOException {
    if (before != null) {
      assertArrayEquals(before, Files.readAllBytes(file), "the previous file is untouched");
    }
  }

  @Test
  void aReportThatFailsHalfWayLeavesThePreviousFileAndGoesToStandardOutput() throws IOException {
    Path out = Files.write(dir.resolve("report.json"), PREVIOUS);
    assertReportPrintedInstead(WriteFaults.failingAfter(64, "No space left on device"), out, "No space left on device");
  }

  @Test
  void aReportAimedAtADirectoryGoesToStandardOutput() throws IOException {
    assertReportPrintedInstead(WriteSteps.DISK, Files.createDirectory(dir.resolve("reports")), "Is a directory");
  }

  @Test
  void aReportUnderARegularFileGoesToStandardOutputWithTheOsReason() throws IOException {
    Path file = Files.write(dir.resolve("file.txt"), PREVIOUS);
    assertReportPrintedInstead(WriteSteps.DISK, file.resolve("report.json"), "Not a directory");
    assertArrayEquals(PREVIOUS, Files.readAllBytes(file));
  }

  @Test
  void aReportInAReadOnlyDirectoryGoesToStandardOutput() throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Path out = Files.write(readOnly.resolve("report.json"), PREVIOUS);
    assumeTrue(WriteFaults.readOnly(readOnly), "permissions stop no write here (root)");
    assertReportPrintedInstead(WriteSteps.DISK, out, "Permission denied");
  }

  @Test
  void aBaselineUnderARegularFileIsOneLineAndTheFindingsAreStillReported() throws IOException {
    Path file = Files.write(dir.resolve("file.txt"), PREVIOUS);
    assertBaselineNotWritten(WriteSteps.DISK, file.resolve("baseline.json"), "Not a directory");
  }

  @Test
  void aReadOnlyBaselineIsKeptAndSaysSo() throws IOException {
    Path baseline = Files.write(dir.resolve("baseline.json"), PREVIOUS);
    assumeTrue(WriteFaults.readOnly(baseline), "permissions stop no write here (root)");
    assertBaselineNotWritten(WriteSteps.DISK, baseline, "Permission denied");
  }

  @Test
  void aBaselineThatFailsHalfWayLeavesThePreviousOne() throws IOException {
    Path baseline = Files.write(dir.resolve("baseline.json"), PREVIOUS);
    assertBaselineNotWritten(WriteFaults.failingAfter(16, "No space left on device"), baseline, "No space left on device");
  }

  @Test
  void anInterruptedRunWritesNothingAndSaysSoInOneLine() throws IOException {
    Path out = Files.write(dir.resolve("report.json"), PREVIOUS);
    Path baseline = Files.write(dir.resolve("baseline.json"), PREVIOUS);
    Thread.currentThread().interrupt();
    CommandLineTest.Run r;
    try {
      r = run(WriteSteps.DISK, "-o", out.toString(), "--write-baseline", baseline.toString());
    } finally {
      Thread.interrupted();
    }
    assertEquals(130, r.exit());
    assertEquals("borrowck: interrupted\n", r.err());
    assertEquals("", r.out());
    assertArrayEquals(PREVIOUS, Files.readAllBytes(out));
    assertArrayEquals(PREVIOUS, Files.readAllBytes(baseline));
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
    }
  }
}
