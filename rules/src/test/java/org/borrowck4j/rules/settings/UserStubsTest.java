package org.borrowck4j.rules.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.model.Declared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stub files named one by one or by their directories, and each way they can be wrong. */
class UserStubsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String stub(String pkg, String type) {
    return "import org.borrowck4j.annotations.*;\npackage " + pkg + ";\npublic class " + type + " {\n  void send(@Owned Object m);\n}\n";
  }

  @Test
  void aDirectoryGivesItsStubsAtAnyDepthInPathOrder() throws IOException, InvalidSettings {
    Path b = write("stubs/b.astub", stub("b", "B"));
    Path a = write("stubs/a.astub", stub("a", "A"));
    Path c = write("stubs/sub/c.astub", stub("c", "C"));
    write("stubs/README.md", "not a stub");
    write("stubs/sub/c.astub.bak", "not a stub either");
    assertEquals(List.of(a, b, c), UserStubs.stubFiles(dir.resolve("stubs")));

    List<Declared.FileDeclarations> loaded = UserStubs.load(List.of(dir.resolve("stubs")));
    assertEquals(List.of(a.toString(), b.toString(), c.toString()), loaded.stream().map(Declared.FileDeclarations::file).toList());
    assertTrue(loaded.stream().allMatch(d -> d.origin() == Declared.Origin.Kind.USER_STUB));
  }

  @Test
  void filesAreReadInTheOrderGivenWhateverTheirName() throws IOException, InvalidSettings {
    Path second = write("z.astub", stub("z", "Z"));
    Path first = write("models.txt", stub("m", "M"));
    List<Declared.FileDeclarations> loaded = UserStubs.load(List.of(first, second));
    assertEquals(List.of(first.toString(), second.toString()), loaded.stream().map(Declared.FileDeclarations::file).toList());
    assertEquals("m.M", loaded.get(0).types().get(0).qualifiedName());
  }

  @Test
  void anEmptyDirectoryGivesNothing() throws IOException, InvalidSettings {
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(List.of(), UserStubs.load(List.of(dir.resolve("empty"))));
  }

  @Test
  void aMissingPath() {
    Path missing = dir.resolve("missing.astub");
    InvalidSettings e = assertThrows(InvalidSettings.class, () -> UserStubs.load(List.of(missing)));
    assertEquals("no such stub file or directory: " + missing, e.getMessage());
  }

  @Test
  void aFileThatIsNotUtf8CannotBeRead() throws IOException {
    Path latin1 = dir.resolve("latin1.astub");
    Files.write(latin1, new byte[] {'p', 'a', 'c', 'k', (byte) 0xE9, '\n'});
    InvalidSettings e = assertThrows(InvalidSettings.class, () -> UserStubs.load(List.of(latin1)));
    assertEquals("cannot read stub file: " + latin1 + ": not valid UTF-8 text", e.getMessage());
  }

  @Test
  void anInvalidStubNamesFileLineAndColumn() throws IOException {
    Path broken = write("stubs/broken.astub", "package acme;\n\npublic class Mailer {\n  void send(@Owned Object message;\n}\n");
    InvalidSettings e = assertThrows(InvalidSettings.class, () -> UserStubs.load(List.of(dir.resolve("stubs"))));
    assertTrue(e.getMessage().startsWith("invalid stub file " + broken + ":4:"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }
}
