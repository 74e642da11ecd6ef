package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's SARIF Multitool (npm {@code @microsoft/sarif-multitool}) checks our SARIF with its
 * SARIF and GitHub rule sets. Its {@code validate} exits 0 even when it finds errors, so the test
 * reads the log it writes. Installed into {@code target/} on first use; skipped with a message
 * where npm or the registry is not available.
 */
class SarifMultitoolTest {
  private static final Path HOME = Paths.get("target/sarif-multitool").toAbsolutePath();

  @Test
  void multitoolFindsNoErrorsOrWarnings() throws Exception {
    Path tool = install();
    assumeTrue(tool != null, "SARIF Multitool could not be installed from npm here: skipped");
    Path sarif = HOME.resolve("showcase.sarif");
    Files.writeString(sarif, ReportFormatsTest.showcase("--format", "sarif").out(), StandardCharsets.UTF_8);
    Path log = HOME.resolve("validation.sarif");
    Process p =
        new ProcessBuilder(
                tool.toString(), "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning",
                "--log", "ForceOverwrite", "-o", log.toString(), sarif.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(5, TimeUnit.MINUTES), "multitool did not finish");
    assumeTrue(Files.exists(log), "multitool wrote no log (it cannot run here?): " + output);
    JsonNode results = new ObjectMapper().readTree(log.toFile()).path("runs").get(0).path("results");
    List<String> problems = new ArrayList<>();
    for (JsonNode r : results) {
      problems.add(r.path("level").asText() + " " + r.path("ruleId").asText() + " " + r.path("message"));
    }
    assertEquals(List.of(), problems, "SARIF Multitool found problems");
  }

  /** The multitool's executable, installing it with npm when needed; null where that fails. */
  private static Path install() {
    try {
      Path binary = find();
      if (binary == null) {
        Files.createDirectories(HOME);
        Process npm =
            new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(), "@microsoft/sarif-multitool@5.7.0")
                .redirectErrorStream(true)
                .redirectOutput(HOME.resolve("npm.log").toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
          return null;
        }
        binary = find();
      }
      if (binary != null) {
        binary.toFile().setExecutable(true); // npm may not have run the package's chmod script
      }
      return binary;
    } catch (Exception e) {
      return null;
    }
  }

  private static Path find() throws Exception {
    Path modules = HOME.resolve("node_modules/@microsoft");
    if (!Files.isDirectory(modules)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(modules)) {
      return files
          .filter(f -> f.getFileName().toString().equals("Sarif.Multitool"))
          .filter(f -> f.toString().contains("linux") == System.getProperty("os.name").toLowerCase().contains("linux"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElse(null);
    }
  }
}
