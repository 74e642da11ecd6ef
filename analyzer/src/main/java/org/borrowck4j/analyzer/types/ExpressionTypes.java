package org.borrowck4j.analyzer.types;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
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
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * The static types of one compilation unit's variables and of the expressions that matter, from
 * declarations and imports (no full type attribution: what cannot be told cheaply is unknown).
 * A method call's type is its contract's return type, which the caller of this class resolves:
 * typing and call resolution need each other. Each answer is kept for the rest of the file. Not
 * thread-safe: one per file.
 */
public final class ExpressionTypes {
  private final FileBodies bodies;
  private final ImportContext imports;
  private final TypeMembers members;
  private final Function<MethodCallExpr, TypeRef> callTypes;
  private final Map<Variable, TypeRef> variableTypes = new IdentityHashMap<>();
  // By identity: a variable whose type is being computed (`var a = b; var b = a;`) is unknown.
  private final Set<Variable> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<TypeDeclaration<?>, Optional<String>> typeNames = new IdentityHashMap<>();
  private final Map<Node, List<String>> typeVariables = new IdentityHashMap<>();

  /**
   * @param callTypes the type a method call returns (its contract's return type), unknown when
   *     the callee is
   */
  public ExpressionTypes(
      FileBodies bodies, ImportContext imports, TypeMembers members, Function<MethodCallExpr, TypeRef> callTypes) {
    this.bodies = bodies;
    this.imports = imports;
    this.members = members;
    this.callTypes = callTypes;
  }

  public ImportContext imports() {
    return imports;
  }

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
    if (v.isPath()) {
      return members.fieldType(typeOf(v.base()), v.fieldName()); // `h.items`: the field's declared type
    }
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
   * The {@code index}th type argument of the type an expression's variable is declared with
   * ({@code List<Buf>} at 1 for a field {@code Map<String, List<Buf>> byKey}), its bound for a
   * wildcard; unknown where the type is not written out with that many arguments.
   */
  public TypeRef typeArgument(Expression e, int index) {
    Variable v = bodies.variableOf(org.borrowck4j.analyzer.parse.AstNodes.unwrap(e));
    if (v == null || !(v.type() instanceof ClassOrInterfaceType written)) {
      return TypeRef.UNKNOWN;
    }
    var args = written.getTypeArguments().orElse(null);
    if (args == null || index < 0 || index >= args.size()) {
      return TypeRef.UNKNOWN;
    }
    Type arg = args.get(index);
    if (arg instanceof WildcardType w) {
      arg = w.getExtendedType().map(t -> (Type) t).orElse(null);
    }
    return arg == null ? TypeRef.UNKNOWN : resolve(arg, v.declaration());
  }

  /**
   * The type of an implicitly typed lambda parameter, from the lambda's target type where it is
   * written out: {@code Consumer<Buffer> c = b -> ...}, a {@code return} from a method declaring
   * {@code Consumer<Buffer>}, a cast, an assignment to a typed variable.
   */
  private TypeRef lambdaParameterType(Variable v) {
    if (!(v.declaration() instanceof Parameter p) || !(p.getParentNode().orElse(null) instanceof LambdaExpr lambda)) {
      return TypeRef.UNKNOWN;
    }
    Type target = targetType(lambda);
    if (!(target instanceof ClassOrInterfaceType written)) {
      return TypeRef.UNKNOWN;
    }
    List<SamParameter> sam = members.functionalParameters(resolve(written, lambda));
    int i = lambda.getParameters().indexOf(p);
    if (sam == null || i < 0 || i >= sam.size() || sam.size() != lambda.getParameters().size()) {
      return TypeRef.UNKNOWN;
    }
    SamParameter param = sam.get(i);
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
      Variable target = bodies.variableOf(org.borrowck4j.analyzer.parse.AstNodes.unwrap(a.getTarget()));
      return target == null ? null : target.type();
    }
    if (parent instanceof ReturnStmt) {
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
    List<String> typeVariables = typeVariablesAt(context);
    // Only a name a generic declaration around declares can stand for a bound: most types are not.
    Type erased =
        type instanceof ClassOrInterfaceType c && typeVariables.contains(c.getNameAsString())
            ? TypeVariableBounds.erasure(type)
            : type;
    return imports.resolve(erased, enclosingTypeName(context), typeVariables, members);
  }

