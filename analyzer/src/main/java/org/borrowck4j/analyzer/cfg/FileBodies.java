package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * The bodies of one compilation unit and what is known across them: the variable each name
 * denotes (whichever body it is in), the body of a lambda or method, and the locals an anonymous
 * or local class captures from the bodies around it.
 */
public final class FileBodies {
  /** Every body in source order; null until all are built (a unit built lazily). */
  private List<Body> all;
  private final Map<Node, Variable> resolutions = new IdentityHashMap<>();
  private final Map<LambdaExpr, Body> lambdas = new IdentityHashMap<>();
  private final Map<Node, Body> callables = new IdentityHashMap<>();
  private final Map<Node, Set<Variable>> anonymousCaptures = new IdentityHashMap<>();
  private final Map<TypeDeclaration<?>, Set<Variable>> localClassCaptures = new IdentityHashMap<>();
  /** How many of the builder's bodies are in the maps above. */
  private int indexed;

  private final CfgBuilder unit;
  /** What a call of a getter is (D23: a call whose result is the receiver's field): the place of the field it returns, or null; set by the facts. */
  private Function<MethodCallExpr, GetterPlace> getters;

  /** A getter's result (D23): the field {@code field} of the receiver ({@code this} when {@code declaringType} is the caller's class). */
  public record GetterPlace(String declaringType, String field) {}

  /**
   * What a call returning its receiver's constructor argument is (model vocabulary
   * {@code @ConstructorArgument}, decision 235): the variable the argument was, or null; set by the facts.
   */
  private Function<MethodCallExpr, Variable> constructorArguments;

  private final Map<Node, Variable> getterPlaces = new IdentityHashMap<>();
  /** The paths some getter's call is (their field, summarised, holds no concurrent collection). */
  private final Set<Variable> pathsOfGetters = Collections.newSetFromMap(new IdentityHashMap<>());

  private FileBodies(CfgBuilder unit, boolean lazy) {
    this.unit = unit;
    indexNew();
    if (!lazy) {
      all = unit.bodies();
    }
  }

  /** Puts the bodies built since the last call into the maps. */
  private void indexNew() {
    for (; indexed < unit.builtCount(); indexed++) {
      Body b = unit.built(indexed);
      resolutions.putAll(b.resolutions());
      if (b.declaration() instanceof LambdaExpr l) {
        lambdas.put(l, b);
      }
      if (b.declaration() instanceof MethodDeclaration || b.declaration() instanceof ConstructorDeclaration) {
        callables.put(b.declaration(), b);
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

  /** Builds the bodies of the member that holds {@code node}, if the unit is built lazily and they wait. */
  private void buildAround(Node node) {
    if (all == null && unit.buildAround(node)) {
      indexNew();
    }
  }

  /** Every body of the unit, in source order. */
  public static FileBodies of(CompilationUnit unit) {
    return new FileBodies(CfgBuilder.builder(unit), false);
  }

  /**
   * The bodies of the unit, each member's built when something in it is first asked for (its
   * body, a name in it, a lambda or class in it) and all of them when {@link #all} is: for
   * inference, which summarises a few of a file's methods.
   */
  public static FileBodies lazilyOf(CompilationUnit unit) {
    return new FileBodies(CfgBuilder.lazyBuilder(unit), true);
  }

  /**
   * How to tell a getter's call (D23: a call whose result is the receiver's field): given once,
   * by the facts of the unit, which know the calls' contracts.
   */
  public void gettersBy(Function<MethodCallExpr, GetterPlace> getters) {
    this.getters = getters;
  }

  /**
   * How to tell a call whose result is the value its receiver was constructed with ({@code
   * os.buffer()} of a {@code new ByteBufOutputStream(out)}: {@code out}, decision 235); given once,
   * by the facts of the unit.
   */
  public void constructorArgumentsBy(Function<MethodCallExpr, Variable> arguments) {
    this.constructorArguments = arguments;
  }

  public List<Body> all() {
    if (all == null) {
      unit.buildAll();
      indexNew();
      all = unit.bodies();
    }
    return all;
  }

  /** The variable a name or {@code this.f} denotes, or null. */
  public Variable variableOf(Node nameOrFieldAccess) {
    Variable v = resolutions.get(nameOrFieldAccess);
    if (v == null && all == null) {
      buildAround(nameOrFieldAccess);
      v = resolutions.get(nameOrFieldAccess);
    }
    if (v == null && getters != null && nameOrFieldAccess instanceof MethodCallExpr call) {
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
  private Variable getterPlace(MethodCallExpr call) {
    if (getterPlaces.containsKey(call)) {
      return getterPlaces.get(call);
    }
    getterPlaces.put(call, null); // a call asked about while its own contract is being found
    Variable place = null;
    Node scope = call.getScope().map(AstNodes::unwrap).orElse(null);
    // Only a call that can be a getter's place asks for its contract (which may mean inferring
    // it): no arguments, on this class or on a local or parameter.
    boolean own = scope == null || (scope instanceof ThisExpr t && t.getTypeName().isEmpty());
    Variable base = scope instanceof NameExpr ? resolutions.get(scope) : null;
    boolean placeShape = call.getArguments().isEmpty() && (own || (base != null && !base.isField()));
    GetterPlace g = placeShape ? getters.apply(call) : null;
    if (g != null) {
      if (own) {
        place = ownField(call, g);
      } else {
        place = unit.pathOf(base, g.field());
        pathsOfGetters.add(place);
      }
    } else if (placeShape && !own && constructorArguments != null) {
      place = constructorArguments.apply(call); // the value the local was constructed with
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

  /**
   * The bodies of lambdas and of anonymous or local classes' methods that capture the local or
   * parameter {@code v}, in source order: all lie in the member that declares it, so only that
   * member's bodies need be built.
   */
  public List<Body> capturing(Variable v) {
    buildAround(v.declaration());
    List<Body> out = new ArrayList<>(1);
    for (int i = 0; i < unit.builtCount(); i++) {
      Body b = unit.built(i);
      if (b.captured().contains(v)) {
        out.add(b);
      }
    }
    out.sort(CfgBuilder.SOURCE_ORDER);
    return out;
  }

  /** The variable a parameter or variable declarator of the unit declares, or null. */
  public Variable declared(Node declaration) {
    buildAround(declaration);
    return unit.declared(declaration);
  }

  /** The body of a lambda expression. */
  public Body lambdaBody(LambdaExpr lambda) {
    buildAround(lambda);
    return lambdas.get(lambda);
  }

  /** The body of a method declared in this unit, or null. */
  public Body methodBody(MethodDeclaration method) {
    return callableBody(method);
  }

  /** The body of a method or constructor declared in this unit, or null. */
  public Body callableBody(CallableDeclaration<?> callable) {
    buildAround(callable);
    return callables.get(callable);
  }

  /** The locals of enclosing bodies that the members of an anonymous class use. */
  public Set<Variable> capturedByAnonymousClass(ObjectCreationExpr creation) {
    buildAround(creation);
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
    buildAround(creation);
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
