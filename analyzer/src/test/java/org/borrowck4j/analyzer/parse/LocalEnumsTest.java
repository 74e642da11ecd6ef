package org.borrowck4j.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Valid Java the parser cannot read is not a parse error: a local enum is blanked out of what is
 * parsed (positions unchanged) and reported as unread; a file that is really invalid still is one.
 */
class LocalEnumsTest {
  private static final JavaSourceParser PARSER = new JavaSourceParser(JavaSourceParser.newestLevel());

  private static ParsedFile parse(String text) {
    return PARSER.parse(new SourceFile(Path.of("T.java"), "T.java", text));
  }

  /** A file that must parse, with whatever it blanked out. */
  private static ParsedFile parsesWith(String text) {
    ParsedFile parsed = parse(text);
    assertTrue(parsed.ok(), parsed.problems().toString());
    return parsed;
  }

  private static List<String> names(ParsedFile parsed) {
    return parsed.unread().stream().map(ParsedFile.Unread::name).toList();
  }

  @Test
  void aLocalEnumIsBlankedOutAndTheRestParsesWithItsPositions() {
    String text =
        "class T {\n"
            + "  int m() {\n"
            + "    enum State { A, B }\n"
            + "    return State.A.ordinal();\n"
            + "  }\n"
            + "  void n() { System.out.println(1); }\n"
            + "}\n";
    ParsedFile parsed = parsesWith(text);
    assertEquals(List.of(new ParsedFile.Unread(3, 5, 3, 23, "State")), parsed.unread());
    MethodCallExpr println = parsed.unit().findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("println")).orElseThrow();
    assertEquals(6, println.getBegin().orElseThrow().line);
    assertEquals(14, println.getBegin().orElseThrow().column);
    assertEquals(2, parsed.unit().findAll(MethodDeclaration.class).size());
  }

  @Test
  void headersBodiesModifiersAndAnnotationsGoWithIt() {
    String text =
        "class T {\n"
            + "  void m() {\n"
            + "    @SuppressWarnings({\"unused\"}) /* { */ enum Op implements java.util.function.IntUnaryOperator {\n"
            + "      NEG { public int applyAsInt(int x) { return -x; } }, // }\n"
            + "      ID(\"}\") { public int applyAsInt(int x) { return x; } };\n"
            + "      Op() { this(\"\"); } Op(String s) {}\n"
            + "    }\n"
            + "    Runnable r = () -> { enum Inner { X } };\n"
            + "    switch (1) { case 1: enum InCase { Y } default: break; }\n"
            + "  }\n"
            + "}\n";
    ParsedFile parsed = parsesWith(text);
    assertEquals(List.of("Op", "Inner", "InCase"), names(parsed));
    assertEquals(3, parsed.unread().get(0).line());
    assertEquals(5, parsed.unread().get(0).column()); // the annotation, not the keyword
    assertEquals(7, parsed.unread().get(0).endLine());
  }

  @Test
  void tabsAndCarriageReturnsCountAsTheParserCountsThem() {
    ParsedFile parsed = parsesWith("class T {\r\n\tvoid m() {\r\t\tenum E { A }\r\n\t}\r\n}\r\n");
    assertEquals(List.of(new ParsedFile.Unread(3, 3, 3, 14, "E")), parsed.unread());
  }

  @Test
  void whatTheParserReadsAnywayIsNotTouched() {
    ParsedFile parsed =
        parsesWith("class T { enum Member { A } void m() { interface Local {} record R(int x) {} class C {} } }\n");
    assertEquals(List.of(), parsed.unread());
  }

  @Test
  void anInvalidFileIsStillAParseErrorWhereTheParserFirstFailed() {
    // A member enum with a broken header: blanking it would parse, but it is not local.
    ParsedFile member = parse("class T {\n  enum E implements { A }\n}\n");
    assertFalse(member.ok());
    assertEquals(List.of(), member.unread());
    // A local enum and a real error after it: reported at the first problem, as without the blanking.
    ParsedFile both = parse("class T {\n  void m() {\n    enum E { A }\n    int x = ;\n  }\n}\n");
    assertFalse(both.ok());
    assertEquals(3, both.problems().get(0).line());
    assertEquals(List.of(), both.unread());
    // Not an enum at all.
    ParsedFile broken = parse("class T { void m( { } }\n");
    assertFalse(broken.ok());
    assertEquals(List.of(), broken.unread());
  }

  @Test
  void aUnicodeEscapeWithSeveralUsIsReadWithItsPositions() {
    // JLS 3.3: `\\uu001A` is a Unicode escape; JavaParser's lexer reads one `u` only (decision 251).
    ParsedFile parsed = parsesWith("class T {\n  String s = \"\\uu001A\"; int x = f();\n  int f() { return 1; }\n}\n");
    MethodCallExpr call = parsed.unit().findFirst(MethodCallExpr.class).orElseThrow();
    assertEquals(2, call.getBegin().orElseThrow().line);
    assertEquals(33, call.getBegin().orElseThrow().column, "the column in the text as written");
    assertTrue(names(parsed).isEmpty());
  }
}

