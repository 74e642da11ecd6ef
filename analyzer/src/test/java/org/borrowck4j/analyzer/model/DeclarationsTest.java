package org.borrowck4j.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Declarations as read from source, and their compiled form: every testdata file (hundreds of
 * types, annotations of every kind, records, enums, local and nested classes) is the corpus.
 */
class DeclarationsTest {
  private static final Path TESTDATA = Path.of(System.getProperty("borrowck.testdata", "../testdata"));

  private static List<CompilationUnit> testdataUnits() throws IOException {
    JavaSourceParser parser = new JavaSourceParser(JavaSourceParser.newestLevel());
    List<CompilationUnit> units = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTDATA)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        ParsedFile parsed = parser.parse(SourceFile.read(p, p.toString()));
        if (parsed.ok()) {
          units.add(parsed.unit());
        }
      }
    }
    assertTrue(units.size() > 50, "testdata found at " + TESTDATA.toAbsolutePath());
    return units;
  }

  private static List<Declared.FileDeclarations> read(List<CompilationUnit> units) {
    List<Declared.FileDeclarations> out = new ArrayList<>();
    for (CompilationUnit u : units) {
      out.add(DeclarationReader.read(u, "file" + out.size(), Declared.Origin.Kind.SOURCE));
    }
    return out;
  }

  @Test
  void typesAreFoundInTheOrderOfAFullWalk() throws IOException {
    int compared = 0;
    for (CompilationUnit u : testdataUnits()) {
      List<String> walked = new ArrayList<>();
      for (TypeDeclaration<?> t : u.findAll(TypeDeclaration.class)) {
        walked.add(t.getNameAsString());
      }
      List<String> read = new ArrayList<>();
      for (Declared.TypeDeclaration t : DeclarationReader.read(u, "f", Declared.Origin.Kind.SOURCE).types()) {
        read.add(t.qualifiedName().substring(t.qualifiedName().lastIndexOf('.') + 1));
      }
      assertEquals(walked, read, u.getStorage().map(Object::toString).orElse(u.getPrimaryTypeName().orElse("?")));
      compared += walked.size();
    }
    assertTrue(compared > 100, "types compared: " + compared);
  }

  @Test
  void localAndNestedTypesInBodiesAreRead() {
    CompilationUnit u =
        new JavaSourceParser(JavaSourceParser.newestLevel())
            .parse(
                new SourceFile(
                    Path.of("A.java"),
                    "A.java",
                    "package p; class A { class B {} void m() { class L {} Runnable r = () -> { record R() {} };"
                        + " Object o = new Object() { class InAnonymous {} }; } }"))
            .unit();
    List<String> names = new ArrayList<>();
    for (Declared.TypeDeclaration t : DeclarationReader.read(u, "A.java", Declared.Origin.Kind.SOURCE).types()) {
      names.add(t.qualifiedName());
    }
    assertEquals(List.of("p.A", "p.A.B", "p.A.L", "p.A.R", "p.A.InAnonymous"), names);
  }

  @Test
  void compiledFormReadsBackEqual() throws IOException {
    List<Declared.FileDeclarations> declarations = read(testdataUnits());
    byte[] bytes = DeclarationCodec.encode(declarations, 42L);
    assertEquals(declarations, DeclarationCodec.decode(new ByteArrayInputStream(bytes), 42L).orElseThrow());
    // Deterministic: a build reproduces it byte for byte.
    assertArrayEquals(bytes, DeclarationCodec.encode(read(testdataUnits()), 42L));
  }

  @Test
  void compiledFormOfOtherTextIsNotUsed() throws IOException {
    byte[] bytes = DeclarationCodec.encode(read(testdataUnits()), 42L);
    assertTrue(DeclarationCodec.decode(new ByteArrayInputStream(bytes), 43L).isEmpty());
    byte[] otherFormat = bytes.clone();
    otherFormat[7]++; // the format version
    assertTrue(DeclarationCodec.decode(new ByteArrayInputStream(otherFormat), 42L).isEmpty());
  }

  @Test
  void annotatedTextIsRecognisedInItsBytes() {
    Charset utf8 = StandardCharsets.UTF_8;
    assertTrue(AnnotationNames.mayDeclareContracts("import org.borrowck4j.annotations.Owned;".getBytes(utf8), utf8));
    assertTrue(AnnotationNames.mayDeclareContracts("@org.checkerframework.checker.mustcall.qual.Owning".getBytes(utf8), utf8));
    // At the very end, after a false start, and after text that is not ASCII.
    assertTrue(AnnotationNames.mayDeclareContracts("// é org.other org.borrowck4j.annotations".getBytes(utf8), utf8));
    assertFalse(AnnotationNames.mayDeclareContracts("import org.borrowck4j.annotation;".getBytes(utf8), utf8));
    assertFalse(AnnotationNames.mayDeclareContracts("org.".getBytes(utf8), utf8));
    assertFalse(AnnotationNames.mayDeclareContracts(new byte[0], utf8));
    // An encoding where the names are not their ASCII bytes is decoded first.
    Charset utf16 = StandardCharsets.UTF_16;
    assertTrue(AnnotationNames.mayDeclareContracts("import org.borrowck4j.annotations.Mut;".getBytes(utf16), utf16));
    assertFalse(AnnotationNames.mayDeclareContracts("import java.util.List;".getBytes(utf16), utf16));
  }
}
