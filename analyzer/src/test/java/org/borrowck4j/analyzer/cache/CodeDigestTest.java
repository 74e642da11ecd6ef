package org.borrowck4j.analyzer.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Comments and the amount of layout do not change a file's code digest; anything else does. */
class CodeDigestTest {
  private static final String CODE = "class A {\n  int f() {\n    return 1; // one\n  }\n}\n";

  @Test
  void commentsAndLayoutAreNotCode() {
    assertEquals(CodeDigest.of(CODE), CodeDigest.of("/** A. */\n" + CODE.replace("// one", "// two\n\n")));
    assertEquals(CodeDigest.of(CODE), CodeDigest.of(CODE.replace("  ", "\t")));
    assertEquals("class A { int f() { return 1; } }", CodeDigest.code(CODE));
  }

  @Test
  void codeAndLiteralsAre() {
    assertNotEquals(CodeDigest.of(CODE), CodeDigest.of(CODE.replace("return 1", "return 2")));
    assertNotEquals(CodeDigest.of("String s = \"a  b\";"), CodeDigest.of("String s = \"a b\";"));
    assertNotEquals(CodeDigest.of("String s = \"// x\";"), CodeDigest.of("String s = \"// y\";"));
    assertNotEquals(CodeDigest.of("char c = '\"'; int a;"), CodeDigest.of("char c = '\"'; int b;"));
    assertNotEquals(CodeDigest.of("String t = \"\"\"\n  a /* b */\n  \"\"\";"), CodeDigest.of("String t = \"\"\"\n  a /* c */\n  \"\"\";"));
    assertNotEquals(CodeDigest.of("a b"), CodeDigest.of("ab"));
  }
}
