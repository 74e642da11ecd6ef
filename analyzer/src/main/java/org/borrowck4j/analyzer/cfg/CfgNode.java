package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step of execution. Nodes come in evaluation order: an expression's operands before the
 * expression, a call's arguments before the call.
 */
public final class CfgNode {
  public enum Kind {
    /** Method entry; parameters are initialised. */
    ENTRY,
    /** Normal exit. */
    EXIT,
    /** Exit by an exception. */
    EXCEPTIONAL_EXIT,
    /** A point where paths meet; does nothing. */
    JOIN,
    /**
     * Evaluates {@link #ast()}, an expression (or an explicit constructor call), after its
     * operands.
     */
    EVAL,
    /** A local variable declaration, after its initializer (a {@code VariableDeclarator}). */
    DECLARE,
    /** Binds a catch, for-each, pattern or lambda parameter to its value. */
    BIND,
    /** A {@code return} after its value was computed; the value is {@link #value()}. */
    RETURN,
    /** A {@code throw} after its exception was computed. */
    THROW,
    /** The end of a scope: {@link #variables()} go out of scope. */
    SCOPE_END,
    /** The implicit {@code close()} of a try-with-resources resource. */
    CLOSE_RESOURCE,
    /** A for-each loop's head: ask the iterator for the next element or leave the loop. */
    FOREACH_NEXT,
    /** The branch taken when the condition {@link #ast()} is true (does nothing itself). */
    ASSUME_TRUE,
    /** The branch taken when the condition {@link #ast()} is false. */
    ASSUME_FALSE
  }

  private final int id;
  private final Kind kind;
  private final Node ast;
  private final Variable variable;
  private final List<Variable> variables;
  private final Node value;
  final List<Edge> successors = new ArrayList<>(2);
  final List<Edge> predecessors = new ArrayList<>(2);

  CfgNode(int id, Kind kind, Node ast, Variable variable, List<Variable> variables, Node value) {
    this.id = id;
    this.kind = kind;
    this.ast = ast;
    this.variable = variable;
    this.variables = variables == null ? List.of() : variables;
    this.value = value;
  }

  public int id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** The AST node this step stands for (the scope owner, for {@code SCOPE_END}). */
  public Node ast() {
    return ast;
  }

  /** The variable declared, bound or closed, for DECLARE, BIND and CLOSE_RESOURCE. */
  public Variable variable() {
    return variable;
  }

  /** The variables leaving scope, for SCOPE_END. */
  public List<Variable> variables() {
    return Collections.unmodifiableList(variables);
  }

  /**
   * The returned expression, for RETURN (null for a bare {@code return}); for a SCOPE_END caused
   * by a jump, the {@code return}, {@code break}, {@code continue} or {@code yield} statement.
   */
  public Node value() {
    return value;
  }

  public List<Edge> successors() {
    return Collections.unmodifiableList(successors);
  }

  public List<Edge> predecessors() {
    return Collections.unmodifiableList(predecessors);
  }

  @Override
  public String toString() {
    String what =
        switch (kind) {
          case EVAL, RETURN, THROW -> ast == null ? "" : " " + oneLine(ast.toString());
          case DECLARE, BIND, CLOSE_RESOURCE -> " " + variable;
          case SCOPE_END -> " " + variables;
          default -> "";
        };
    return id + ":" + kind + what;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
