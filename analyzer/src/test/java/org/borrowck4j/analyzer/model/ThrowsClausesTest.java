package org.borrowck4j.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.borrowck4j.analyzer.types.TypeRef;
import org.junit.jupiter.api.Test;

/**
 * What a call may throw (D9), from its declarations: a source says (no clause: nothing), a class
 * file says, a model says only where it writes a throws clause (the built-in models were written
 * without them); the nearest declaration that says speaks for a signature.
 */
class ThrowsClausesTest {
  private static final String SOURCE =
      """
      package p;
      import java.io.IOException;
      class Store {
        void save(String key) throws IOException {}
        void index(String key) {}
        Store() {}
        Store(String path) throws java.io.FileNotFoundException {}
        <E extends Exception> void run() throws E {}
      }
      class Quiet extends java.io.OutputStream {
        @Override public void write(int b) {}
      }
      record Point(int x, int y) {}
      """;

  private static final String MODEL =
      """
      import org.borrowck4j.annotations.*;
      package lib;
      public class Conn {
        @Consumes void close();
        @Consumes void shutdown() throws java.io.IOException;
      }
      package java.util;
      public interface List<E> extends Collection<E> {
        @Mut boolean add(E e);
      }
      """;

  private static List<Declared.FileDeclarations> model() throws StubLoader.StubException {
    return StubLoader.load("model.astub", MODEL, Declared.Origin.Kind.BUILTIN_MODEL);
  }

  private static ContractIndex index() throws StubLoader.StubException {
    var unit =
        new JavaSourceParser(JavaSourceParser.newestLevel()).parse(new SourceFile(Path.of("Store.java"), "Store.java", SOURCE)).unit();
    Path file = Path.of("Store.java");
    SourceIndex sources = new SourceIndex(List.of(file), p -> unit);
    sources.readUpFront(file, SOURCE.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
    return ContractIndex.of(sources, List.of(), model(), new ClasspathContracts(List.of()));
  }

  private static List<String> thrown(ContractIndex index, String type, String method, int arguments) {
    return index.thrown(TypeRef.of(type), method, arguments, () -> java.util.Collections.nCopies(arguments, TypeRef.UNKNOWN));
  }

  @Test
  void aSourceDeclarationSaysWhatItThrowsAndNoClauseIsNothing() throws Exception {
    ContractIndex index = index();
    assertEquals(List.of("java.io.IOException"), thrown(index, "p.Store", "save", 1));
    assertEquals(List.of(), thrown(index, "p.Store", "index", 1));
    assertEquals(List.of(), index.constructorThrown(TypeRef.of("p.Store"), 0, List::of));
    assertEquals(List.of("java.io.FileNotFoundException"), index.constructorThrown(TypeRef.of("p.Store"), 1, List::of));
    assertEquals(List.of(), index.constructorThrown(TypeRef.of("p.Point"), 2, List::of), "a record's canonical constructor");
    assertNull(thrown(index, "p.Store", "run", 0), "a type variable: what it stands for is the caller's");
  }

  @Test
  void aClassFileSaysAndAnOverrideMayNarrowIt() throws Exception {
    ContractIndex index = index();
    assertEquals(List.of("java.io.IOException"), thrown(index, "java.io.OutputStream", "write", 1));
    assertEquals(List.of(), index.thrown(TypeRef.of("p.Quiet"), "write", 1, () -> List.of(TypeRef.of("int"))));
    assertEquals(
        List.of("java.io.IOException"),
        index.thrown(TypeRef.of("p.Quiet"), "write", 1, () -> List.of(TypeRef.UNKNOWN)),
        "write(byte[]) is inherited as it is declared");
    assertEquals(List.of("java.io.FileNotFoundException"), index.constructorThrown(TypeRef.of("java.io.FileInputStream"), 1, () -> List.of(TypeRef.of("java.lang.String"))));
  }

  @Test
  void aModelSaysOnlyWhereItWritesAThrowsClause() throws Exception {
    ContractIndex index = index();
    assertNull(thrown(index, "lib.Conn", "close", 0), "silent, and no class file to ask");
    assertEquals(List.of("java.io.IOException"), thrown(index, "lib.Conn", "shutdown", 0));
    assertEquals(List.of(), thrown(index, "java.util.List", "add", 1), "silent: the class file says");
  }

  @Test
  void theCompiledFormKeepsASilentClauseApartFromAnEmptyOne() throws Exception {
    List<Declared.FileDeclarations> declarations = model();
    Declared.TypeDeclaration conn = declarations.get(0).types().get(0);
    assertNull(conn.methods().get(0).thrown());
    assertEquals(List.of("java.io.IOException"), conn.methods().get(1).thrown());
    byte[] bytes = DeclarationCodec.encode(declarations, 7L);
    assertEquals(declarations, DeclarationCodec.decode(new ByteArrayInputStream(bytes), 7L).orElseThrow());
  }

  @Test
  void theDeclarationTextSaysIt() throws IOException, StubLoader.StubException {
    String text = DeclarationText.of(model().get(0), false);
    assertEquals(true, text.contains(" method close vars[] returns void @Consumes receiver throws?\n"), text);
    assertEquals(true, text.contains(" method shutdown vars[] returns void @Consumes receiver throws[java.io.IOException]\n"), text);
  }
}
