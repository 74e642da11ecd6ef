package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.AnnotationNames;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.ImportContext;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What the analyser knows about one compilation unit: the static types of variables and of the
 * expressions that matter, the contracts of calls, and which variables own their values. Types
 * come from declarations and imports; a call is resolved only when a fact about a tracked value
 * asks for it, and each answer is kept for the rest of the file. Not thread-safe: one per file.
 */
public final class FileContext {
  private final ImportContext imports;
  private final ContractIndex index;
  private final Map<Node, Variable> resolutions = new IdentityHashMap<>();
  private final Map<LambdaExpr, Body> lambdas = new IdentityHashMap<>();
  private final Map<MethodDeclaration, Body> methodBodies = new IdentityHashMap<>();
  private final Map<Node, Set<Variable>> anonymousCaptures = new IdentityHashMap<>();
  private final Map<Node, Set<Variable>> localClassCaptures = new IdentityHashMap<>();
  private final Map<Variable, TypeRef> variableTypes = new IdentityHashMap<>();
  private final Map<Variable, Ownership> ownership = new IdentityHashMap<>();
  private final Map<Variable, Boolean> acquires = new IdentityHashMap<>();
  private final Map<Node, MethodContract> contracts = new IdentityHashMap<>();
  // By identity: JavaParser nodes are equal when their text is, and two calls are not one.
  private final Set<Object> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private static final MethodContract NONE =
      new MethodContract(
          "", "", false, false, List.of(), false, TypeRef.UNKNOWN,
          MethodContract.ReturnMode.NONE, false, null, MethodContract.ReceiverMode.NONE, false, false, false, null);

  private final boolean strict;

