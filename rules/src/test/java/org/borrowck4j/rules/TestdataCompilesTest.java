package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.borrowck4j.annotations.Owned;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every testdata project is real Java: it compiles with javac against the annotations module (and
 * checker-qual and Netty, for the interop and model examples).
 * Files that state {@code // requires: java 21} (switch patterns and the like) are compiled with
 * the newest JDK installed beside the default one; files that expect a {@code parse-error} are
 * left out on purpose.
 */
class TestdataCompilesTest {
  @TempDir Path out;

  @TestFactory
  Stream<DynamicTest> everyProjectCompiles() {
    return Testdata.projects().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> compile(dir)));
  }

  private void compile(Path project) throws Exception {
    List<Path> files = new ArrayList<>();
    int release = 17;
    for (Path f : Testdata.javaFiles(project)) {
      if (Testdata.expectations(f).stream().anyMatch(e -> e.rule().equals("parse-error"))) {
        continue;
      }
      files.add(f);
      release = Math.max(release, Testdata.requiredRelease(f));
    }
    if (files.isEmpty()) {
      return;
    }
    Path classes = Files.createTempDirectory(out, project.getFileName().toString());
    List<String> args = new ArrayList<>(List.of("-proc:none", "-Xlint:none", "-nowarn", "-d", classes.toString(), "-cp", classpath()));
    if (release <= Runtime.version().feature()) {
      args.addAll(List.of("--release", Integer.toString(release)));
      files.forEach(f -> args.add(f.toString()));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      int status =
          javac.run(null, null, new PrintStream(diagnostics, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
      assertEquals(0, status, "javac failed on " + project + ":\n" + diagnostics.toString(StandardCharsets.UTF_8));
    } else {
      Optional<Path> newer = newerJavac(release);
      assumeTrue(newer.isPresent(), "no JDK " + release + "+ under /usr/lib/jvm to compile " + project);
      List<String> command = new ArrayList<>();
      command.add(newer.get().toString());
      command.addAll(args);
      command.addAll(List.of("--release", Integer.toString(release)));
      files.forEach(f -> command.add(f.toString()));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), "javac " + release + " failed on " + project + ":\n" + output);
    }
    assertTrue(Files.list(classes).findAny().isPresent(), "javac wrote no classes for " + project);
  }

  private static String classpath() throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    entries.add(Path.of(Owned.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    // The libraries the testdata calls: the models' Netty, and Jackson as a library no model
    // speaks for (decision 346's code with no contract).
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("checker-qual") || entry.contains("netty") || entry.contains("jackson-core")) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The javac of the newest JDK under /usr/lib/jvm whose release is at least {@code release}. */
  static Optional<Path> newerJavac(int release) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(h -> Files.isExecutable(h.resolve("bin/javac")))
          .filter(h -> featureVersion(h) >= release)
          .max(Comparator.comparingInt(TestdataCompilesTest::featureVersion))
          .map(h -> h.resolve("bin/javac"));
    }
  }

  private static int featureVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          String first = v.split("[.+-]")[0];
          return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
