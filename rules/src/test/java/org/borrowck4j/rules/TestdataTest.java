package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.engine.Notification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the analyser over every testdata project and compares its findings with the {@code //
 * expect:} markers in both directions: a missing finding and an unexpected one both fail, each
 * named by file, line and rule. A tool notification fails too, unless its line expects that warning
 * ({@code // expect-warning: words of its message}: a method skipped on purpose).
 */
class TestdataTest {

  @Test
  void thereIsTestdata() {
    assertFalse(Testdata.projects().isEmpty(), "no projects under " + Testdata.root());
  }

  @TestFactory
  Stream<DynamicTest> everyProjectFindsExactlyWhatItsMarkersSay() {
    return Testdata.projects().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path project) throws InterruptedException {
    List<Path> files = Testdata.javaFiles(project);
    List<InputFile> inputs = files.stream().map(p -> new InputFile(p, p.toString())).toList();
    AnalysisResult result =
        new Analyzer(Borrowck.config()).analyze(inputs);

    TreeMap<Testdata.Expectation, String> expected = new TreeMap<>();
    for (Path f : files) {
      for (Testdata.Expectation e : Testdata.expectations(f)) {
        expected.merge(e, "", (a, b) -> a);
      }
    }
    TreeMap<Testdata.Expectation, Finding> actual = new TreeMap<>();
    for (Finding f : result.findings()) {
      actual.put(new Testdata.Expectation(Path.of(f.file()), f.primary().beginLine(), f.rule().id()), f);
    }
    List<String> problems = new ArrayList<>();
    for (Testdata.Expectation e : expected.keySet()) {
      if (!actual.containsKey(e)) {
        problems.add("missing finding    " + e);
      }
    }
    for (var entry : actual.entrySet()) {
      if (!expected.containsKey(entry.getKey())) {
        problems.add("unexpected finding " + entry.getKey() + ": " + entry.getValue().message());
      }
    }
    List<Testdata.ExpectedWarning> warnings = new ArrayList<>();
    for (Path f : files) {
      warnings.addAll(Testdata.expectedWarnings(f));
    }
    for (Notification n : result.notifications()) {
      boolean expectedHere =
          n.level() == Notification.Level.WARNING
              && warnings.removeIf(w -> w.file().toString().equals(n.file()) && w.line() == n.line() && n.message().contains(w.words()));
      if (!expectedHere) {
        problems.add("tool notification  " + n.file() + ":" + n.line() + " " + n.message());
      }
    }
    for (Testdata.ExpectedWarning w : warnings) {
      problems.add("missing warning    " + w);
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " mismatches in " + project.getFileName() + ":\n  " + String.join("\n  ", problems));
    }
  }
}
