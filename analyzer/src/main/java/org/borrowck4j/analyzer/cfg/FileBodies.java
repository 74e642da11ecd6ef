package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * The bodies of one compilation unit and what is known across them: the variable each name
 * denotes (whichever body it is in), the body of a lambda or method, and the locals an anonymous
 * or local class captures from the bodies around it.
 */
public final class FileBodies {
  private final List<Body> all;
  private final Map<Node, Variable> resolutions = new IdentityHashMap<>();
  private final Map<LambdaExpr, Body> lambdas = new IdentityHashMap<>();
  private final Map<MethodDeclaration, Body> methods = new IdentityHashMap<>();
  private final Map<Node, Set<Variable>> anonymousCaptures = new IdentityHashMap<>();
  private final Map<TypeDeclaration<?>, Set<Variable>> localClassCaptures = new IdentityHashMap<>();

  private FileBodies(List<Body> bodies) {
    this.all = bodies;
    for (Body b : bodies) {
      resolutions.putAll(b.resolutions());
      if (b.declaration() instanceof LambdaExpr l) {
        lambdas.put(l, b);
      }
      if (b.declaration() instanceof MethodDeclaration m) {
        methods.put(m, b);
      }
      if (b.enclosingType() instanceof ObjectCreationExpr anonymous && !b.captured().isEmpty()) {
        anonymousCaptures.computeIfAbsent(anonymous, k -> new LinkedHashSet<>()).addAll(b.captured());
      }
      if (b.enclosingType() instanceof TypeDeclaration<?> local
          && local.getParentNode().orElse(null) instanceof LocalClassDeclarationStmt
          && !b.captured().isEmpty()) {
        localClassCaptures.computeIfAbsent(local, k -> new LinkedHashSet<>()).addAll(b.captured());
      }
    }
  }

  /** Every body of the unit, in source order. */
  public static FileBodies of(CompilationUnit unit) {
    return new FileBodies(CfgBuilder.build(unit));
  }

  public List<Body> all() {
    return all;
  }

  /** The variable a name or {@code this.f} denotes, or null. */
  public Variable variableOf(Node nameOrFieldAccess) {
    return resolutions.get(nameOrFieldAccess);
  }

  /** The body of a lambda expression. */
  public Body lambdaBody(LambdaExpr lambda) {
    return lambdas.get(lambda);
  }

  /** The body of a method declared in this unit, or null. */
  public Body methodBody(MethodDeclaration method) {
    return methods.get(method);
  }

  /** The locals of enclosing bodies that the members of an anonymous class use. */
  public Set<Variable> capturedByAnonymousClass(ObjectCreationExpr creation) {
    return anonymousCaptures.getOrDefault(creation, Set.of());
  }

  /**
   * The locals of enclosing bodies that an object creation captures: those its anonymous class
   * body uses, or those the local class it instantiates uses.
   */
  public Set<Variable> capturedByClassOf(ObjectCreationExpr creation) {
    if (creation.getAnonymousClassBody().isPresent()) {
      return capturedByAnonymousClass(creation);
    }
    String name = creation.getType().getNameAsString();
    for (var entry : localClassCaptures.entrySet()) {
      TypeDeclaration<?> local = entry.getKey();
      Node scope = local.getParentNode().flatMap(Node::getParentNode).orElse(null);
      if (local.getNameAsString().equals(name) && scope != null && AstNodes.isWithin(creation, scope)) {
        return entry.getValue();
      }
    }
    return Set.of();
  }
}
