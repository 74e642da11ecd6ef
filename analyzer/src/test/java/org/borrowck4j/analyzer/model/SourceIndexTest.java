package org.borrowck4j.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Which file declares a type does not depend on which files were parsed before the question
 * (decision 254): a type in a file not named after it is found from the names read up front, and
 * one no file's text declares is not found even once its file was parsed.
 */
class SourceIndexTest {
  private static final String A =
      """
      package p;
      public class A {}
      final class Helper { java.util.List<String> list; }
      enum Mode { ON, OFF }
      """;
  private static final String B =
      """
      package p;
      // Names in comments and class literals: "the class Helper", B.class
      public class B { Object k = B.class; }
      """;

  private static CompilationUnit parse(String name, String text) {
    return new JavaSourceParser(JavaSourceParser.newestLevel()).parse(new SourceFile(Path.of(name), name, text)).unit();
  }

  private static SourceIndex index(Map<Path, String> files, List<Path> parsed) {
    List<Path> paths = new ArrayList<>(files.keySet());
    paths.sort(null);
    SourceIndex index =
        new SourceIndex(paths, p -> {
          parsed.add(p);
          return parse(p.getFileName().toString(), files.get(p));
        });
    for (Path p : paths) {
      index.readUpFront(p, files.get(p).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
    return index;
  }

  @Test
  void aSecondTopLevelTypeIsFoundBeforeItsFileWasParsed() {
    List<Path> parsed = new ArrayList<>();
    SourceIndex index =
        index(Map.of(Path.of("src/p/A.java"), A, Path.of("src/p/C.java"), "package p; class C { Helper h; }"), parsed);
    assertTrue(parsed.isEmpty(), "nothing annotated: nothing parsed up front");
    assertNotNull(index.type("p.Helper"));
    assertTrue(index.declares("p.Mode"));
    assertEquals(List.of(Path.of("src/p/A.java")), parsed);
  }

  @Test
  void aTypeIsNotFoundThroughAFileThatWasOnlyRegistered() {
    // The analysis registers every file it parses; a type the file's text does not name after a
    // keyword (here none: the index was never told of the file) is not found through that alone.
    SourceIndex index = new SourceIndex(List.of(), p -> null);
    index.register(Path.of("elsewhere/Q.java"), parse("Q.java", "package q; class Q {} class R {}"));
    assertFalse(index.declares("q.R"));
  }

  @Test
  void wordsInCommentsAndClassLiteralsOnlyCostARead() {
    assertEquals(List.of("A", "Helper", "Mode"), DeclaredTypeNames.in(A.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    assertEquals(List.of("literals", "Helper", "B"), DeclaredTypeNames.in(B.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    assertEquals(
        List.of("Größe"),
        DeclaredTypeNames.in("record Größe(int x) {}".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1));
    assertEquals(
        List.of("Größe"),
        DeclaredTypeNames.in("@interface Größe {}".getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16));
  }
}
