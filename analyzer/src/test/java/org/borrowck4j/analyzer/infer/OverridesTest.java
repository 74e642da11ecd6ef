package org.borrowck4j.analyzer.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OverridesTest {
  @Test
  void wordsAfterExtendsAndImplementsUpToTheBody() {
    String text =
        "package a;\n"
            + "import java.util.List;\n"
            + "public class Cache<K extends Comparable<K>> extends AbstractCache<K>\n"
            + "    implements Map.Entry<K, V>, java.io.Closeable {\n"
            + "  Cache() { Object o = new Extended(); }\n"
            + "  interface Inner extends Outer.Base, Serializable {}\n"
            + "  void m(Class<? extends Number> c) {}\n"
            + "  String extendsNothing = \"x\";\n"
            + "}\n";
    assertEquals(
        Set.of("Comparable", "K", "AbstractCache", "Map", "Entry", "V", "Closeable", "Outer", "Base", "Serializable", "Number"),
        Overrides.supertypeWords(text));
  }

  @Test
  void keywordsInsideWordsAreNotClauses() {
    assertEquals(Set.of(), Overrides.supertypeWords("class A { int implementsCount; String notextends = X; }"));
  }

  @Test
  void eachKeywordIsFoundAgainPastTheClauseItWasIn() {
    String text =
        "class A extends B implements C {}\n"
            + "class D implements E {}\n"
            + "class F extends G {}\n"
            + "interface H extends I, J {}\n"
            + "class K implements L {}\n";
    assertEquals(Set.of("B", "C", "E", "G", "I", "J", "L"), Overrides.supertypeWords(text));
  }

  @Test
  void anEmptyClauseIsPassedToo() {
    assertEquals(Set.of("B"), Overrides.supertypeWords("/* extends{ implements; */ class A extends B {} // extends"));
    assertEquals(Set.of(), Overrides.supertypeWords("extends"));
  }
}
