package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the bodies of one compilation unit: every method, constructor, initializer and lambda,
 * including those of nested, local and anonymous classes, each with its CFG. Names resolve
 * lexically: locals and parameters, then the fields of the enclosing classes.
 */
public final class CfgBuilder {
  private final List<Body> bodies = new ArrayList<>();
  private final Map<Node, Variable> variables = new IdentityHashMap<>();
  private int nextVariableId;

  private CfgBuilder() {}

  /** All bodies of {@code unit}, in source order. */
  public static List<Body> build(CompilationUnit unit) {
    return builder(unit).bodies();
  }

  /** Builds every body of {@code unit}; the builder still knows the unit's variables. */
  static CfgBuilder builder(CompilationUnit unit) {
    CfgBuilder builder = new CfgBuilder();
    for (TypeDeclaration<?> type : unit.getTypes()) {
      builder.visitType(type, Environment.EMPTY);
    }
    builder.sortBodies();
    return builder;
  }

  /**
   * Knows the classes of {@code unit} and their fields, and builds the bodies of a member (a
   * method, constructor or initializer, with the lambdas and classes inside it; a field's or enum
   * constant's initializer) only when {@link #buildAround} or {@link #buildAll} asks for it:
   * inference summarises a few methods of a file, not all of them.
   */
  static CfgBuilder lazyBuilder(CompilationUnit unit) {
    CfgBuilder builder = new CfgBuilder();
    builder.pending = new IdentityHashMap<>();
    builder.deferring = true;
    for (TypeDeclaration<?> type : unit.getTypes()) {
      builder.visitType(type, Environment.EMPTY);
    }
    builder.deferring = false;
    return builder;
  }

  /** Members whose bodies are not built yet (lazy building only), by member. */
  private Map<Node, Runnable> pending;
  /** Members whose bodies were built (lazy building only). */
  private final Set<Node> builtMembers = Collections.newSetFromMap(new IdentityHashMap<>());
  /** While the classes of a lazily built unit are visited: members' bodies wait. */
  private boolean deferring;

  /** Builds a member's bodies now, or later when a lazily built unit asks for it. */
  private void member(Node member, Runnable build) {
    if (deferring) {
      pending.put(member, build);
    } else {
      build.run();
    }
  }

