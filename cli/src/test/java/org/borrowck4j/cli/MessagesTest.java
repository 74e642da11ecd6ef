package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borrowck4j.rules.settings.FileSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the tool says about input it cannot use: one readable line, the OS's reason, the rest analysed. */
class MessagesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void aParseErrorIsOneShortLine() throws IOException {
    write("src/Broken.java", "class Broken {\n  void m( {\n  }\n}\n");
    CommandLineTest.Run r = CommandLineTest.run(dir.resolve("src").toString());
    String first = r.out().lines().findFirst().orElseThrow();
    assertTrue(first.endsWith(": error: syntax error: unexpected \"{\" [BC901 parse-error]"), first);
    assertTrue(r.out().lines().allMatch(l -> l.length() < 200), "no token list: " + r.out());
    assertFalse(r.out().contains("configuration"), "no word of the parser's own configuration: " + r.out());
  }

  @Test
  void aConstructOfANewerJavaIsAnalysedAtAnOlderSourceLevel() throws IOException {
    // Whether the code compiles at its level is the compiler's to say (decision 245): a text
    // block read as Java 11 is analysed, and the bug beside it is reported.
    write(
        "src/Block.java",
        "import java.util.*;\n"
            + "class Block {\n"
            + "  String s = \"\"\"\n    text\n    \"\"\";\n"
            + "  void m() {\n"
            + "    List<String> names = new ArrayList<>();\n"
            + "    for (String n : names) {\n"
            + "      names.add(n);\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = CommandLineTest.run("--source-level", "11", dir.resolve("src").toString());
    assertEquals(1, r.exit(), r.out());
    assertFalse(r.out().contains("parse-error"), r.out());
    assertTrue(r.out().contains("Block.java:9:7: error: cannot modify `names` while a for-each loop iterates over it") && r.out().contains("[BC003 conflicting-borrow]"), r.out());
  }

  @Test
  void aStubOfAClassThatDoesNotExistIsAWarningWithItsLine() throws IOException {
    write("src/A.java", "class A {}\n");
    Path stub = write("stubs/typo.astub", "package java.util;\n\nimport org.borrowck4j.annotations.*;\n\ninterface Lisst<E> {\n  @Mut boolean add(E e);\n}\n");
    Path library = write("stubs/acme.astub", "package com.acme;\n\nimport org.borrowck4j.annotations.*;\n\ninterface Mailer {\n  void send(@Owned Object o);\n}\n");
    CommandLineTest.Run r = CommandLineTest.run("--stubs", stub.toString(), "--stubs", library.toString(), dir.resolve("src").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("borrowck: warning: " + stub + ":5: stub models `java.util.Lisst`, which package `java.util` does not have"), r.err());
    assertFalse(r.err().contains("com.acme"), "a library's model needs no library on the classpath: " + r.err());

    Path jar = write("lib/empty.jar", "");
    CommandLineTest.Run withClasspath =
        CommandLineTest.run("--stubs", library.toString(), "-cp", dir.resolve("lib").toString(), dir.resolve("src").toString());
    assertTrue(
        withClasspath.err().contains(library + ":5: stub models `com.acme.Mailer`, but package `com.acme` is neither on the classpath nor in the JDK"),
        "with a classpath, a package nobody has is a typo: " + withClasspath.err());
    assertTrue(Files.exists(jar));
  }

  @Test
  void anUnreadableDirectoryIsAWarningAndTheRestIsAnalysed() throws IOException {
    List<String> warnings = new ArrayList<>();
    InputFiles.Walk walk = new InputFiles.Walk(dir, FileSelection.ALL, warnings::add);
    Path secret = dir.resolve("secret");
    assertEquals(FileVisitResult.CONTINUE, walk.visitFileFailed(secret, new AccessDeniedException(secret.toString())));
    assertEquals(List.of("skipping " + secret + ": Permission denied"), warnings);

    // For real, where permissions stop reads (not as root).
    write("src/ok/A.java", CommandLineTest.BUGGY);
    Path locked = Files.createDirectories(dir.resolve("src/locked"));
    write("src/locked/B.java", "class B {}\n");
    locked.toFile().setReadable(false, false);
    locked.toFile().setExecutable(false, false);
    try {
      assumeTrue(!Files.isReadable(locked), "permissions stop no read here (root)");
      CommandLineTest.Run r = CommandLineTest.run(dir.resolve("src").toString());
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains("borrowck: warning: skipping " + locked + ": Permission denied"), r.err());
      assertTrue(r.out().contains("use of consumed value"), r.out());
    } finally {
      locked.toFile().setReadable(true, false);
      locked.toFile().setExecutable(true, false);
    }
  }

  @Test
  @Timeout(60)
  void aFifoIsSkippedNotReadForever() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "no mkfifo here");
    write("src/A.java", CommandLineTest.BUGGY);
    Path fifo = dir.resolve("src/Pipe.java");
    Process mk = new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
    CommandLineTest.Run inDirectory = CommandLineTest.run(dir.resolve("src").toString());
    assertEquals(1, inDirectory.exit(), inDirectory.err());
    assertTrue(inDirectory.err().contains("borrowck: warning: skipping " + fifo + ": not a regular file"), inDirectory.err());
    CommandLineTest.Run named = CommandLineTest.run(fifo.toString(), dir.resolve("src/A.java").toString());
    assertEquals(1, named.exit(), named.err());
    assertTrue(named.err().contains("skipping " + fifo + ": not a regular file"), named.err());
  }
}
