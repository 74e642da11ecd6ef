package org.borrowck4j.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.CannotWrite;
import org.borrowck4j.analyzer.io.WriteFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline is written whole or not at all: a failed write never leaves one the next run rejects. */
class BaselineWriteTest {
  @TempDir Path dir;

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousBaselineByteIdentical() throws Exception {
    byte[] previous = "{\n  \"version\" : 1,\n  \"tool\" : \"borrowck\",\n  \"findings\" : [ ]\n}\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("baseline.json"), previous);
    Report report = Report.of(new AnalysisResult(List.of(), List.of(), 0), List.of(), dir, null, "test");
    AtomicWriter failing = new AtomicWriter(w -> {}, WriteFaults.failingAfter(20, "No space left on device"));

    CannotWrite e = assertThrows(CannotWrite.class, () -> Baseline.write(report, file, failing));

    assertEquals("No space left on device", e.reason());
    assertArrayEquals(previous, Files.readAllBytes(file));
    Baseline.read(file); // still a baseline the next run accepts
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }
}