  /**
   * Builds the bodies of the member that holds {@code node}, if they wait; whether any were
   * built. Everything is built already unless the builder is lazy.
   */
  boolean buildAround(Node node) {
    if (pending == null || pending.isEmpty()) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      Runnable build = pending.remove(n);
      if (build != null) {
        builtMembers.add(n);
        build.run();
        return true;
      }
      if (builtMembers.contains(n)) {
        return false;
      }
    }
    return false;
  }

  /** Builds every body still waiting, and puts all in source order. */
  void buildAll() {
    if (pending != null) {
      while (!pending.isEmpty()) {
        Node next = pending.keySet().iterator().next();
        buildAround(next);
      }
    }
    sortBodies();
  }

  /** Bodies by where their declarations begin. */
  static final Comparator<Body> SOURCE_ORDER =
      Comparator.comparing((Body b) -> b.declaration().getBegin().map(p -> p.line * 100000L + p.column).orElse(0L));

  private void sortBodies() {
    bodies.sort(SOURCE_ORDER);
  }

  /** The variable declared by a declarator or parameter of the unit, or null. */
  Variable declared(Node declaration) {
    return variables.get(declaration);
  }

  List<Body> bodies() {
    return List.copyOf(bodies);
  }

  /** How many bodies are built so far, and the one at {@code i} in the order built. */
  int builtCount() {
    return bodies.size();
  }

  Body built(int i) {
    return bodies.get(i);
  }

  /** Name lookup outside the body being built. */
  interface Environment {
    Environment EMPTY = name -> null;

    /** A local, parameter or field visible under {@code name}. */
    Variable lookup(String name);

    /** A field of the class {@code this} denotes, for {@code this.name}. */
    default Variable lookupField(String name) {
      return null;
    }

    /** A field of the enclosing class named {@code type}, for {@code Type.this.name}. */
    default Variable lookupField(String type, String name) {
      return null;
    }
  }

  /** The fields of one class, then whatever encloses the class. */
  private final class ClassEnvironment implements Environment {
    private final Map<String, Variable> fields = new HashMap<>();
    private final Environment outer;
    private final Node self;

    ClassEnvironment(Node type, List<BodyDeclaration<?>> members, Environment outer) {
      this.outer = outer;
      this.self = type;
      if (type instanceof RecordDeclaration record) {
        for (Parameter component : record.getParameters()) {
          Variable v =
              variableFor(
                  component,
                  () ->
                      newVariable(
                          component.getNameAsString(),
                          Variable.Kind.FIELD,
                          component,
                          component.getType(),
                          component.getAnnotations(),
                          false));
          fields.put(v.name(), v);
        }
      }
      if (type instanceof EnumDeclaration enumDecl) {
        for (EnumConstantDeclaration constant : enumDecl.getEntries()) {
          Variable v =
              variableFor(
                  constant,
                  () ->
                      newVariable(
                          constant.getNameAsString(),
                          Variable.Kind.FIELD,
                          constant,
                          null,
                          constant.getAnnotations(),
                          true));
          fields.put(v.name(), v);
        }
      }
      for (BodyDeclaration<?> member : members) {
        if (member instanceof FieldDeclaration field) {
          boolean isStatic = field.isStatic() || isInterface(type);
          for (VariableDeclarator d : field.getVariables()) {
            Variable v =
                variableFor(
                    d,
                    () ->
                        newVariable(
                            d.getNameAsString(),
                            Variable.Kind.FIELD,
                            d,
                            d.getType(),
                            field.getAnnotations(),
                            isStatic));
            fields.put(v.name(), v);
          }
        }
      }
    }

    @Override
    public Variable lookup(String name) {
      Variable v = fields.get(name);
      return v != null ? v : outer.lookup(name);
    }

    @Override
    public Variable lookupField(String name) {
      return fields.get(name);
    }

    @Override
    public Variable lookupField(String type, String name) {
      // `Outer.this.items` is the field `items` of the enclosing class `Outer`, however deep.
      return self instanceof TypeDeclaration<?> t && t.getNameAsString().equals(type)
          ? fields.get(name)
          : outer.lookupField(type, name);
    }
  }

  private static boolean isInterface(Node type) {
    return type instanceof ClassOrInterfaceDeclaration c
        && c.isInterface();
  }

  void visitType(TypeDeclaration<?> type, Environment outer) {
    visitMembers(type, type.getMembers(), outer);
  }

  /** Builds the bodies of the members of a class, an enum constant body or an anonymous class. */
  void visitMembers(Node type, List<BodyDeclaration<?>> members, Environment outer) {
    ClassEnvironment env = new ClassEnvironment(type, members, outer);
    String typeName = typeName(type);
    if (type instanceof EnumDeclaration enumDecl) {
      for (EnumConstantDeclaration constant : enumDecl.getEntries()) {
        member(
            constant,
            () -> {
              for (Expression arg : constant.getArguments()) {
                scanForNestedBodies(arg, env, typeName);
              }
            });
        if (!constant.getClassBody().isEmpty()) {
          visitMembers(constant, constant.getClassBody(), env);
        }
      }
    }
    for (BodyDeclaration<?> member : members) {
      if (member instanceof MethodDeclaration m) {
        m.getBody()
            .ifPresent(
                block ->
                    memberBody(Body.Kind.METHOD, m, type, typeName + "." + m.getNameAsString(), m.getParameters(), block, env));
      } else if (member instanceof ConstructorDeclaration c) {
        memberBody(Body.Kind.CONSTRUCTOR, c, type, typeName + "." + c.getNameAsString(), c.getParameters(), c.getBody(), env);
      } else if (member instanceof CompactConstructorDeclaration c) {
        NodeList<Parameter> components =
            type instanceof RecordDeclaration r ? r.getParameters() : new NodeList<>();
        memberBody(Body.Kind.CONSTRUCTOR, c, type, typeName + "." + c.getNameAsString(), components, c.getBody(), env);
      } else if (member instanceof InitializerDeclaration init) {
        memberBody(
            Body.Kind.INITIALIZER,
            init,
            type,
            typeName + (init.isStatic() ? ".<clinit>" : ".<init>"),
            new NodeList<>(),
            init.getBody(),
            env);
      } else if (member instanceof FieldDeclaration field) {
        member(
            field,
            () -> {
              for (VariableDeclarator d : field.getVariables()) {
                d.getInitializer().ifPresent(init -> scanForNestedBodies(init, env, typeName));
              }
            });
      } else if (member instanceof TypeDeclaration<?> nested) {
        visitType(nested, env);
      }
    }
  }

  /**
   * Field initializers and enum arguments have no body of their own, but lambdas and anonymous
   * classes in them do.
   */
  private void scanForNestedBodies(Expression expr, Environment env, String typeName) {
    for (LambdaExpr lambda : expr.findAll(LambdaExpr.class, l -> isOutermostBody(l, expr))) {
      buildLambda(lambda, env, typeName);
    }
    for (ObjectCreationExpr anon :
        expr.findAll(
            ObjectCreationExpr.class,
            o -> o.getAnonymousClassBody().isPresent() && isOutermostBody(o, expr))) {
      visitMembers(anon, anon.getAnonymousClassBody().get(), env);
    }
  }

  /** Whether no lambda or anonymous class lies between {@code node} and {@code root}. */
  private static boolean isOutermostBody(Node node, Node root) {
    for (Node p = node.getParentNode().orElse(null); p != null && p != root; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr
          || (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
        return false;
      }
    }
    return true;
  }

  /** A member's body, built now, or when it is first asked for if the unit is built lazily. */
  private void memberBody(
      Body.Kind kind,
      Node declaration,
      Node enclosingType,
      String displayName,
      List<Parameter> parameters,
      Statement body,
      Environment env) {
    member(
        declaration,
        () -> {
          BodyBuilder builder = new BodyBuilder(this, env, typeName(enclosingType));
          bodies.add(builder.build(kind, declaration, enclosingType, displayName, parameters, body, null));
        });
  }

  void buildLambda(LambdaExpr lambda, Environment env, String typeName) {
    BodyBuilder builder = new BodyBuilder(this, env, typeName);
    Node enclosingType = enclosingTypeOf(lambda);
    bodies.add(
        builder.build(
            Body.Kind.LAMBDA,
            lambda,
            enclosingType,
            "lambda in " + typeName,
            lambda.getParameters(),
            lambda.getBody(),
            lambda.getExpressionBody().orElse(null)));
  }

  static Node enclosingTypeOf(Node node) {
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?>
          || (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())
          || (p instanceof EnumConstantDeclaration e && !e.getClassBody().isEmpty())) {
        return p;
      }
    }
    return null;
  }

  static String typeName(Node type) {
    if (type instanceof NodeWithSimpleName<?> named && !(type instanceof ObjectCreationExpr)) {
      return named.getNameAsString();
    }
    if (type instanceof ObjectCreationExpr o) {
      return "new " + o.getType().getNameAsString() + "() {…}";
    }
    return "?";
  }

  Variable variableFor(Node declaration, Supplier<Variable> create) {
    Variable v = variables.get(declaration);
    if (v == null) {
      v = create.get();
      variables.put(declaration, v);
    }
    return v;
  }

  private final Map<Variable, Map<String, Variable>> paths = new IdentityHashMap<>();

  /**
   * The field {@code field} of what the local or parameter {@code base} holds ({@code h.items}):
   * one variable per base and field in the whole file, so that a lambda naming {@code h.items}
   * names the same place as the method around it.
   */
  Variable pathOf(Variable base, String field) {
    return paths
        .computeIfAbsent(base, b -> new java.util.HashMap<>(2))
        .computeIfAbsent(
            field,
            f ->
                new Variable(
                    nextVariableId++,
                    base.name() + "." + f,
                    Variable.Kind.FIELD,
                    base.declaration(),
                    null,
                    null,
                    false,
                    base));
  }

  Variable newVariable(
      String name,
      Variable.Kind kind,
      Node declaration,
      Type type,
      NodeList<AnnotationExpr> annotations,
      boolean isStatic) {
    return new Variable(nextVariableId++, name, kind, declaration, type, annotations, isStatic);
  }
}
