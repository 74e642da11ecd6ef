package org.borrowck4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code borrowck infer} and {@code --no-infer} as a user meets them: the stub written, read back
 * with {@code --stubs}, and the analysis with and without inference (D23).
 */
class InferCommandTest {
  @TempDir Path dir;

  private static final String HELPER =
      "package app;\n"
          + "import java.io.*;\n"
          + "final class Streams {\n"
          + "  static void drain(InputStream in) throws IOException {\n"
          + "    try (in) {\n"
          + "      while (in.read() >= 0) {}\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  private static final String CALLER =
      "package app;\n"
          + "import java.io.*;\n"
          + "class Caller {\n"
          + "  int readAfterDrain(InputStream in) throws IOException {\n"
          + "    Streams.drain(in);\n"
          + "    return in.read();\n"
          + "  }\n"
          + "}\n";

  private Path project() throws IOException {
    Path src = dir.resolve("src/app");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Streams.java"), HELPER, StandardCharsets.UTF_8);
    Files.writeString(src.resolve("Caller.java"), CALLER, StandardCharsets.UTF_8);
    return dir.resolve("src");
  }

  @Test
  void inferWritesTheContractsAsAStub() throws IOException {
    CommandLineTest.Run r = CommandLineTest.run("infer", project().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("package app;"), r.out());
    assertTrue(r.out().contains("static void drain(@Consumes(idempotent = true) java.io.InputStream in);"), r.out());
    assertTrue(r.err().startsWith("borrowck: inferred 2 contracts in 2 types of 2 files"), r.err());
  }

  @Test
  void theStubWrittenToAFileIsReadBackWithStubs() throws IOException {
    Path src = project();
    Path stub = dir.resolve("inferred.astub");
    CommandLineTest.Run written = CommandLineTest.run("infer", "--output", stub.toString(), src.toString());
    assertEquals(0, written.exit(), written.err());
    assertTrue(Files.readString(stub).contains("drain(@Consumes"), "the stub is in the file");

    CommandLineTest.Run inferred = CommandLineTest.run(src.toString());
    CommandLineTest.Run off = CommandLineTest.run("--no-infer", src.toString());
    CommandLineTest.Run declared = CommandLineTest.run("--no-infer", "--stubs", stub.toString(), src.toString());
    assertEquals(1, inferred.exit(), inferred.out());
    assertTrue(inferred.out().contains("Caller.java:6:12: error: use of consumed value `in`"), inferred.out());
    assertTrue(inferred.out().contains("from its body borrowck inferred `void drain(@Consumes(idempotent = true) InputStream in)`"), inferred.out());
    assertEquals(0, off.exit(), "without inference the helper says nothing: " + off.out());
    assertEquals(1, declared.exit(), "the stub says what was inferred: " + declared.out());
    assertTrue(declared.out().contains("Caller.java:6:12: error: use of consumed value `in`"), declared.out());
  }

  @Test
  void inferWithoutPathsIsAUsageError() {
    CommandLineTest.Run r = CommandLineTest.run("infer");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("PATH"), r.err());
  }
}
