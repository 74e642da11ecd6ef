package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.report.TextRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the full rendered text of every finding of every testdata project — message, labels,
 * spans, notes — in {@code src/test/resources/golden/<project>.txt}, so that a change of wording
 * shows in exactly the places it changes ({@link TestdataTest} pins only rule and line). After a
 * deliberate change, rewrite the files with {@code -Dborrowck.golden.update=true} and review the
 * diff.
 */
class DiagnosticsGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> everyFindingIsWordedAsPinned() {
    return Testdata.projects().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path project) throws IOException, InterruptedException {
    Path repository = Testdata.root().getParent();
    List<InputFile> inputs =
        Testdata.javaFiles(project).stream()
            .map(p -> new InputFile(p, repository.relativize(p).toString().replace('\\', '/')))
            .toList();
    AnalysisResult result = new Analyzer(Borrowck.config()).analyze(inputs);
    StringBuilder text = new StringBuilder();
    TextRenderer renderer = new TextRenderer(false);
    for (Finding f : result.findings()) {
      text.append(renderer.render(f)).append('\n');
    }
    Path golden = GOLDEN.resolve(project.getFileName() + ".txt");
    if (Boolean.getBoolean("borrowck.golden.update")) {
      Files.writeString(golden, text, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    assertEquals(expected, text.toString(), "rendered findings of testdata/" + project.getFileName() + " differ from " + golden);
  }
}