  /**
   * @param strict treat unannotated parameters of owned types as {@code @Borrowed} (DESIGN.md:
   *     the optional stricter mode)
   */
  public FileContext(ImportContext imports, ContractIndex index, List<Body> bodies, boolean strict) {
    this.imports = imports;
    this.index = index;
    this.strict = strict;
    for (Body b : bodies) {
      resolutions.putAll(b.resolutions());
      if (b.declaration() instanceof LambdaExpr l) {
        lambdas.put(l, b);
      }
      if (b.declaration() instanceof MethodDeclaration m) {
        methodBodies.put(m, b);
      }
      if (b.enclosingType() instanceof ObjectCreationExpr anonymous && !b.captured().isEmpty()) {
        anonymousCaptures.computeIfAbsent(anonymous, k -> new java.util.LinkedHashSet<>()).addAll(b.captured());
      }
      if (b.enclosingType() instanceof TypeDeclaration<?> local
          && local.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt
          && !b.captured().isEmpty()) {
        localClassCaptures.computeIfAbsent(local, k -> new java.util.LinkedHashSet<>()).addAll(b.captured());
      }
    }
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
      TypeDeclaration<?> local = (TypeDeclaration<?>) entry.getKey();
      Node scope = local.getParentNode().flatMap(Node::getParentNode).orElse(null);
      if (local.getNameAsString().equals(name) && scope != null && AstNodes.isWithin(creation, scope)) {
        return entry.getValue();
      }
    }
    return Set.of();
  }

  /** The locals of enclosing bodies that the members of an anonymous class use. */
  public Set<Variable> capturedByAnonymousClass(ObjectCreationExpr creation) {
    return anonymousCaptures.getOrDefault(creation, Set.of());
  }

  public ContractIndex index() {
    return index;
  }

  public ImportContext imports() {
    return imports;
  }

  /** The variable a name or {@code this.f} denotes, or null. */
  public Variable variableOf(Expression e) {
    return resolutions.get(e);
  }

  /**
   * Whether a call never returns normally: an unqualified (or {@code this.}) call of a method of
   * the enclosing class that cannot be overridden (private, static or final) and whose body has no
   * normal exit ({@code private static void fail(Throwable t) { throw ...; }}).
   */
  public boolean isNoReturn(MethodCallExpr call) {
    MethodContract c = contractOf(call);
    if (c != null && c.noReturn()) {
      return true; // a model says so (System.exit, PlatformDependent.throwException)
    }
    Expression scope = call.getScope().map(FileContext::unwrap).orElse(null);
    if (scope != null && !(scope instanceof ThisExpr)) {
      return false;
    }
    TypeDeclaration<?> type = call.findAncestor(TypeDeclaration.class).orElse(null);
    if (type == null) {
      return false;
    }
    boolean found = false;
    for (MethodDeclaration m : type.getMethodsByName(call.getNameAsString())) {
      if (m.getParameters().size() != call.getArguments().size()) {
        continue;
      }
      Body body = methodBodies.get(m);
      boolean fixed = m.isPrivate() || m.isStatic() || m.isFinal();
      if (body == null || !fixed || reachesExit(body)) {
        return false;
      }
      found = true;
    }
    return found;
  }

  private boolean reachesExit(Body body) {
    int exit = body.cfg().exit().id();
    for (int id : body.cfg().reversePostOrder()) {
      if (id == exit) {
        return true;
      }
    }
    return false;
  }

  /** The body of a lambda expression. */
  public Body lambdaBody(LambdaExpr lambda) {
    return lambdas.get(lambda);
  }

  // ---- annotations ----

  /** The contract meanings of annotations written on a declaration. */
  public Set<Meaning> meanings(List<AnnotationExpr> annotations) {
    Set<Meaning> out = java.util.EnumSet.noneOf(Meaning.class);
    for (AnnotationExpr a : annotations) {
      Meaning m = AnnotationNames.meaning(a.getNameAsString(), imports);
      if (m != Meaning.NONE) {
        out.add(m);
      }
    }
    return out;
  }

  // ---- ownership ----

  /** Owner, borrow or plain reference: DESIGN.md "Which values are tracked", decisions 15, 16. */
  public Ownership ownershipOf(Variable v) {
    Ownership o = ownership.get(v);
    if (o == null) {
      o = classify(v);
      ownership.put(v, o);
    }
    return o;
  }

  private Ownership classify(Variable v) {
    Set<Meaning> declared = meanings(v.annotations());
    if (declared.contains(Meaning.BORROWED) || declared.contains(Meaning.MUT)) {
      return Ownership.BORROW;
    }
    if (declared.contains(Meaning.OWNED) || declared.contains(Meaning.OWNING)) {
      return Ownership.OWNER;
    }
    switch (v.kind()) {
      case PARAMETER, LAMBDA_PARAMETER, FOREACH, PATTERN, CATCH_PARAMETER:
        return Ownership.PLAIN;
      case FIELD:
        return index.isOwnedType(typeOf(v)) ? Ownership.OWNER : Ownership.PLAIN;
      case RESOURCE:
      case LOCAL:
        Expression init =
            v.declaration() instanceof VariableDeclarator d ? d.getInitializer().orElse(null) : null;
        MethodContract producer = init == null ? null : producerOf(init);
        if (producer != null && producer.returns() == MethodContract.ReturnMode.BORROWED) {
          return Ownership.BORROW;
        }
        if (init == null && assignedFromBorrowedMethod(v)) {
          return Ownership.BORROW; // `ByteBuf slice; ... slice = buf.slice();`
        }
        if (v.kind() == Variable.Kind.RESOURCE) {
          return Ownership.OWNER;
        }
        if (producer != null && producer.returns() == MethodContract.ReturnMode.OWNED) {
          return Ownership.OWNER;
        }
        return index.isOwnedType(typeOf(v)) ? Ownership.OWNER : Ownership.PLAIN;
      default:
        return Ownership.PLAIN;
    }
  }

  /**
   * Whether the end of the variable's scope drops its value: owners declared {@code @Owned} or of
   * owned types (parameters only when declared {@code @Owned}) and try-with-resources resources
   * (DESIGN.md, scope ends). Fields are never dropped by a method.
   */
  public boolean isDroppable(Variable v) {
    if (v.isField() || ownershipOf(v) != Ownership.OWNER) {
      return false;
    }
    Set<Meaning> declared = meanings(v.annotations());
    boolean annotated = declared.contains(Meaning.OWNED) || declared.contains(Meaning.OWNING);
    if (v.isParameter() || annotated) {
      return annotated;
    }
    return v.kind() == Variable.Kind.RESOURCE || (index.isOwnedType(typeOf(v)) && acquiresValue(v));
  }

  /**
   * Whether a local gets a value of its own to drop or release: a fresh one (an {@code @Owned}
   * result, a new object) or one moved to it from another owner. A local that only names a value
   * someone else holds — a field, an array element, a parameter, the result of unannotated code —
   * is an alias: its scope end drops nothing and it has nothing to release.
   */
  public boolean acquiresValue(Variable v) {
    Boolean known = acquires.get(v);
    if (known == null) {
      known = false;
      acquires.put(v, false); // `a = b; b = a;`: a cycle of aliases acquires nothing
      if (v.declaration() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
        known = fresh(d.getInitializer().get());
      }
      if (!known) {
        for (Expression assigned : assignmentsTo(v)) {
          if (fresh(assigned)) {
            known = true;
            break;
          }
        }
      }
      acquires.put(v, known);
    }
    return known;
  }

  /**
   * Whether a value is a fresh owner, or one moved from another owner (see {@link
   * #acquiresValue}). A local that is itself an alias hands on nothing (decision 32).
   */
  public boolean fresh(Expression value) {
    Expression e = unwrap(value);
    if (e instanceof ObjectCreationExpr) {
      return true;
    }
    if (e instanceof MethodCallExpr call) {
      MethodContract c = contractOf(call);
      return c != null && c.returns() == MethodContract.ReturnMode.OWNED;
    }
    if (e instanceof ConditionalExpr c) {
      return fresh(c.getThenExpr()) || fresh(c.getElseExpr());
    }
    Variable source = resolutions.get(e);
    return source != null && holdsOwnValue(source);
  }

  /**
   * Whether a variable holds a value of its own, which assigning it to another local hands on: an
   * {@code @Owned} parameter, a try-with-resources resource, or a local that acquires a value
   * (decision 32). Unlike {@link #isDroppable}, whatever the value's type. Assigning an alias
   * still moves it (decision 32), but the target gets no value of its own from it.
   */
  public boolean holdsOwnValue(Variable v) {
    if (v.isField() || ownershipOf(v) != Ownership.OWNER) {
      return false;
    }
    if (v.kind() == Variable.Kind.RESOURCE) {
      return true;
    }
    if (v.isParameter()) {
      Set<Meaning> declared = meanings(v.annotations());
      return declared.contains(Meaning.OWNED) || declared.contains(Meaning.OWNING);
    }
    return acquiresValue(v);
  }

  /** The values assigned to a variable after its declaration, in its enclosing body. */
  private List<Expression> assignmentsTo(Variable v) {
    Node scope = v.declaration();
    while (scope != null
        && !(scope instanceof com.github.javaparser.ast.body.CallableDeclaration<?>)
        && !(scope instanceof LambdaExpr)
        && !(scope instanceof com.github.javaparser.ast.body.InitializerDeclaration)) {
      scope = scope.getParentNode().orElse(null);
    }
    if (scope == null) {
      return List.of();
    }
    return assignmentsIn.computeIfAbsent(scope, this::assignmentsByVariable).getOrDefault(v, List.of());
  }

  /** Every variable's assigned values in one body, found in one walk (a body has many variables). */
  private Map<Variable, List<Expression>> assignmentsByVariable(Node scope) {
    Map<Variable, List<Expression>> out = new IdentityHashMap<>();
    for (AssignExpr a : scope.findAll(AssignExpr.class)) {
      Variable target = a.getOperator() == AssignExpr.Operator.ASSIGN ? resolutions.get(unwrap(a.getTarget())) : null;
      if (target != null) {
        out.computeIfAbsent(target, k -> new ArrayList<>(2)).add(a.getValue());
      }
    }
    return out;
  }

  private final Map<Node, Map<Variable, List<Expression>>> assignmentsIn = new IdentityHashMap<>();

  /** A parameter declared {@code @Borrowed} or {@code @Mut}: the caller's value, lent for the call. */
  public boolean isBorrowedParameter(Variable v) {
    if (!v.isParameter()) {
      return false;
    }
    Set<Meaning> declared = meanings(v.annotations());
    if (declared.contains(Meaning.BORROWED) || declared.contains(Meaning.MUT)) {
      return true;
    }
    // --strict: an unannotated parameter of an owned type is taken to be lent, not given.
    return strict
        && v.kind() == Variable.Kind.PARAMETER
        && !declared.contains(Meaning.OWNED)
        && !declared.contains(Meaning.OWNING)
        && index.isOwnedType(typeOf(v));
  }

  public boolean strict() {
    return strict;
  }

  /** Whether a variable declared without a value is later given the result of a @Borrowed method. */
  private boolean assignedFromBorrowedMethod(Variable v) {
    for (Expression assigned : assignmentsTo(v)) {
      MethodContract c = producerOf(assigned);
      if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
        return true;
      }
    }
    return false;
  }

  /** The call whose result an initializer is, looking through parentheses and casts. */
  private MethodContract producerOf(Expression init) {
    Expression e = unwrap(init);
    if (e instanceof MethodCallExpr m) {
      return contractOf(m);
    }
    return null;
  }

  public static Expression unwrap(Expression e) {
    while (true) {
      if (e instanceof EnclosedExpr x) {
        e = x.getInner();
      } else if (e instanceof CastExpr c) {
        e = c.getExpression();
      } else {
        return e;
      }
    }
  }

  // ---- types ----

  public TypeRef typeOf(Variable v) {
    TypeRef t = variableTypes.get(v);
    if (t != null) {
      return t;
    }
    if (!inProgress.add(v)) {
      return TypeRef.UNKNOWN;
    }
    try {
      t = computeType(v);
    } finally {
      inProgress.remove(v);
    }
    variableTypes.put(v, t);
    return t;
  }

  private TypeRef computeType(Variable v) {
    Type written = v.type();
    if (written == null) {
      return v.kind() == Variable.Kind.LAMBDA_PARAMETER ? lambdaParameterType(v) : TypeRef.UNKNOWN;
    }
    if (written.isVarType()) {
      if (v.declaration() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
        return typeOf(d.getInitializer().get());
      }
      return TypeRef.UNKNOWN;
    }
    return resolve(written, v.declaration());
  }

  /**
   * The type of an implicitly typed lambda parameter, from the lambda's target type where it is
   * written out: {@code Consumer<Buffer> c = b -> ...}, a {@code return} from a method declaring
   * {@code Consumer<Buffer>}, a cast, an assignment to a typed variable.
   */
  private TypeRef lambdaParameterType(Variable v) {
    if (!(v.declaration() instanceof com.github.javaparser.ast.body.Parameter p)
        || !(p.getParentNode().orElse(null) instanceof LambdaExpr lambda)) {
      return TypeRef.UNKNOWN;
    }
    Type target = targetType(lambda);
    if (!(target instanceof ClassOrInterfaceType written)) {
      return TypeRef.UNKNOWN;
    }
    List<org.borrowck4j.analyzer.model.ContractSource.SamParameter> sam =
        index.functionalParameters(resolve(written, lambda));
    int i = lambda.getParameters().indexOf(p);
    if (sam == null || i < 0 || i >= sam.size() || sam.size() != lambda.getParameters().size()) {
      return TypeRef.UNKNOWN;
    }
    var param = sam.get(i);
    if (param.typeVariable() < 0) {
      return param.type();
    }
    var args = written.getTypeArguments().orElse(null);
    if (args == null || param.typeVariable() >= args.size()) {
      return TypeRef.UNKNOWN;
    }
    Type arg = args.get(param.typeVariable());
    if (arg instanceof WildcardType w) {
      arg = w.getSuperType().map(t -> (Type) t).or(() -> w.getExtendedType().map(t -> (Type) t)).orElse(null);
    }
    return arg == null ? TypeRef.UNKNOWN : resolve(arg, lambda);
  }

  /** The type a lambda must have where its context writes it out, or null. */
  private Type targetType(LambdaExpr lambda) {
    Node child = lambda;
    Node parent = lambda.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof VariableDeclarator d && d.getInitializer().orElse(null) == child && !d.getType().isVarType()) {
      return d.getType();
    }
    if (parent instanceof CastExpr c) {
      return c.getType();
    }
    if (parent instanceof AssignExpr a && a.getValue() == child) {
      Variable target = resolutions.get(unwrap(a.getTarget()));
      return target == null ? null : target.type();
    }
    if (parent instanceof com.github.javaparser.ast.stmt.ReturnStmt) {
      for (Node p = parent.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
        if (p instanceof LambdaExpr) {
          return null;
        }
        if (p instanceof MethodDeclaration m) {
          return m.getType();
        }
      }
    }
    return null;
  }

  /** A type as written at {@code context}. */
  public TypeRef resolve(Type type, Node context) {
    return imports.resolve(type, enclosingTypeName(context), typeVariablesAt(context), index);
  }

  public TypeRef typeOf(Expression expr) {
    Expression e = expr;
    while (e instanceof EnclosedExpr x) {
      e = x.getInner();
    }
    Variable resolved = resolutions.get(e);
    if (resolved != null) {
      return typeOf(resolved);
    }
    if (e instanceof NameExpr) {
      return TypeRef.UNKNOWN;
    }
    if (e instanceof FieldAccessExpr f) {
      Variable v = resolutions.get(f);
      if (v != null) {
        return typeOf(v);
      }
      TypeRef scope = typeOf(f.getScope());
      if (!scope.isKnown()) {
        scope = typeNamed(f.getScope());
      }
      TypeContract.FieldContract field = index.field(scope, f.getNameAsString());
      return field == null ? TypeRef.UNKNOWN : field.type();
    }
    if (e instanceof MethodCallExpr m) {
      MethodContract c = contractOf(m);
      return c == null ? TypeRef.UNKNOWN : c.returnType();
    }
    if (e instanceof ObjectCreationExpr o) {
      return resolve(o.getType(), o);
    }
    if (e instanceof CastExpr c) {
      return resolve(c.getType(), c);
    }
    if (e instanceof ConditionalExpr c) {
      TypeRef t = typeOf(c.getThenExpr());
      return t.isKnown() ? t : typeOf(c.getElseExpr());
    }
    if (e instanceof ThisExpr) {
      return TypeRef.of(enclosingTypeName(e));
    }
    if (e instanceof AssignExpr a) {
      return typeOf(a.getTarget());
    }
    if (e instanceof ArrayAccessExpr a) {
      return typeOf(a.getName()).componentType();
    }
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return TypeRef.of("java.lang.String");
    }
    if (e instanceof IntegerLiteralExpr) {
      return TypeRef.of("int");
    }
    if (e instanceof LongLiteralExpr) {
      return TypeRef.of("long");
    }
    if (e instanceof BooleanLiteralExpr) {
      return TypeRef.of("boolean");
    }
    if (e instanceof CharLiteralExpr) {
      return TypeRef.of("char");
    }
    if (e instanceof DoubleLiteralExpr d) {
      String s = d.getValue();
      return TypeRef.of(s.endsWith("f") || s.endsWith("F") ? "float" : "double");
    }
    return TypeRef.UNKNOWN;
  }

  /** The type an expression names when it is a type name ({@code Files} in {@code Files.lines}). */
  private TypeRef typeNamed(Expression e) {
    if (e instanceof NameExpr n && !resolutions.containsKey(n)) {
      return TypeRef.of(
          imports.resolveName(n.getNameAsString(), enclosingTypeName(n), typeVariablesAt(n), index));
    }
    if (e instanceof FieldAccessExpr f && !resolutions.containsKey(f)) {
      String written = dottedName(f);
      if (written != null) {
        String resolved = imports.resolveName(written, enclosingTypeName(f), typeVariablesAt(f), index);
        if (resolved != null && index.exists(resolved)) {
          return TypeRef.of(resolved);
        }
      }
    }
    return TypeRef.UNKNOWN;
  }

  /** {@code a.b.C} for a field access made of names only, else null. */
  private static String dottedName(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty()) {
      String scope = dottedName(f.getScope());
      return scope == null ? null : scope + "." + f.getNameAsString();
    }
    return null;
  }

  // ---- contracts ----

  /** The contract of a method call, or null where the callee is unknown. */
  public MethodContract contractOf(MethodCallExpr call) {
    MethodContract c = contracts.get(call);
    if (c == null) {
      if (!inProgress.add(call)) {
        return null;
      }
      try {
        c = computeContract(call);
      } finally {
        inProgress.remove(call);
      }
      contracts.put(call, c == null ? NONE : c);
    }
    return c == NONE ? null : c;
  }

  private MethodContract computeContract(MethodCallExpr call) {
    String name = call.getNameAsString();
    int argc = call.getArguments().size();
    Supplier<List<TypeRef>> argTypes = () -> argumentTypes(call.getArguments());
    if (call.getScope().isPresent()) {
      Expression scope = call.getScope().get();
      if (scope instanceof SuperExpr) {
        List<String> h = index.hierarchy(enclosingTypeName(call));
        for (int i = 1; i < h.size(); i++) {
          MethodContract m = index.method(TypeRef.of(h.get(i)), name, argc, argTypes);
          if (m != null) {
            return m;
          }
        }
        return null;
      }
      TypeRef receiver = typeOf(scope);
      if (!receiver.isKnown()) {
        receiver = typeNamed(unwrap(scope));
      }
      return index.method(receiver, name, argc, argTypes);
    }
    for (String type : enclosingTypesForCalls(call)) {
      MethodContract m = index.method(TypeRef.of(type), name, argc, argTypes);
      if (m != null) {
        return m;
      }
    }
    String owner = imports.staticImportOwner(name);
    if (owner != null) {
      return index.method(TypeRef.of(owner), name, argc, argTypes);
    }
    for (String type : imports.staticOnDemandImports()) {
      MethodContract m = index.method(TypeRef.of(type), name, argc, argTypes);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The contract of a constructor call (of the anonymous class's supertype, for one). */
  public MethodContract contractOf(ObjectCreationExpr creation) {
    MethodContract c = contracts.get(creation);
    if (c == null) {
      TypeRef type = resolve(creation.getType(), creation);
      c = index.constructor(type, creation.getArguments().size(), () -> argumentTypes(creation.getArguments()));
      contracts.put(creation, c == null ? NONE : c);
    }
    return c == NONE ? null : c;
  }

  /** The contract of {@code this(...)} or {@code super(...)}. */
  public MethodContract contractOf(ExplicitConstructorInvocationStmt call) {
    MethodContract c = contracts.get(call);
    if (c == null) {
      String self = enclosingTypeName(call);
      TypeRef target = TypeRef.UNKNOWN;
      if (self != null) {
        List<String> h = index.hierarchy(self);
        target = call.isThis() ? TypeRef.of(self) : h.size() > 1 ? TypeRef.of(h.get(1)) : TypeRef.UNKNOWN;
      }
      c = index.constructor(target, call.getArguments().size(), () -> argumentTypes(call.getArguments()));
      contracts.put(call, c == null ? NONE : c);
    }
    return c == NONE ? null : c;
  }

  private List<TypeRef> argumentTypes(List<Expression> args) {
    List<TypeRef> types = new ArrayList<>(args.size());
    for (Expression a : args) {
      types.add(typeOf(a));
    }
    return types;
  }

  /** Where an unqualified call may find its method: enclosing classes, innermost first. */
  private List<String> enclosingTypesForCalls(Node node) {
    List<String> out = new ArrayList<>(2);
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        String name = typeName(t);
        if (name != null) {
          out.add(name);
        }
      } else if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        TypeRef supertype = resolve(o.getType(), o);
        if (supertype.isKnown()) {
          out.add(supertype.name());
        }
      }
    }
    return out;
  }

  /** The qualified name of the innermost named type around {@code node}. */
  public String enclosingTypeName(Node node) {
    for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        return typeName(t);
      }
      if (p instanceof EnumConstantDeclaration) {
        continue;
      }
    }
    return null;
  }

  /** Type declarations' names, computed once: JavaParser builds them anew on each request. */
  private final Map<TypeDeclaration<?>, Optional<String>> typeNames = new IdentityHashMap<>();

  private String typeName(TypeDeclaration<?> t) {
    return typeNames.computeIfAbsent(t, k -> Optional.ofNullable(nameOf(t))).orElse(null);
  }

  /** A type declaration's name as {@link org.borrowck4j.analyzer.model.DeclarationReader} records it. */
  private static String nameOf(TypeDeclaration<?> t) {
    if (t.getFullyQualifiedName().isPresent()) {
      return t.getFullyQualifiedName().get();
    }
    for (Node p = t.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> outer) {
        String o = nameOf(outer);
        return o == null ? null : o + "." + t.getNameAsString();
      }
      if (p instanceof ObjectCreationExpr) {
        return null;
      }
    }
    return null;
  }

  private List<String> typeVariablesAt(Node node) {
    // The type variables in scope are those of the generic declarations around the node: look
    // them up once per innermost one.
    Node p = node;
    while (p != null && !(p instanceof NodeWithTypeParameters<?>)) {
      p = p.getParentNode().orElse(null);
    }
    if (p == null) {
      return List.of();
    }
    return typeVariables.computeIfAbsent(p, FileContext::typeVariablesFrom);
  }

  private final Map<Node, List<String>> typeVariables = new IdentityHashMap<>();

  private static List<String> typeVariablesFrom(Node generic) {
    List<String> names = new ArrayList<>();
    for (Node p = generic; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof NodeWithTypeParameters<?> g) {
        for (TypeParameter tp : g.getTypeParameters()) {
          names.add(tp.getNameAsString());
        }
      }
    }
    return List.copyOf(names);
  }

  /** The return mode the enclosing method declares (for {@code return} statements). */
  public MethodContract.ReturnMode declaredReturnMode(Body body) {
    if (body.declaration() instanceof MethodDeclaration m) {
      Set<Meaning> meanings = meanings(m.getAnnotations());
      if (meanings.contains(Meaning.BORROWED) || meanings.contains(Meaning.NOT_OWNING)) {
        return MethodContract.ReturnMode.BORROWED;
      }
      if (meanings.contains(Meaning.OWNED) || meanings.contains(Meaning.OWNING)) {
        return MethodContract.ReturnMode.OWNED;
      }
    }
    return MethodContract.ReturnMode.NONE;
  }
}
