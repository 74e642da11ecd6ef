package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.engine.AnalysisResult;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.InputFile;
import org.junit.jupiter.api.Test;

/**
 * The Rust parity check (issue 16): {@code testdata/rust-parity/E*.java} translate, case by case,
 * rustc's error-code docs and borrowck UI tests for each error code our borrow rules cover. A case
 * is a method: a positive has {@code // expect:} markers (every one must be found, on its line),
 * a negative has none (nothing may be found inside it); each cites the rustc test or doc it
 * mirrors. Every code needs at least five of each. Prints the score per code, as a new user
 * scoring a compiler would.
 */
class RustParityTest {
  private static final int AT_LEAST = 5;
  private static final Pattern CITATION = Pattern.compile("mirrors: .*(tests/ui/|rustc_error_codes/src/error_codes/E\\d{4}\\.md)");

  private record Case(String file, String name, int begin, int end, List<Integer> expected, boolean cites) {
    boolean positive() {
      return !expected.isEmpty();
    }
  }

  @Test
  void everyErrorCodeHasFivePositivesFoundAndFiveNegativesClean() throws Exception {
    Path dir = Testdata.root().resolve("rust-parity");
    List<Path> files = Testdata.javaFiles(dir);
    AnalysisResult result =
        new Analyzer(Borrowck.config()).analyze(files.stream().map(p -> new InputFile(p, p.toString())).toList());
    List<String> problems = new ArrayList<>();
    StringBuilder table = new StringBuilder("code   positives found   negatives clean\n");
    for (Path file : files) {
      String code = file.getFileName().toString().replace(".java", "");
      if (!code.matches("E\\d{4}")) {
        continue; // a support type
      }
      int positives = 0;
      int found = 0;
      int negatives = 0;
      int clean = 0;
      for (Case c : cases(file)) {
        List<Finding> inside = findingsIn(result, file, c);
        if (!c.cites()) {
          problems.add(code + " " + c.name() + ": cites no rustc test or error-code doc");
        }
        if (c.positive()) {
          positives++;
          boolean all = c.expected().stream().allMatch(line -> inside.stream().anyMatch(f -> f.primary().beginLine() == line));
          found += all ? 1 : 0;
          if (!all) {
            problems.add(code + " " + c.name() + ": positive not found");
          }
        } else {
          negatives++;
          clean += inside.isEmpty() ? 1 : 0;
          if (!inside.isEmpty()) {
            problems.add(code + " " + c.name() + ": negative reported: " + inside.get(0).message());
          }
        }
      }
      table.append(String.format("%s  %8d/%-8d  %8d/%d%n", code, found, positives, clean, negatives));
      if (positives < AT_LEAST || negatives < AT_LEAST) {
        problems.add(code + ": " + positives + " positives and " + negatives + " negatives, fewer than " + AT_LEAST);
      }
    }
    System.out.print(table);
    assertTrue(problems.isEmpty(), table + String.join("\n", problems));
  }

  private static List<Finding> findingsIn(AnalysisResult result, Path file, Case c) {
    return result.findings().stream()
        .filter(f -> Path.of(f.file()).equals(file))
        .filter(f -> f.primary().beginLine() >= c.begin() && f.primary().beginLine() <= c.end())
        .toList();
  }

  /** Every method of the file (nested classes' too), with its markers and whether it cites a source. */
  private static List<Case> cases(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    CompilationUnit unit = StaticJavaParser.parse(file);
    List<Case> out = new ArrayList<>();
    for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
      int begin = m.getBegin().orElseThrow().line;
      int end = m.getEnd().orElseThrow().line;
      List<Integer> expected = new ArrayList<>();
      for (Testdata.Expectation e : Testdata.expectations(file)) {
        if (e.line() >= begin && e.line() <= end) {
          expected.add(e.line());
        }
      }
      // The citation is the comment right above the method.
      StringBuilder comment = new StringBuilder();
      for (int i = begin - 2; i >= 0 && lines.get(i).trim().startsWith("//"); i--) {
        comment.insert(0, lines.get(i).trim().substring(2));
      }
      out.add(new Case(file.toString(), m.getNameAsString(), begin, end, expected, CITATION.matcher(comment).find()));
    }
    return out;
  }
}
