package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.Type;

/**
 * A named storage location: a local, a parameter, a pattern or catch variable, or a field of the
 * enclosing class. Identity matters (two variables may share a name); the id orders them
 * deterministically within a file.
 */
public final class Variable {
  public enum Kind {
    LOCAL,
    PARAMETER,
    LAMBDA_PARAMETER,
    RESOURCE,
    CATCH_PARAMETER,
    FOREACH,
    PATTERN,
    FIELD
  }

  private final int id;
  private final String name;
  private final Kind kind;
  private final Node declaration;
  private final Type type;
  private final NodeList<AnnotationExpr> annotations;
  private final boolean isStatic;

  Variable(
      int id,
      String name,
      Kind kind,
      Node declaration,
      Type type,
      NodeList<AnnotationExpr> annotations,
      boolean isStatic) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.declaration = declaration;
    this.type = type;
    this.annotations = annotations == null ? new NodeList<>() : annotations;
    this.isStatic = isStatic;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The declaring node: a {@code VariableDeclarator} (locals, fields, resources, for-each
   * variables), a {@code Parameter} (parameters, catch and lambda parameters) or a {@code
   * TypePatternExpr}.
   */
  public Node declaration() {
    return declaration;
  }

  /** The declared type as written; a {@code VarType} for {@code var}, null where none is written. */
  public Type type() {
    return type;
  }

  /** The annotations written on the declaration. */
  public NodeList<AnnotationExpr> annotations() {
    return annotations;
  }

  public boolean isField() {
    return kind == Kind.FIELD;
  }

  public boolean isStatic() {
    return isStatic;
  }

  public boolean isParameter() {
    return kind == Kind.PARAMETER || kind == Kind.LAMBDA_PARAMETER;
  }

  @Override
  public String toString() {
    return name;
  }
}
