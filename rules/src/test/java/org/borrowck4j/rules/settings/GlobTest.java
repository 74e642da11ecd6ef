package org.borrowck4j.rules.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The globs of [files] and --exclude: gitignore's and Ant's syntax, relative to their base. */
class GlobTest {
  private static final Path BASE = Path.of("/project");

  private static boolean matches(String pattern, String file) {
    return new Glob(pattern, BASE, "test").matches(BASE.resolve(file));
  }

  @Test
  void aNameWithoutSlashMatchesAtAnyDepthAndEverythingBelowIt() {
    assertTrue(matches("target", "target/generated/A.java"));
    assertTrue(matches("target", "app/target/A.java"));
    assertTrue(matches("target/", "app/target/A.java"));
    assertTrue(matches("*Generated.java", "src/x/FooGenerated.java"));
    assertFalse(matches("target", "src/targets/A.java"));
  }

  @Test
  void slashesAnchorAtTheBase() {
    assertTrue(matches("src/main", "src/main/java/A.java"));
    assertFalse(matches("src/main", "app/src/main/java/A.java"));
    assertTrue(matches("/legacy", "legacy/A.java"));
    assertFalse(matches("/legacy", "app/legacy/A.java"));
    assertTrue(matches("./src", "src/A.java"));
  }

  @Test
  void starsQuestionMarksBracesAndClasses() {
    assertTrue(matches("**/generated/**", "generated/A.java"), "** is zero directories too");
    assertTrue(matches("**/generated/**", "a/b/generated/c/A.java"));
    assertTrue(matches("src/*/A.java", "src/x/A.java"));
    assertFalse(matches("src/*/A.java", "src/x/y/A.java"), "* stays within a name");
    assertTrue(matches("src/**/A.java", "src/x/y/A.java"));
    assertTrue(matches("src/**/A.java", "src/A.java"));
    assertTrue(matches("A?.java", "A1.java"));
    assertTrue(matches("{gen,build}/**", "build/A.java"));
    assertTrue(matches("[AB].java", "B.java"));
    assertFalse(matches("[!AB].java", "B.java"));
    assertTrue(matches("a+b(c).java", "a+b(c).java"), "other characters are literal");
  }

  @Test
  void aFileOutsideTheBaseIsMatchedByItsAbsolutePath() {
    assertTrue(new Glob("**/generated/**", BASE, "t").matches(Path.of("/elsewhere/generated/A.java")));
    assertFalse(new Glob("src/**", BASE, "t").matches(Path.of("/elsewhere/src/A.java")));
  }

  @Test
  void excludesWinOverIncludesAndSayWhy() {
    FileSelection files =
        new FileSelection(List.of(new Glob("src/**", BASE, "borrowck.toml [files] include")), List.of(new Glob("**/gen/**", BASE, "--exclude")));
    assertTrue(files.leftOut(BASE.resolve("src/A.java")).isEmpty());
    assertEquals("excluded by --exclude \"**/gen/**\"", files.leftOut(BASE.resolve("src/gen/A.java")).orElseThrow());
    assertEquals("not included by borrowck.toml [files] include", files.leftOut(BASE.resolve("test/A.java")).orElseThrow());
    assertTrue(files.prunes(BASE.resolve("src/gen")));
    assertFalse(files.prunes(BASE.resolve("src")));
  }
}
