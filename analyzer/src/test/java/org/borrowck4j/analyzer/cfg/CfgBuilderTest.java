package org.borrowck4j.analyzer.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.junit.jupiter.api.Test;

/** The CFG builder on the forms where control flow is easy to get wrong. */
class CfgBuilderTest {

  @Test
  void finallyRunsOnTheWayFromReturnToExit() {
    Body b = method("int m() { try { return a(); } finally { b(); } }");
    CfgNode ret = only(b, CfgNode.Kind.RETURN, "return a();");
    assertTrue(reaches(b, ret, b.cfg().exit(), n -> false));
    assertFalse(reaches(b, ret, b.cfg().exit(), n -> isEval(n, "b()")), "return must pass the finally");
    // The exceptional exit of a() runs another copy of the finally block.
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    assertFalse(reaches(b, a, b.cfg().exceptionalExit(), n -> isEval(n, "b()")));
    assertTrue(reaches(b, a, b.cfg().exceptionalExit(), n -> false));
    assertEquals(2, evals(b, "b()").size(), "one copy per exit: return and exception");
  }

  @Test
  void returnInFinallyOverridesTheReturnInTry() {
    Body b = method("int m() { try { return a(); } finally { return b(); } }");
    CfgNode first = only(b, CfgNode.Kind.RETURN, "return a();");
    CfgNode exit = b.cfg().exit();
    assertTrue(reaches(b, first, exit, n -> false));
    assertFalse(
        reaches(b, first, exit, n -> n.kind() == CfgNode.Kind.RETURN && n.ast().toString().equals("return b();")),
        "the try's return completes through the finally's return");
  }

  @Test
  void labelledContinueGoesToTheOuterLoopsUpdate() {
    Body b =
        method(
            "void m(int n, java.util.List<String> xs) {"
                + " outer: for (int i = 0; i < n; i++) {"
                + "   for (String s : xs) { if (p(s)) continue outer; q(s); } } }");
    CfgNode p = only(b, CfgNode.Kind.EVAL, "p(s)");
    CfgNode update = only(b, CfgNode.Kind.EVAL, "i++");
    assertTrue(
        reaches(b, p, update, n -> isEval(n, "q(s)") || n.kind() == CfgNode.Kind.FOREACH_NEXT),
        "continue outer jumps straight to i++");
  }

  @Test
  void switchStatementGroupsFallThrough() {
    Body b = method("void m(int k) { switch (k) { case 1: a(); case 2: b(); break; default: c(); } d(); }");
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    CfgNode bNode = only(b, CfgNode.Kind.EVAL, "b()");
    CfgNode c = only(b, CfgNode.Kind.EVAL, "c()");
    CfgNode d = only(b, CfgNode.Kind.EVAL, "d()");
    assertTrue(reaches(b, a, bNode, n -> false), "case 1 falls through into case 2");
    assertFalse(reaches(b, a, c, n -> false), "break leaves the switch");
    assertTrue(reaches(b, a, d, n -> false));
    assertFalse(reaches(b, b.cfg().entry(), d, n -> n == a || n == bNode || n == c), "a default exists: no path skips every case");
  }

  @Test
  void switchWithoutDefaultCanMatchNothing() {
    Body b = method("void m(int k) { switch (k) { case 1 -> a(); case 2 -> b(); } d(); }");
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    CfgNode bNode = only(b, CfgNode.Kind.EVAL, "b()");
    CfgNode d = only(b, CfgNode.Kind.EVAL, "d()");
    assertFalse(reaches(b, a, bNode, n -> false), "arrow cases do not fall through");
    assertTrue(reaches(b, b.cfg().entry(), d, n -> n == a || n == bNode));
  }

  @Test
  void switchExpressionYieldsAndGuardsFallToTheNextCase() {
    Body b =
        method(
            "int m(Object o) { int r = switch (o) {"
                + " case String s when s.isEmpty() -> 0;"
                + " case String s -> { int n = s.length(); yield n; }"
                + " default -> fallback(); }; return use(r); }");
    CfgNode guard = only(b, CfgNode.Kind.EVAL, "s.isEmpty()");
    CfgNode length = only(b, CfgNode.Kind.EVAL, "s.length()");
    CfgNode use = only(b, CfgNode.Kind.EVAL, "use(r)");
    assertTrue(reaches(b, guard, length, n -> false), "a failed guard tries the next case");
    assertTrue(reaches(b, length, use, n -> isEval(n, "fallback()")), "yield completes the switch expression");
    assertEquals(2, binds(b, "s").size(), "each case binds its own pattern variable");
  }

