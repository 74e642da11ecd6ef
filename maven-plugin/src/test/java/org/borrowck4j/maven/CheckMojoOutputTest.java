package org.borrowck4j.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.borrowck4j.analyzer.io.WriteFaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's SARIF report is written whole or not at all: a failure half-way or a cancelled build
 * leaves the previous report byte for byte, and the goal fails in one line (no stack trace) that
 * names the file and the OS's reason. The mojo is configured as Maven would, field by field.
 */
class CheckMojoOutputTest {
  @TempDir Path dir;

  private static final byte[] PREVIOUS = "{ \"previous\": \"SARIF report\" }\n".getBytes(StandardCharsets.UTF_8);

  private CheckMojo mojo;
  private Path sarif;

  @BeforeEach
  void configure() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src/main/java/demo"));
    Files.writeString(sources.resolve("Clean.java"), "package demo;\nclass Clean { int one() { return 1; } }\n");
    MavenProject project = new MavenProject();
    project.setFile(dir.resolve("pom.xml").toFile());
    project.addCompileSourceRoot(dir.resolve("src/main/java").toString());
    project.getBuild().setDirectory(dir.resolve("target").toString());
    project.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    PluginDescriptor plugin = new PluginDescriptor();
    plugin.setVersion("test");
    sarif = Files.write(Files.createDirectories(dir.resolve("target")).resolve("borrowck.sarif"), PREVIOUS);

    mojo = new CheckMojo();
    set("project", project);
    set("plugin", plugin);
    set("failOnError", true);
    set("sarifOutput", sarif.toFile());
  }

  private void set(String field, Object value) throws ReflectiveOperationException {
    Field f = null;
    for (Class<?> c = CheckMojo.class; f == null; c = c.getSuperclass()) {
      try {
        f = c.getDeclaredField(field); // parameters are declared up the goals' hierarchy
      } catch (NoSuchFieldException e) {
        // in a superclass
      }
    }
    f.setAccessible(true);
    f.set(mojo, value);
  }

  @Test
  void aReportThatFailsHalfWayLeavesThePreviousOneByteIdentical() throws Exception {
    mojo.disk = WriteFaults.failingAfter(100, "No space left on device");

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertEquals("borrowck: cannot write " + sarif + ": No space left on device", e.getMessage());
    assertNull(e.getCause(), "one line, no stack trace");
    assertArrayEquals(PREVIOUS, Files.readAllBytes(sarif));
  }

  @Test
  void aReportThatCannotBeWrittenNamesTheOsReason() throws Exception {
    File underAFile = sarif.resolve("borrowck.sarif").toFile(); // its "directory" is a regular file
    set("sarifOutput", underAFile);

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertEquals("borrowck: cannot write " + underAFile + ": Not a directory", e.getMessage());
    assertArrayEquals(PREVIOUS, Files.readAllBytes(sarif));
  }

  @Test
  void aCancelledBuildFailsInOneLineAndWritesNothing() throws Exception {
    Thread.currentThread().interrupt();
    MojoExecutionException e;
    boolean stillInterrupted;
    try {
      e = assertThrows(MojoExecutionException.class, mojo::execute);
    } finally {
      stillInterrupted = Thread.interrupted();
    }

    assertEquals("borrowck: interrupted: the build was cancelled, nothing was written", e.getMessage());
    assertNull(e.getCause());
    assertTrue(stillInterrupted, "Maven still sees the interrupt");
    assertArrayEquals(PREVIOUS, Files.readAllBytes(sarif));
  }

  @Test
  void theReportIsReplacedWhenAllGoesWell() throws Exception {
    mojo.execute();
    assertTrue(Files.readString(sarif).contains("\"2.1.0\""), "a SARIF 2.1.0 report replaced the previous one");
  }
}
