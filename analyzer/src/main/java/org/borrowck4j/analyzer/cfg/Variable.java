package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.Type;

/**
 * A named storage location: a local, a parameter, a pattern or catch variable, a field of the
 * enclosing class, or a field of a local or parameter ({@code h.items}: a <em>path</em>, DESIGN
 * "places"). Identity matters (two variables may share a name); the id orders them
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
  private final Variable base;

  Variable(
      int id,
      String name,
      Kind kind,
      Node declaration,
      Type type,
      NodeList<AnnotationExpr> annotations,
      boolean isStatic) {
    this(id, name, kind, declaration, type, annotations, isStatic, null);
  }

  Variable(
      int id,
      String name,
      Kind kind,
      Node declaration,
      Type type,
      NodeList<AnnotationExpr> annotations,
      boolean isStatic,
      Variable base) {
    this.base = base;
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

  /**
   * For a path ({@code h.items}): the local or parameter whose field it is; null for every other
   * variable. A path is a {@link Kind#FIELD}: it is treated as a field is (never dropped, never
   * leak-checked, an owner only by its type), but it belongs to the object {@code base} holds,
   * not to {@code this}. Its {@link #declaration()} is the base's; its name is {@code h.items}.
   */
  public Variable base() {
    return base;
  }

  /** Whether this is a field of a local or parameter ({@code h.items}) rather than of {@code this}. */
  public boolean isPath() {
    return base != null;
  }

  /** The field's simple name: {@code items} for {@code h.items}, the name for any other variable. */
  public String fieldName() {
    return base == null ? name : name.substring(base.name().length() + 1);
  }

  public boolean isStatic() {
    return isStatic;
  }

  /**
   * A field of the enclosing class declared {@code final}: no method can give it another value
   * (only the constructors and initialisers assign it, and only directly).
   */
  public boolean isFinalField() {
    return kind == Kind.FIELD
        && !isPath()
        && declaration != null
        && declaration.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration f
        && f.isFinal();
  }

  public boolean isParameter() {
    return kind == Kind.PARAMETER || kind == Kind.LAMBDA_PARAMETER;
  }

  @Override
  public String toString() {
    return name;
  }
}
