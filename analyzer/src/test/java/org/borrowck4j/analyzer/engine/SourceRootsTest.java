package org.borrowck4j.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's source root is where the directories spelling its package begin, as javac finds it. */
class SourceRootsTest {
  @TempDir Path dir;

  @Test
  void thePackageDeclarationIsFoundPastCommentsAndAnnotations() {
    assertEquals("a.b", SourceRoots.packageIn("/* licence */\n// more\npackage a.b;\nclass C {}"));
    assertEquals("a.b", SourceRoots.packageIn("@Deprecated\n@SuppressWarnings(value = \"x)\")\npackage a . b ;"));
    assertEquals("", SourceRoots.packageIn("import x.Y;\nclass C {}"));
    assertEquals("", SourceRoots.packageIn("\uFEFFclass C {}"));
  }

  @Test
  void theRootIsTheDirectoryThePackageHangsFrom() throws Exception {
    Path file = Files.createDirectories(dir.resolve("src/main/java/a/b")).resolve("C.java");
    Files.writeString(file, "package a.b;\nclass C {}\n");
    assertEquals(dir.resolve("src/main/java"), SourceRoots.rootOf(file));
    Path misplaced = Files.createDirectories(dir.resolve("flat")).resolve("D.java");
    Files.writeString(misplaced, "package a.b;\nclass D {}\n");
    assertNull(SourceRoots.rootOf(misplaced), "directories that do not spell the package: no root");
    Path loose = dir.resolve("flat/E.java");
    Files.writeString(loose, "class E {}\n");
    assertEquals(dir.resolve("flat"), SourceRoots.rootOf(loose), "no package: its own directory");
  }

  @Test
  void theOtherFilesOfTheTreeAreExtra() throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("src/a"));
    Path c = Files.writeString(pkg.resolve("C.java"), "package a;\nclass C {}\n");
    Path d = Files.writeString(pkg.resolve("D.java"), "package a;\nclass D {}\n");
    Path e = Files.writeString(pkg.resolve("E.java"), "package a;\nclass E {}\n");
    Files.writeString(pkg.resolve("notes.txt"), "not Java");
    SourcePath detect = new SourcePath(List.of(), true, p -> !p.getFileName().toString().equals("E.java"));
    assertEquals(List.of(d.toAbsolutePath()), SourceRoots.extraFiles(List.of(new InputFile(c, "C.java")), detect));
    assertEquals(List.of(), SourceRoots.extraFiles(List.of(new InputFile(c, "C.java")), SourcePath.NONE));
    assertEquals(List.of(d.toAbsolutePath(), e.toAbsolutePath()),
        SourceRoots.extraFiles(List.of(new InputFile(c, "C.java")), new SourcePath(List.of(dir.resolve("src")), false, null)));
  }

  @Test
  void onlyDirectoriesThatCanBePackagesAreEntered() throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("src/a"));
    Path c = Files.writeString(pkg.resolve("C.java"), "package a;\nclass C {}\n");
    Path d = Files.writeString(Files.createDirectories(pkg.resolve("b")).resolve("D.java"), "package a.b;\nclass D {}\n");
    Files.writeString(Files.createDirectories(dir.resolve("src/build-output")).resolve("X.java"), "class X {}\n");
    Files.writeString(Files.createDirectories(dir.resolve("src/.hidden")).resolve("Y.java"), "class Y {}\n");
    SourcePath detect = new SourcePath(List.of(), true, null);
    assertEquals(List.of(d.toAbsolutePath()), SourceRoots.extraFiles(List.of(new InputFile(c, "C.java")), detect));
  }

  /** A file without a package is where it happens to be (a home directory): no walk below it. */
  @Test
  void theRootOfAFileWithoutAPackageIsReadWithoutItsSubdirectories() throws Exception {
    Path loose = Files.writeString(dir.resolve("Loose.java"), "class Loose {}\n");
    Path sibling = Files.writeString(dir.resolve("Sibling.java"), "class Sibling {}\n");
    Files.writeString(Files.createDirectories(dir.resolve("projects/a")).resolve("A.java"), "package a;\nclass A {}\n");
    SourcePath detect = new SourcePath(List.of(), true, null);
    assertEquals(List.of(sibling.toAbsolutePath()), SourceRoots.extraFiles(List.of(new InputFile(loose, "Loose.java")), detect));
  }
}
