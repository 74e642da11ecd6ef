package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file analysed alone gets the findings a run over its whole source tree gives it (decision
 * 136): its source root is found from its package, and its siblings' declarations and bodies are
 * read on demand; only the files named are reported on. {@code --source-path} adds roots where
 * the directories do not spell the package.
 */
class SourcePathTest {
  @TempDir Path dir;

  private Path src;

  @BeforeEach
  void project() throws IOException {
    src = dir.resolve("src/main/java");
    Path testdata = Path.of(System.getProperty("borrowck.testdata", "../testdata"));
    for (String name : List.of("Helpers.java", "Callers.java", "Keeping.java", "Overrides.java")) {
      Path to = src.resolve("inference").resolve(name);
      Files.createDirectories(to.getParent());
      Files.copy(testdata.resolve("inference").resolve(name), to);
    }
    // A contract declared in a sibling: 0 findings alone before, 1 with the siblings.
    Path shop = Files.createDirectories(src.resolve("shop"));
    Files.writeString(shop.resolve("Sink.java"), "package shop;\n\nimport org.borrowck4j.annotations.Owned;\n\ninterface Sink {\n  void accept(@Owned Buffer b);\n}\n");
    Files.writeString(shop.resolve("Buffer.java"), "package shop;\n\nimport org.borrowck4j.annotations.Owned;\n\n@Owned\nclass Buffer {\n  int size() { return 0; }\n}\n");
    Files.writeString(shop.resolve("Orders.java"), "package shop;\n\nclass Orders {\n  int ship(Sink sink) {\n    Buffer b = new Buffer();\n    sink.accept(b);\n    return b.size();\n  }\n}\n");
  }

  private JsonNode findings(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--format", "json", "--source-root", dir.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new Environment(Map.of(), false, dir), new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    assertTrue(exit == 0 || exit == 1, err.toString());
    return new ObjectMapper().readTree(out.toString()).get("findings");
  }

  /** The findings of the whole-tree run in one file. */
  private List<JsonNode> in(JsonNode findings, String file) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : findings) {
      if (f.get("file").asText().endsWith(file)) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<JsonNode> list(JsonNode findings) {
    List<JsonNode> out = new ArrayList<>();
    findings.forEach(out::add);
    return out;
  }

  @Test
  void aFileAloneGetsTheFindingsOfTheWholeTree() throws IOException {
    JsonNode whole = findings(src.toString());
    for (String file : List.of("inference/Callers.java", "inference/Keeping.java", "inference/Overrides.java", "shop/Orders.java")) {
      Path alone = src.resolve(file);
      List<JsonNode> expected = in(whole, file);
      assertEquals(expected, list(findings(alone.toString())), file);
    }
    assertEquals(1, in(whole, "shop/Orders.java").size());
    assertTrue(in(whole, "inference/Callers.java").size() >= 5);
  }

  @Test
  void onlyTheFilesNamedAreReportedOn() throws IOException {
    JsonNode some = findings(src.resolve("shop/Sink.java").toString(), src.resolve("shop/Buffer.java").toString());
    assertEquals(0, some.size(), some.toString());
  }

  @Test
  void sourcePathAddsRootsTheDirectoriesDoNotSpell() throws IOException {
    Path flat = Files.createDirectories(dir.resolve("flat"));
    for (String name : List.of("Sink.java", "Buffer.java", "Orders.java")) {
      Files.copy(src.resolve("shop").resolve(name), flat.resolve(name));
    }
    Path orders = flat.resolve("Orders.java");
    assertEquals(0, findings(orders.toString()).size(), "package shop is not spelt by flat/: no root found");
    assertEquals(1, findings("--source-path", flat.toString(), orders.toString()).size());
  }

  @Test
  void excludedFilesAreNotReadOnDemand() throws IOException {
    JsonNode f = findings("--exclude", "src/main/java/shop/Sink.java", src.resolve("shop/Orders.java").toString());
    assertEquals(0, f.size(), "Sink.java, which declares the contract, is excluded: " + f);
  }
}
