package org.borrowck4j.analyzer.engine;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Span;

/**
 * {@code @SuppressWarnings("borrowck")} and {@code @SuppressWarnings("borrowck:<rule>")} on any
 * declaration (class, method, constructor, field, local, parameter). A suppression covers the
 * findings inside the declaration and, on a variable, the findings about that variable. Each
 * remembers whether it was used, so unused ones can be reported.
 */
final class Suppressions {
  static final String PREFIX = "borrowck";

  /** One suppressing value on one declaration. */
  record Suppression(AnnotationExpr annotation, String value, String rule, Span range, List<Span> variables, boolean[] used) {
    boolean covers(Finding f) {
      if (rule != null && !f.rule().isNamed(rule)) {
        return false;
      }
      if (range.contains(f.primary())) {
        return true;
      }
      return f.subject() != null && variables.contains(f.subject());
    }
  }

  private final List<Suppression> suppressions = new ArrayList<>();

  static Suppressions of(CompilationUnit unit, String text) {
    Suppressions s = new Suppressions();
    if (!text.contains(PREFIX)) {
      // Every suppression names us in a string literal; most files have none to look for.
      return s;
    }
    for (AnnotationExpr a : unit.findAll(AnnotationExpr.class)) {
      String name = a.getNameAsString();
      if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
        continue;
      }
      Node declaration = a.getParentNode().orElse(null);
      if (declaration == null || declaration.getRange().isEmpty()) {
        continue;
      }
      for (String value : values(a)) {
        String v = value.strip();
        if (!v.equals(PREFIX) && !v.startsWith(PREFIX + ":")) {
          continue;
        }
        String rule = v.equals(PREFIX) ? null : v.substring(PREFIX.length() + 1).strip();
        s.suppressions.add(new Suppression(a, v, rule, Span.of(declaration), variables(declaration), new boolean[1]));
      }
    }
    return s;
  }

  private static List<String> values(AnnotationExpr a) {
    Expression member = null;
    if (a instanceof SingleMemberAnnotationExpr single) {
      member = single.getMemberValue();
    } else if (a instanceof NormalAnnotationExpr normal) {
      member =
          normal.getPairs().stream()
              .filter(p -> p.getNameAsString().equals("value"))
              .map(p -> p.getValue())
              .findFirst()
              .orElse(null);
    }
    List<String> out = new ArrayList<>();
    if (member instanceof StringLiteralExpr s) {
      out.add(s.asString());
    } else if (member instanceof ArrayInitializerExpr array) {
      for (Expression e : array.getValues()) {
        if (e instanceof StringLiteralExpr s) {
          out.add(s.asString());
        }
      }
    }
    return out;
  }

  /** The names a variable declaration declares, where findings about them say they are declared. */
  private static List<Span> variables(Node declaration) {
    List<Span> out = new ArrayList<>();
    if (declaration instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        out.add(Span.of(d.getName()));
      }
    } else if (declaration instanceof FieldDeclaration f) {
      for (VariableDeclarator d : f.getVariables()) {
        out.add(Span.of(d.getName()));
      }
    } else if (declaration instanceof Parameter p) {
      out.add(Span.of(p.getName()));
    }
    return out;
  }

  boolean suppresses(Finding f) {
    boolean any = false;
    for (Suppression s : suppressions) {
      if (s.covers(f)) {
        s.used()[0] = true;
        any = true;
      }
    }
    return any;
  }

  List<Suppression> all() {
    return suppressions;
  }

  List<Suppression> unused() {
    return suppressions.stream().filter(s -> !s.used()[0]).toList();
  }
}