  @Test
  void tryWithResourcesClosesInReverseOrderOnEveryExit() {
    Body b = method("void m() throws Exception { try (R r1 = o1(); R r2 = o2()) { use(r1, r2); } after(); }");
    CfgNode use = only(b, CfgNode.Kind.EVAL, "use(r1, r2)");
    CfgNode o2 = only(b, CfgNode.Kind.EVAL, "o2()");
    List<CfgNode> close1 = closes(b, "r1");
    List<CfgNode> close2 = closes(b, "r2");
    CfgNode after = only(b, CfgNode.Kind.EVAL, "after()");
    // Normal exit: r2 then r1, then the code after the statement.
    assertFalse(reaches(b, use, after, n -> close2.contains(n)));
    assertFalse(reaches(b, use, after, n -> close1.contains(n)));
    for (CfgNode c1 : close1) {
      for (CfgNode c2 : close2) {
        assertFalse(reaches(b, c1, c2, n -> false), "r1 is closed after r2, never before");
      }
    }
    // Exceptional exit of the body closes both too.
    assertFalse(reaches(b, use, b.cfg().exceptionalExit(), n -> close2.contains(n)));
    assertFalse(reaches(b, use, b.cfg().exceptionalExit(), n -> close1.contains(n)));
    // If opening r2 fails, r1 is closed and r2 is not.
    assertFalse(reaches(b, o2, b.cfg().exceptionalExit(), n -> close1.contains(n)));
    assertTrue(reaches(b, o2, b.cfg().exceptionalExit(), n -> close2.contains(n)));
  }

  @Test
  void exceptionsFromCallsReachTheCatchAndReturnsSkipIt() {
    Body b = method("void m() { try { a(); if (c()) return; b(); } catch (RuntimeException e) { h(e); } z(); }");
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    CfgNode h = only(b, CfgNode.Kind.EVAL, "h(e)");
    CfgNode ret = only(b, CfgNode.Kind.RETURN, "return;");
    assertTrue(reaches(b, a, h, n -> isEval(n, "b()")), "a() can throw into the catch");
    assertFalse(reaches(b, ret, h, n -> false));
    // A RuntimeException handler does not catch everything (errors propagate).
    assertTrue(reaches(b, a, b.cfg().exceptionalExit(), n -> n == h));
  }

  /**
   * D9: each node that throws has its own edge towards each catch clause around it (through the
   * scopes and finally blocks it leaves), and one out of the body, so that the analyses can close
   * the ways into a clause the call cannot throw into.
   */
  @Test
  void eachCallHasItsOwnWayIntoEachCatchClause() {
    Body b =
        method(
            "void m() { try { try { a(); } finally { f(); } b(); } catch (java.io.IOException e) { h(e); }"
                + " catch (IllegalStateException e) { i(e); } }");
    for (String call : List.of("a()", "b()")) {
      CfgNode node = only(b, CfgNode.Kind.EVAL, call);
      List<String> clauses = new java.util.ArrayList<>();
      int out = 0;
      for (Edge e : node.successors()) {
        if (e.kind() == Edge.Kind.EXCEPTION) {
          var c = b.cfg().handlerReachedAt(e.to());
          if (c == null) {
            out++;
          } else {
            clauses.add(c.getParameter().getTypeAsString());
          }
        }
      }
      assertEquals(List.of("java.io.IOException", "IllegalStateException"), clauses, call);
      assertEquals(1, out, call + " may also throw out of the body");
    }
    // Both ways out of the inner try run its finally block.
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    CfgNode h = only(b, CfgNode.Kind.EVAL, "h(e)");
    assertFalse(reaches(b, a, h, n -> isEval(n, "f()")), "the way into the catch runs the finally block");
    assertFalse(reaches(b, a, b.cfg().exceptionalExit(), n -> isEval(n, "f()")));
  }

  /** A clause of Throwable catches everything: no way out of the body is left. */
  @Test
  void aCatchOfThrowableLeavesNoWayOut() {
    Body b = method("void m() { try { a(); } catch (Throwable t) { h(t); } }");
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    assertFalse(reaches(b, a, b.cfg().exceptionalExit(), n -> isEval(n, "h(t)")));
    assertEquals(1, a.successors().stream().filter(e -> e.kind() == Edge.Kind.EXCEPTION).count());
  }

  @Test
  void shortCircuitSkipsTheRightOperand() {
    Body b = method("void m() { if (a() && b()) c(); d(); }");
    CfgNode a = only(b, CfgNode.Kind.EVAL, "a()");
    CfgNode d = only(b, CfgNode.Kind.EVAL, "d()");
    assertTrue(reaches(b, a, d, n -> isEval(n, "b()") || isEval(n, "c()")));
  }

  @Test
  void whileTrueExitsOnlyThroughBreak() {
    Body b = method("void m() { while (true) { if (a()) break; b(); } c(); }");
    CfgNode bNode = only(b, CfgNode.Kind.EVAL, "b()");
    CfgNode c = only(b, CfgNode.Kind.EVAL, "c()");
    assertFalse(reaches(b, bNode, c, n -> isEval(n, "a()")), "no exit from the head of while (true)");
    assertTrue(reaches(b, bNode, bNode, n -> false), "the loop loops");
  }

