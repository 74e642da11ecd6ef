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

  private final CfgBuilder unit;
  /** What a call of a getter is (D23): the place of the field it returns, or null; set by the facts. */
  private java.util.function.Function<com.github.javaparser.ast.expr.MethodCallExpr, GetterPlace> getters;

  /** A getter's result (D23): the field {@code field} of the receiver ({@code this} when {@code declaringType} is the caller's class). */
  public record GetterPlace(String declaringType, String field) {}

  private final Map<Node, Variable> getterPlaces = new IdentityHashMap<>();
  /** The paths some getter's call is (their field, summarised, holds no concurrent collection). */
  private final Set<Variable> pathsOfGetters = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private FileBodies(CfgBuilder unit) {
    this.unit = unit;
    List<Body> bodies = unit.bodies();
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
    return new FileBodies(CfgBuilder.builder(unit));
  }

  /**
   * How to tell a getter's call (D23: a call whose result is the receiver's field): given once,
   * by the facts of the unit, which know the calls' contracts.
   */
  public void gettersBy(java.util.function.Function<com.github.javaparser.ast.expr.MethodCallExpr, GetterPlace> getters) {
    this.getters = getters;
  }

  public List<Body> all() {
    return all;
  }

  /** The variable a name or {@code this.f} denotes, or null. */
  public Variable variableOf(Node nameOrFieldAccess) {
    Variable v = resolutions.get(nameOrFieldAccess);
    if (v == null && getters != null && nameOrFieldAccess instanceof com.github.javaparser.ast.expr.MethodCallExpr call) {
      return getterPlace(call);
    }
    return v;
  }

  /**
   * The place a getter's call is (D23, DESIGN "places"): {@code getItems()} or {@code
   * this.getItems()} is the field {@code items} of the class the call is in (when the getter is
   * that class's own), {@code h.getItems()} the path {@code h.items} ({@code h} a local or
   * parameter). Decided once per call.
   */
  private Variable getterPlace(com.github.javaparser.ast.expr.MethodCallExpr call) {
    if (getterPlaces.containsKey(call)) {
      return getterPlaces.get(call);
    }
    getterPlaces.put(call, null); // a call asked about while its own contract is being found
    Variable place = null;
    Node scope = call.getScope().map(AstNodes::unwrap).orElse(null);
    // Only a call that can be a getter's place asks for its contract (which may mean inferring
    // it): no arguments, on this class or on a local or parameter.
    boolean own = scope == null || (scope instanceof com.github.javaparser.ast.expr.ThisExpr t && t.getTypeName().isEmpty());
    Variable base = scope instanceof com.github.javaparser.ast.expr.NameExpr ? resolutions.get(scope) : null;
    boolean placeShape = call.getArguments().isEmpty() && (own || (base != null && !base.isField()));
    GetterPlace g = placeShape ? getters.apply(call) : null;
    if (g != null) {
      if (own) {
        place = ownField(call, g);
      } else {
        place = unit.pathOf(base, g.field());
        pathsOfGetters.add(place);
      }
    }
    getterPlaces.put(call, place);
    return place;
  }

  /** Whether a getter's call was found to be this path ({@code h.getItems()} for {@code h.items}). */
  public boolean isGetterPlace(Variable path) {
    return pathsOfGetters.contains(path);
  }

  /** The field a getter of the class around the call returns, as a variable of this unit. */
  private Variable ownField(Node call, GetterPlace g) {
    TypeDeclaration<?> type = call.findAncestor(TypeDeclaration.class).orElse(null);
    String simple = g.declaringType().substring(g.declaringType().lastIndexOf('.') + 1);
    simple = simple.substring(simple.lastIndexOf('$') + 1);
    if (type == null || !type.getNameAsString().equals(simple)) {
      return null; // an inherited getter: its field is no variable of this class
    }
    var field = type.getFieldByName(g.field()).orElse(null);
    if (field == null || field.isStatic()) {
      return null;
    }
    for (var d : field.getVariables()) {
      if (d.getNameAsString().equals(g.field())) {
        return unit.declared(d);
      }
    }
    return null;
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
