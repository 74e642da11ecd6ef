package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Finds the stores of a body that open a value to release into a private field of a closeable
 * class which nothing in the class releases (decision 312): {@code in = new FileInputStream(f)}
 * in a stream whose {@code close()} never closes {@code in}. A private field is named only in its
 * file, so reading every mention of it there decides whether anything can release it: a mention
 * that closes it, hands it to a call, stores, returns or captures it may release it, and the
 * class is taken at its word; only a field that every mention merely uses (calls on it that do
 * not release it, null checks, other stores) is left open whatever the class's users do.
 */
final class FieldsLeftOpen {
  /** How far a chain of calls on the field ({@code in.getChannel().position(p)}) is followed. */
  private static final int MAX_CHAIN = 4;

  private final Body body;
  private final FileFacts file;

  FieldsLeftOpen(Body body, FileFacts file) {
    this.body = body;
    this.file = file;
  }

  List<FieldLeftOpen> find() {
    List<FieldLeftOpen> found = new ArrayList<>(0);
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CfgNode node : body.cfg().nodes()) {
      if (node.kind() != CfgNode.Kind.EVAL
          || !(node.ast() instanceof AssignExpr store)
          || store.getOperator() != AssignExpr.Operator.ASSIGN
          || !seen.add(store)) {
        continue;
      }
      Variable field = file.bodies.variableOf(AstNodes.unwrap(store.getTarget()));
      if (field == null || !field.isField() || field.isPath() || field.isStatic() || !opensValueToRelease(store.getValue())) {
        continue;
      }
      TypeDeclaration<?> owner = closeableDeclaringClass(field);
      if (owner != null && file.neverReleased(field, () -> neverReleased(owner, field))) {
        MethodDeclaration close =
            owner.getMethodsBySignature("close").stream().filter(m -> !m.isStatic()).findFirst().orElse(null);
        TypeRef stored = file.types.typeOf(store.getValue());
        boolean closeOnly = !file.index.isMustReleaseType(stored) || file.index.isCloseable(stored);
        found.add(new FieldLeftOpen(node, store, field, owner.getNameAsString(), close == null ? null : close.getName(), closeOnly));
      }
    }
    return found;
  }

  /**
   * A new value the models say must be released ({@code new FileInputStream(f)}, {@code
   * Files.newInputStream(p)}, {@code alloc.buffer()}), or a wrapper made right there around one
   * (D19).
   */
  private boolean opensValueToRelease(Expression value) {
    Expression e = AstNodes.unwrap(value);
    MethodContract made = null;
    if (e instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()) {
      made = file.calls.contractOf(created);
    } else if (e instanceof MethodCallExpr call) {
      made = file.calls.contractOf(call);
    }
    return (made != null
            && (made.returnsMustRelease()
                || (made.returns() == MethodContract.ReturnMode.OWNED && file.index.isMustReleaseType(file.types.typeOf(e)))))
        || file.owners.wrapsNewResource(e, 0);
  }

  /**
   * The class declaring the field, when the field is private and the class is one that can be
   * closed ({@code AutoCloseable}, every supertype known): a class that cannot be closed keeps
   * what it holds for as long as it lives, a choice of its own (a log file held open).
   */
  private TypeDeclaration<?> closeableDeclaringClass(Variable field) {
    Node declaration = field.declaration();
    if (declaration == null
        || !(declaration.getParentNode().orElse(null) instanceof FieldDeclaration f)
        || !f.isPrivate()
        || !(f.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner)
        || owner.isInterface()
        || generatesAccessors(f)
        || generatesAccessors(owner)) {
      return null;
    }
    String name = file.types.typeName(owner);
    return name != null && file.index.isCloseable(TypeRef.of(name)) ? owner : null;
  }

  /**
   * Whether an annotation makes the compiler write code that hands the field out (Lombok's
   * {@code @Getter}, {@code @Data}, {@code @Value}, {@code @Delegate}): mentions nobody can read.
   */
  private static boolean generatesAccessors(com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> declaration) {
    return declaration.getAnnotations().stream().map(a -> a.getName().getIdentifier()).anyMatch(GENERATED_ACCESSORS::contains);
  }

  private static final Set<String> GENERATED_ACCESSORS = Set.of("Getter", "Data", "Value", "Delegate");

  /** Whether every mention of the field in its file only uses it (see the class comment). */
  private boolean neverReleased(TypeDeclaration<?> owner, Variable field) {
    // A private member is visible throughout its top-level class and nowhere else.
    Node unit = owner;
    for (Node up = unit.getParentNode().orElse(null); up != null && !(up instanceof CompilationUnit); up = up.getParentNode().orElse(null)) {
      unit = up;
    }
    String name = field.name();
    for (NameExpr n : unit.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      if (mayBe(field, n) && !onlyUses(n, 0)) {
        return false;
      }
    }
    for (FieldAccessExpr a : unit.findAll(FieldAccessExpr.class, a -> a.getNameAsString().equals(name))) {
      if (mayBe(field, a) && !onlyUses(a, 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a name may denote the field: any mention that does not resolve to another variable
   * (a local, a parameter, another field), or to a class's static member ({@code System.in}),
   * counts.
   */
  private boolean mayBe(Variable field, Expression mention) {
    Variable v = file.bodies.variableOf(mention);
    if (v != null) {
      // `other.in` of another instance counts: it may be this class's field of another object.
      return v == field || (v.isField() && v.isPath() ? v.fieldName().equals(field.name()) : v.declaration() == field.declaration());
    }
    if (mention instanceof FieldAccessExpr a && !(a.getScope() instanceof ThisExpr)) {
      Expression scope = a.getScope();
      // `System.in`, `Foo.BAR.in`: a type's member, not this instance field of another object.
      return !(scope instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0)) && file.bodies.variableOf(n) == null);
    }
    return true;
  }

  /**
   * Whether the expression (the field, or a call on it) is only used where it stands: the
   * receiver of calls that do not release it, compared with {@code null}, stored into, or dropped.
   */
  private boolean onlyUses(Expression mention, int depth) {
    Node parent = mention.getParentNode().orElse(null);
    if (parent instanceof EnclosedExpr enclosed) {
      return onlyUses(enclosed, depth);
    }
    if (parent instanceof ExpressionStmt) {
      return true; // dropped
    }
    if (parent instanceof AssignExpr a && a.getTarget() == mention) {
      return true; // a store into the field
    }
    if (ConstructorStores.comparedWithNull(parent)) {
      return true;
    }
    if (!(parent instanceof MethodCallExpr call) || call.getScope().orElse(null) != mention || mayRelease(call)) {
      return false;
    }
    TypeRef result = file.types.typeOf(call);
    if (result.cannotHoldReferences() || (result.isKnown() && !result.isArray() && !file.index.carriesObligation(result))) {
      return true; // `in.read()`, `in.getChannel().position()`: nothing that can hold the resource
    }
    // A handle on the same resource (`in.getChannel()`) is followed: closing it closes the field.
    return depth < MAX_CHAIN && result.isKnown() && onlyUses(call, depth + 1);
  }

  /**
   * Whether a call on the field may release it: a method whose contract consumes its receiver, or
   * one named like a release that no contract describes, or a method of the project's own type
   * that nothing describes (its body may release what it holds).
   */
  private boolean mayRelease(MethodCallExpr call) {
    MethodContract c = file.calls.contractOf(call);
    if (c != null) {
      return c.receiver() == MethodContract.ReceiverMode.CONSUMES;
    }
    String name = call.getNameAsString();
    if (name.equals("close") || name.equals("release")) {
      return true;
    }
    return call.getScope().map(s -> file.index.isProjectType(file.types.typeOf(s))).orElse(true);
  }
}