  @Test
  void doWhileRunsTheBodyFirst() {
    Body b = method("void m() { do { a(); } while (c()); d(); }");
    CfgNode entry = b.cfg().entry();
    CfgNode d = only(b, CfgNode.Kind.EVAL, "d()");
    assertFalse(reaches(b, entry, d, n -> isEval(n, "a()")));
  }

  @Test
  void unreachableCodeIsBuiltButNotReached() {
    Body b = method("void m() { return; } ");
    Body b2 = method("int m() { throw new IllegalStateException(); }");
    assertTrue(reaches(b, b.cfg().entry(), b.cfg().exit(), n -> false));
    assertFalse(reaches(b2, b2.cfg().entry(), b2.cfg().exit(), n -> false));
    Body dead = method("void m(int x) { while (true) { x++; } }");
    assertFalse(reaches(dead, dead.cfg().entry(), dead.cfg().exit(), n -> false));
    assertTrue(dead.cfg().reversePostOrder().length < dead.cfg().size(), "the exit is not in the reachable order");
  }

  @Test
  void lambdasAndLocalAndAnonymousClassesGetTheirOwnBodies() {
    List<Body> bodies =
        build(
            "class T { void m(String in) {"
                + " Runnable r = () -> use(in);"
                + " class Local { void f() { use(in); } }"
                + " Object o = new Object() { public String toString() { return in; } }; } }");
    assertEquals(4, bodies.size(), bodies.toString());
    Body lambda = bodies.stream().filter(x -> x.kind() == Body.Kind.LAMBDA).findFirst().orElseThrow();
    assertEquals("in", lambda.captured().iterator().next().name());
    for (Body x : bodies) {
      if (x.kind() != Body.Kind.METHOD || !x.displayName().equals("T.m")) {
        assertEquals(1, x.captured().size(), x + " captures the parameter");
      }
    }
  }

  @Test
  void namesResolveToTheRightVariables() {
    Body b = method("int f; void m(int f) { this.f = f; { int g = f; } }");
    Variable param = b.parameters().get(0);
    long resolvedToParam = b.resolutions().values().stream().filter(v -> v == param).count();
    assertEquals(2, resolvedToParam, "both plain uses of f are the parameter");
    assertTrue(b.resolutions().values().stream().anyMatch(Variable::isField), "this.f is the field");
  }

  // ---- helpers ----

  private static List<Body> build(String source) {
    ParsedFile parsed =
        new JavaSourceParser(JavaSourceParser.newestLevel()).parse(new SourceFile(null, "T.java", source));
    assertTrue(parsed.ok(), parsed.problems().toString());
    return CfgBuilder.build(parsed.unit());
  }

  private static Body method(String member) {
    List<Body> bodies = build("class T { " + member + " }");
    return bodies.stream().filter(x -> x.displayName().equals("T.m")).findFirst().orElseThrow();
  }

  private static boolean isEval(CfgNode n, String text) {
    return n.kind() == CfgNode.Kind.EVAL && n.ast().toString().equals(text);
  }

  private static List<CfgNode> evals(Body b, String text) {
    return b.cfg().nodes().stream().filter(n -> isEval(n, text)).toList();
  }

  private static List<CfgNode> closes(Body b, String variable) {
    return b.cfg().nodes().stream()
        .filter(n -> n.kind() == CfgNode.Kind.CLOSE_RESOURCE && n.variable().name().equals(variable))
        .toList();
  }

  private static List<CfgNode> binds(Body b, String variable) {
    return b.cfg().nodes().stream()
        .filter(n -> n.kind() == CfgNode.Kind.BIND && n.variable().name().equals(variable))
        .map(n -> n)
        .distinct()
        .toList();
  }

  private static CfgNode only(Body b, CfgNode.Kind kind, String text) {
    List<CfgNode> found =
        b.cfg().nodes().stream()
            .filter(n -> n.kind() == kind && n.ast() != null && text.equals(oneLine(n.ast())))
            .toList();
    assertEquals(1, found.size(), "nodes " + kind + " " + text + " in\n" + b.cfg().dump());
    return found.get(0);
  }

  private static String oneLine(Node n) {
    return n.toString().replaceAll("\\s+", " ").strip();
  }

  /** Whether a path leads from {@code from} (after it) to {@code to} avoiding nodes matching {@code avoid}. */
  private static boolean reaches(Body b, CfgNode from, CfgNode to, Predicate<CfgNode> avoid) {
    BitSet seen = new BitSet();
    Deque<CfgNode> work = new ArrayDeque<>();
    for (Edge e : from.successors()) {
      work.add(b.cfg().node(e.to()));
    }
    while (!work.isEmpty()) {
      CfgNode n = work.poll();
      if (seen.get(n.id()) || avoid.test(n)) {
        continue;
      }
      seen.set(n.id());
      if (n == to) {
        return true;
      }
      for (Edge e : n.successors()) {
        work.add(b.cfg().node(e.to()));
      }
    }
    return false;
  }
}
