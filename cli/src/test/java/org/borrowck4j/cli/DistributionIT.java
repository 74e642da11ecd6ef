package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How other projects get borrowck: the packaged jar run with {@code java -jar} from anywhere, the
 * GitHub Action ({@code action.yml}) and the pre-commit hook ({@code .pre-commit-hooks.yaml}),
 * each read as its runner reads it and its command run.
 */
class DistributionIT {
  @TempDir Path dir;

  static final Path JAR = Path.of(System.getProperty("borrowck.jar", "target/borrowck.jar")).toAbsolutePath();
  static final Path REPO = Path.of(System.getProperty("borrowck.repo", "..")).toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Result(int exit, String out, String err) {}

  /** A project whose one bug needs the contract its sibling file declares. */
  private Path project() throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("project/src/main/java/shop"));
    Files.writeString(
        pkg.resolve("Sink.java"),
        "package shop;\n\nimport org.borrowck4j.annotations.Owned;\n\ninterface Sink {\n  void accept(@Owned Buffer b);\n}\n");
    Files.writeString(
        pkg.resolve("Buffer.java"), "package shop;\n\nimport org.borrowck4j.annotations.Owned;\n\n@Owned\nclass Buffer {\n  int size() { return 0; }\n}\n");
    Files.writeString(
        pkg.resolve("Orders.java"),
        "package shop;\n\nclass Orders {\n  int ship(Sink sink) {\n    Buffer b = new Buffer();\n    sink.accept(b);\n    return b.size();\n  }\n}\n");
    return dir.resolve("project");
  }

  private static Result run(Path workingDirectory, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "finished: " + String.join(" ", command));
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  @Timeout(120)
  void theJarRunsAnywhereWithoutTheCheckout() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("tools"));
    Path jar = Files.copy(JAR, elsewhere.resolve("borrowck.jar"));
    Path project = project();
    Result version = run(project, Map.of(), java(), "-jar", jar.toString(), "--version");
    assertEquals(0, version.exit(), version.err());
    assertTrue(version.out().startsWith("borrowck "), version.out());
    Result r = run(project, Map.of(), java(), "-jar", jar.toString(), "src/main/java");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("src/main/java/shop/Orders.java:7:12: error: use of moved value `b` [BC001 use-after-move]"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void theActionIsACompositeThatBuildsRunsWithSarifAndUploads() throws Exception {
    JsonNode action = YAML.readTree(REPO.resolve("action.yml").toFile());
    assertFalse(action.path("name").asText().isEmpty());
    assertFalse(action.path("description").asText().isEmpty());
    assertEquals("composite", action.path("runs").path("using").asText());
    List<String> uses = new ArrayList<>();
    JsonNode run = null;
    JsonNode build = null;
    for (JsonNode step : action.path("runs").path("steps")) {
      if (step.has("uses")) {
        uses.add(step.path("uses").asText().replaceAll("@.*", ""));
      } else {
        assertEquals("bash", step.path("shell").asText(), "a composite's run step names its shell: " + step);
      }
      if (step.path("run").asText().contains("--format sarif")) {
        run = step;
      }
      if (step.path("name").asText().startsWith("Build")) {
        build = step;
      }
    }
    assertEquals(List.of("actions/setup-java", "github/codeql-action/upload-sarif"), uses);
    for (JsonNode input : action.path("inputs")) {
      assertTrue(input.has("description") && input.has("default"), "every input is described and optional: " + input);
    }

    // The jar is there already: the build step reuses it.
    Path actionPath = Files.createDirectories(dir.resolve("action/cli/target"));
    Files.copy(JAR, actionPath.resolve("borrowck.jar"));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTION_PATH", dir.resolve("action").toString());
    Result built = run(dir, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", build.path("run").asText());
    assertEquals(0, built.exit(), built.err());

    // The step that runs borrowck, with the action's inputs as GitHub passes them.
    Path project = project();
    Path output = dir.resolve("github-output");
    env.put("GITHUB_OUTPUT", output.toString());
    Map<String, String> inputs = Map.of("paths", "src/main/java", "args", "--exclude **/generated/**");
    run.path("env").properties().forEach(e -> env.put(e.getKey(), input(e.getValue().asText(), action, inputs)));
    Result r = run(project, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run.path("run").asText());
    assertEquals(0, r.exit(), "findings do not stop the job before the upload: " + r.err());
    assertEquals("exit-code=1\n", Files.readString(output));
    JsonNode sarif = SarifSchema.assertValid(Files.readString(project.resolve("borrowck.sarif")));
    assertEquals("use-after-move", sarif.path("runs").get(0).path("results").get(0).path("ruleId").asText());
  }

  /** {@code ${{ inputs.NAME }}} as GitHub fills it in: the value given, else the default. */
  private static String input(String expression, JsonNode action, Map<String, String> given) {
    Matcher m = Pattern.compile("\\$\\{\\{\\s*inputs\\.([\\w-]+)\\s*}}").matcher(expression);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      assertTrue(action.path("inputs").has(name), "input " + name + " is declared");
      m.appendReplacement(sb, Matcher.quoteReplacement(given.getOrDefault(name, action.path("inputs").path(name).path("default").asText())));
    }
    return m.appendTail(sb).toString();
  }

  @Test
  @Timeout(120)
  void thePreCommitHookChecksTheStagedFilesWithTheirSourceTrees() throws Exception {
    JsonNode hooks = YAML.readTree(REPO.resolve(".pre-commit-hooks.yaml").toFile());
    assertEquals(1, hooks.size());
    JsonNode hook = hooks.get(0);
    assertEquals("borrowck", hook.path("id").asText());
    assertEquals("script", hook.path("language").asText());
    assertEquals("[\"java\"]", hook.path("types").toString());
    Path entry = REPO.resolve(hook.path("entry").asText());
    assertTrue(Files.isExecutable(entry), entry + " is an executable script");

    // pre-commit runs the entry at the repository's root with the staged files' paths.
    Path project = project();
    Map<String, String> env = Map.of("BORROWCK_JAR", JAR.toString());
    Result r = run(project, env, entry.toString(), "src/main/java/shop/Orders.java");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("use of moved value `b`"), "the contract declared in Sink.java is kept: " + r.out());
    Result clean = run(project, env, entry.toString(), "src/main/java/shop/Buffer.java", "src/main/java/shop/Sink.java");
    assertEquals(0, clean.exit(), "only the staged files are reported on: " + clean.out());
    Files.writeString(Files.createDirectories(project.resolve("scripts")).resolve("Loose.java"), "class Loose {}\n", StandardCharsets.UTF_8);
    Result loose = run(project, env, entry.toString(), "scripts/Loose.java");
    assertEquals(0, loose.exit(), "a file without a package is its own root: " + loose.out() + loose.err());
    assertEquals(0, run(project, env, entry.toString()).exit(), "nothing staged, nothing to do");
  }
}