  public TypeRef typeOf(Expression expr) {
    Expression e = expr;
    while (e instanceof EnclosedExpr x) {
      e = x.getInner();
    }
    Variable resolved = bodies.variableOf(e);
    if (resolved != null) {
      return typeOf(resolved);
    }
    if (e instanceof NameExpr n) {
      TypeRef inherited = inheritedFieldType(n);
      return inherited.isKnown() ? inherited : staticallyImportedFieldType(n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f) {
      TypeRef scope = typeOf(f.getScope());
      if (!scope.isKnown()) {
        scope = typeNamed(f.getScope());
      }
      return members.fieldType(scope, f.getNameAsString());
    }
    if (e instanceof MethodCallExpr m) {
      return callTypes.apply(m);
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
    if (e instanceof ArrayCreationExpr a) {
      // `new byte[n]`, `new String[] {…}`: picks `readBytes(byte[])` over `readBytes(int)`.
      TypeRef t = resolve(a.getElementType(), a);
      for (int i = 0; i < a.getLevels().size() && t.isKnown(); i++) {
        t = t.arrayOf();
      }
      return t;
    }
    if (e instanceof ClassExpr) {
      // `Foo.class` is a `Class` whatever `Foo` is: `Foo.class.getResourceAsStream(…)` finds the
      // model (decision 353).
      return TypeRef.of("java.lang.Class");
    }
    return literalType(e);
  }

  private static TypeRef literalType(Expression e) {
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

  /**
   * Whether the expression reads a static field: one of the enclosing classes', one imported by
   * a static import ({@code EMPTY_LAST_CONTENT}), or one named through its type ({@code
   * Unpooled.EMPTY_BUFFER}).
   */
  public boolean isStaticField(Expression e) {
    Variable v = bodies.variableOf(e);
    if (v != null) {
      return v.isField() && v.isStatic() && !v.isPath();
    }
    if (e instanceof NameExpr n) {
      return imports.staticImportOwner(n.getNameAsString()) != null;
    }
    return e instanceof FieldAccessExpr f && typeNamed(f.getScope()).isKnown();
  }

  /** The type an expression names when it is a type name ({@code Files} in {@code Files.lines}). */
  public TypeRef typeNamed(Expression e) {
    if (e instanceof NameExpr n && bodies.variableOf(n) == null) {
      return TypeRef.of(imports.resolveName(n.getNameAsString(), enclosingTypeName(n), typeVariablesAt(n), members));
    }
    if (e instanceof FieldAccessExpr f && bodies.variableOf(f) == null) {
      String written = dottedName(f);
      if (written != null) {
        String resolved = imports.resolveName(written, enclosingTypeName(f), typeVariablesAt(f), members);
        if (resolved != null && members.exists(resolved)) {
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

  /**
   * The type of a name no local, parameter or field of the file declares: a field a class around
   * it inherits from a supertype declared elsewhere ({@code incomingBuffer} of a superclass in
   * another file), the innermost class first (JLS 6.4.1: an inherited field shadows an outer
   * class's). Unknown where no supertype declares it.
   */
  private TypeRef inheritedFieldType(NameExpr n) {
    Node child = n;
    for (Node p = n.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      TypeRef owner = TypeRef.UNKNOWN;
      if (p instanceof TypeDeclaration<?> t && typeName(t) != null) {
        owner = TypeRef.of(typeName(t));
      } else if (p instanceof ObjectCreationExpr o
          && child instanceof BodyDeclaration<?>
          && o.getAnonymousClassBody().isPresent()) {
        owner = resolve(o.getType(), o); // an anonymous class inherits what the type it extends declares
      }
      TypeRef field = owner.isKnown() ? members.fieldType(owner, n.getNameAsString()) : TypeRef.UNKNOWN;
      if (field.isKnown()) {
        return field;
      }
    }
    return TypeRef.UNKNOWN;
  }

  /**
   * The type of a field a static import names ({@code import static
   * java.nio.charset.StandardCharsets.UTF_8;}, or {@code …StandardCharsets.*}): {@code new
   * InputStreamReader(in, UTF_8)} is then the constructor that takes a {@code Charset} and throws
   * nothing checked, not the one that takes a charset's name (decision 357).
   */
  private TypeRef staticallyImportedFieldType(String name) {
    String owner = imports.staticImportOwner(name);
    if (owner != null) {
      return members.fieldType(TypeRef.of(owner), name);
    }
    for (String onDemand : imports.staticOnDemandImports()) {
      TypeRef field = members.fieldType(TypeRef.of(onDemand), name);
      if (field.isKnown()) {
        return field;
      }
    }
    return TypeRef.UNKNOWN;
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
  public String typeName(TypeDeclaration<?> t) {
    return typeNames.computeIfAbsent(t, k -> Optional.ofNullable(nameOf(t))).orElse(null);
  }

  /** A type declaration's name as the declaration reader records it. */
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
    return typeVariables.computeIfAbsent(p, ExpressionTypes::typeVariablesFrom);
  }

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
}
