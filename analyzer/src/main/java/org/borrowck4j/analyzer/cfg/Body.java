package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something with code of its own: a method, constructor, initializer or lambda. Its CFG, its
 * parameters, how each name in it resolved, and what it captures from enclosing bodies.
 */
public final class Body {
  public enum Kind {
    METHOD,
    CONSTRUCTOR,
    INITIALIZER,
    LAMBDA
  }

  private final Kind kind;
  private final Node declaration;
  private final Node enclosingType;
  private final String displayName;
  private final List<Variable> parameters;
  private final Cfg cfg;
  private final Map<Node, Variable> resolutions;
  private final Set<Variable> captured;

  Body(
      Kind kind,
      Node declaration,
      Node enclosingType,
      String displayName,
      List<Variable> parameters,
      Cfg cfg,
      IdentityHashMap<Node, Variable> resolutions,
      Set<Variable> captured) {
    this.kind = kind;
    this.declaration = declaration;
    this.enclosingType = enclosingType;
    this.displayName = displayName;
    this.parameters = List.copyOf(parameters);
    this.cfg = cfg;
    this.resolutions = resolutions;
    this.captured = Collections.unmodifiableSet(captured);
  }

  public Kind kind() {
    return kind;
  }

  /** The method, constructor, initializer or lambda expression. */
  public Node declaration() {
    return declaration;
  }

  /**
   * The class whose member this is: a {@code TypeDeclaration}, an {@code EnumConstantDeclaration}
   * with a body, or an {@code ObjectCreationExpr} of an anonymous class.
   */
  public Node enclosingType() {
    return enclosingType;
  }

  public String displayName() {
    return displayName;
  }

  public List<Variable> parameters() {
    return parameters;
  }

  public Cfg cfg() {
    return cfg;
  }

  /** The variable a {@code NameExpr} or {@code this.f} access denotes, or null. */
  public Variable resolve(Node nameOrFieldAccess) {
    return resolutions.get(nameOrFieldAccess);
  }

  /** Every name resolution made while building this body. */
  public Map<Node, Variable> resolutions() {
    return Collections.unmodifiableMap(resolutions);
  }

  /** Locals and parameters of enclosing bodies that this lambda or inner-class member uses. */
  public Set<Variable> captured() {
    return captured;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
