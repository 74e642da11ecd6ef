package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.Dispatch;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodModes;
import org.borrowck4j.analyzer.model.RuntimeClass;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.ExpressionTypes;
import org.borrowck4j.analyzer.types.ImportContext;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Which contract each call of one compilation unit binds to: the receiver's static type (or the
 * enclosing classes, static imports, the superclass for {@code super.}) names the type, the
 * contract index picks the overload. A call is resolved only when a fact about a tracked value
 * asks for it, and each answer is kept for the rest of the file. Not thread-safe: one per file.
 */
final class CallContracts {
  private static final MethodContract NONE =
      new MethodContract(
          "", "", MethodContract.Kind.INSTANCE_METHOD, List.of(), false, TypeRef.UNKNOWN, MethodModes.NONE, null, -1, null);

  private final FileBodies bodies;
  private final ContractIndex index;
  private final ImportContext imports;
  private ExpressionTypes types;
  /** What each call's declaration says: enough for every question inference does not answer. */
  private final Map<Node, MethodContract> declared = new IdentityHashMap<>();
  /** The declared contracts completed by inference, asked for only where a parameter's or the result's mode matters. */
  private final Map<Node, MethodContract> contracts = new IdentityHashMap<>();
  /** The type each resolved method call was found on: its receiver's, an enclosing class, a static import. */
  private final Map<MethodCallExpr, TypeRef> receivers = new IdentityHashMap<>();
  // By identity: JavaParser nodes are equal when their text is, and two calls are not one.
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  /** What {@code this} is known to be (a body summarised for a call of it), or null. */
  private final ThisBound thisBound;

  CallContracts(FileBodies bodies, ContractIndex index, ImportContext imports, ThisBound thisBound) {
    this.bodies = bodies;
    this.index = index;
    this.imports = imports;
    this.thisBound = thisBound;
  }

  /** Typing and call resolution need each other: the types are given once both exist. */
  void typedBy(ExpressionTypes types) {
    this.types = types;
  }

  /**
   * The type a call returns, unknown where the callee is. An element of the receiver ({@code
   * Map.get}, model vocabulary {@code @Element}) has the type argument the receiver's declared type
   * gives it ({@code List<Buf>} for {@code Map<String, List<Buf>>}).
   */
  TypeRef returnType(MethodCallExpr call) {
    MethodContract c = declaredContractOf(call);
    if (c == null) {
      return TypeRef.UNKNOWN;
    }
    if (c.returnsElement() && !c.returnType().isKnown() && call.getScope().isPresent()) {
      return types.typeArgument(call.getScope().get(), c.elementOf());
    }
    return c.returnType();
  }

  /** The contract of a method call, or null where the callee is unknown. */
  MethodContract contractOf(MethodCallExpr call) {
    return completed(call, declaredContractOf(call));
  }

  /**
   * The contract of a method call as its declaration (or model) says, nothing inferred: for
   * questions about the return type, the receiver or model vocabulary, which a body's summary
   * never changes (decision 200). Null where the callee is unknown.
   */
  MethodContract declaredContractOf(MethodCallExpr call) {
    MethodContract c = declared.get(call);
    if (c == null) {
      if (!inProgress.add(call)) {
        return null;
      }
      try {
        c = computeContract(call);
      } finally {
        inProgress.remove(call);
      }
      declared.put(call, c == null ? NONE : c);
    }
    return c == NONE ? null : c;
  }

  private MethodContract completed(Node call, MethodContract declaredContract) {
    if (declaredContract == null) {
      return null;
    }
    MethodContract c = contracts.get(call);
    if (c == null) {
      c = call instanceof MethodCallExpr m
          ? index.withInference(declaredContract, dispatchOf(m))
          : index.constructorWithInference(declaredContract);
      contracts.put(call, c);
    }
    return c;
  }

  private MethodContract computeContract(MethodCallExpr call) {
    String name = call.getNameAsString();
    int argc = call.getArguments().size();
    Supplier<List<TypeRef>> argTypes = () -> argumentTypes(call.getArguments());
    if (call.getScope().isPresent()) {
      Expression scope = call.getScope().get();
      if (scope instanceof SuperExpr) {
        // In an anonymous class, `super` is the class it extends (its first supertype here).
        ObjectCreationExpr anonymous = enclosingAnonymousClass(call);
        TypeRef created = anonymous == null ? TypeRef.UNKNOWN : types.resolve(anonymous.getType(), anonymous);
        List<String> h = anonymous == null ? index.hierarchy(types.enclosingTypeName(call)) : created.isKnown() ? index.hierarchy(created.name()) : List.of();
        for (int i = anonymous == null ? 1 : 0; i < h.size(); i++) {
          MethodContract m = resolvedOn(call, TypeRef.of(h.get(i)), index.declaredMethod(TypeRef.of(h.get(i)), name, argc, argTypes));
          if (m != null) {
            return m;
          }
        }
        return null;
      }
      TypeRef receiver = types.typeOf(scope);
      if (!receiver.isKnown()) {
        receiver = types.typeNamed(AstNodes.unwrap(scope));
      }
      if (thisBound != null && isOwnThis(scope) && receiver.isKnown()) {
        receiver = TypeRef.of(thisBound.from(receiver.name()));
      }
      return resolvedOn(call, receiver, index.declaredMethod(receiver, name, argc, argTypes));
    }
    for (String type : enclosingTypesForCalls(call)) {
      MethodContract m = resolvedOn(call, TypeRef.of(type), index.declaredMethod(TypeRef.of(type), name, argc, argTypes));
      if (m != null) {
        return m;
      }
    }
    String owner = imports.staticImportOwner(name);
    if (owner != null) {
      return resolvedOn(call, TypeRef.of(owner), index.declaredMethod(TypeRef.of(owner), name, argc, argTypes));
    }
    for (String type : imports.staticOnDemandImports()) {
      MethodContract m = resolvedOn(call, TypeRef.of(type), index.declaredMethod(TypeRef.of(type), name, argc, argTypes));
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** How the call picks its body: on {@code this}, through {@code super.}, or virtually on its receiver's type. */
  private Dispatch dispatchOf(MethodCallExpr call) {
    Expression scope = call.getScope().map(AstNodes::unwrap).orElse(null);
    if (scope instanceof SuperExpr s && s.getTypeName().isEmpty()) {
      // An anonymous class's `this` has no type to summarise for: the body is run as declared.
      String self = enclosingAnonymousClass(call) != null ? null : types.enclosingTypeName(call);
      return Dispatch.exact(self == null ? null : thisBound == null ? self : thisBound.from(self));
    }
    TypeRef receiver = receivers.get(call);
    String type = receiver == null || !receiver.isKnown() ? null : receiver.name();
    if (scope == null || isOwnThis(scope)) {
      return Dispatch.onThis(type);
    }
    Expression on = scope;
    return Dispatch.virtual(type, () -> receiverClasses(on));
  }

  /** The run-time classes each receiver was found to have (decision 236); by identity. */
  private final Map<Expression, List<RuntimeClass>> receiverClasses = new IdentityHashMap<>();

  /**
   * The anonymous classes a call's receiver may be at run time, or null where that is not known
   * (decision 236): a field of a class of this file that always holds one, or the result of a call
   * whose every possible body returns one. Worked out only when inference asks, once per receiver.
   */
  private List<RuntimeClass> receiverClasses(Expression scope) {
    if (receiverClasses.containsKey(scope)) {
      return receiverClasses.get(scope);
    }
    receiverClasses.put(scope, null); // asked again while being worked out: not known
    List<RuntimeClass> found = null;
    if (scope instanceof MethodCallExpr call) {
      MethodContract c = declaredContractOf(call);
      found = c == null ? null : index.resultClasses(c, dispatchOf(call));
    } else if (scope instanceof NameExpr || (scope instanceof FieldAccessExpr f && isOwnThis(f.getScope()))) {
      Variable v = bodies.variableOf(scope);
      ObjectCreationExpr anonymous =
          v != null && v.isField() && !v.isPath() && v.declaration() instanceof VariableDeclarator field
              ? AnonymousClasses.heldByField(field)
              : null;
      if (anonymous != null) {
        String file = fileOf(anonymous);
        found = file == null ? null : List.of(RuntimeClass.at(file, anonymous));
      }
    }
    receiverClasses.put(scope, found);
    return found;
  }

  /** The analysed file a node of this unit is in, as the index knows it (its types' origin). */
  private String fileOf(Node node) {
    TypeDeclaration<?> type = node.findAncestor(TypeDeclaration.class).orElse(null);
    String name = type == null ? null : types.typeName(type);
    if (name == null) {
      return null;
    }
    for (TypeContract t : index.declarations(name)) {
      if (t.origin() != null && t.origin().kind() == Declared.Origin.Kind.SOURCE) {
        return t.origin().file();
      }
    }
    return null;
  }

  private static boolean isOwnThis(Expression scope) {
    return scope instanceof ThisExpr t && t.getTypeName().isEmpty();
  }

  /** Remembers the type a call was found on (what it throws is asked there too), and returns {@code found}. */
  private MethodContract resolvedOn(MethodCallExpr call, TypeRef type, MethodContract found) {
    if (found != null) {
      receivers.put(call, type);
    }
    return found;
  }

  /**
   * What a call, object creation or {@code this(...)}/{@code super(...)} may throw (D9): the
   * qualified names of the types the throws clause of its declaration names, or null where the
   * callee is unknown or no declaration of it says (then it may throw anything).
   */
  List<String> thrownBy(Node call) {
    if (call instanceof MethodCallExpr m) {
      TypeRef receiver = declaredContractOf(m) == null ? null : receivers.get(m);
      return receiver == null
          ? null
          : index.thrown(receiver, m.getNameAsString(), m.getArguments().size(), () -> argumentTypes(m.getArguments()));
    }
    if (call instanceof ObjectCreationExpr o) {
      if (o.getAnonymousClassBody().isPresent()) {
        return null; // an anonymous class's initializers may throw anything (JLS 11.2.3)
      }
      return index.constructorThrown(
          types.resolve(o.getType(), o), o.getArguments().size(), () -> argumentTypes(o.getArguments()));
    }
    if (call instanceof ExplicitConstructorInvocationStmt e) {
      MethodContract c = declaredContractOf(e);
      return c == null
          ? null
          : index.constructorThrown(TypeRef.of(c.declaringType()), e.getArguments().size(), () -> argumentTypes(e.getArguments()));
    }
    return null;
  }

  /** The contract of a constructor call (of the anonymous class's supertype, for one). */
  MethodContract contractOf(ObjectCreationExpr creation) {
    return completed(creation, declaredContractOf(creation));
  }

  /** The constructor's contract as declared, nothing inferred; null where it is unknown. */
  private MethodContract declaredContractOf(ObjectCreationExpr creation) {
    MethodContract c = declared.get(creation);
    if (c == null) {
      TypeRef type = types.resolve(creation.getType(), creation);
      c = index.declaredConstructor(type, creation.getArguments().size(), () -> argumentTypes(creation.getArguments()));
      declared.put(creation, c == null ? NONE : c);
    }
    return c == NONE ? null : c;
  }

  /** The contract of {@code this(...)} or {@code super(...)}. */
  MethodContract contractOf(ExplicitConstructorInvocationStmt call) {
    return completed(call, declaredContractOf(call));
  }

  private MethodContract declaredContractOf(ExplicitConstructorInvocationStmt call) {
    MethodContract c = declared.get(call);
    if (c == null) {
      String self = types.enclosingTypeName(call);
      TypeRef target = TypeRef.UNKNOWN;
      if (self != null) {
        List<String> h = index.hierarchy(self);
        target = call.isThis() ? TypeRef.of(self) : h.size() > 1 ? TypeRef.of(h.get(1)) : TypeRef.UNKNOWN;
      }
      c = index.declaredConstructor(target, call.getArguments().size(), () -> argumentTypes(call.getArguments()));
      declared.put(call, c == null ? NONE : c);
    }
    return c == NONE ? null : c;
  }

  /** The contract of a call or object creation (or null for anything else, or an unknown callee). */
  MethodContract contractOfCall(Node call) {
    if (call instanceof MethodCallExpr m) {
      return contractOf(m);
    }
    if (call instanceof ObjectCreationExpr o) {
      return contractOf(o);
    }
    return null;
  }

  private List<TypeRef> argumentTypes(List<Expression> args) {
    List<TypeRef> out = new ArrayList<>(args.size());
    for (Expression a : args) {
      out.add(isVarargsParameter(a) ? types.typeOf(a).arrayOf() : types.typeOf(a));
    }
    return out;
  }

  /**
   * Whether the argument names a variable-arity parameter: a {@code T[]} where it is passed, though
   * its variable is typed {@code T}, as each argument given to it is (decision 315).
   */
  private boolean isVarargsParameter(Expression arg) {
    Variable v = bodies.variableOf(AstNodes.unwrap(arg));
    return v != null && v.isParameter() && v.declaration() instanceof com.github.javaparser.ast.body.Parameter p && p.isVarArgs();
  }

  /** The anonymous class a node is in, when it is nearer than any named one; else null. */
  private static ObjectCreationExpr enclosingAnonymousClass(Node node) {
    Node child = node;
    for (Node p = node.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?>) {
        return null;
      }
      if (p instanceof ObjectCreationExpr o
          && o.getAnonymousClassBody().isPresent()
          && child instanceof BodyDeclaration<?>) {
        return o;
      }
    }
    return null;
  }

  /** Where an unqualified call may find its method: enclosing classes, innermost first. */
  private List<String> enclosingTypesForCalls(Node node) {
    List<String> out = new ArrayList<>(2);
    for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        String name = types.typeName(t);
        if (name != null) {
          out.add(thisBound == null ? name : thisBound.from(name));
        }
      } else if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        TypeRef supertype = types.resolve(o.getType(), o);
        if (supertype.isKnown()) {
          out.add(supertype.name());
        }
      }
    }
    return out;
  }

  /**
   * Whether a call never returns normally: a model says so ({@code System.exit}), or it is an
   * unqualified (or {@code this.}) call of a method of the enclosing class that cannot be
   * overridden (private, static or final) and whose body has no normal exit ({@code private static
   * void fail(Throwable t) { throw ...; }}), or a call of another class's method whose target is
   * known and whose body always throws (decision 241: {@code SQLServerException.makeFromDriverError},
   * {@code super.replace(content)} of a class that does not support it).
   */
  boolean isNoReturn(MethodCallExpr call) {
    MethodContract c = declaredContractOf(call);
    return (c != null && c.noReturn())
        || everyLocalTarget(call, body -> !reaches(body, body.cfg().exit().id()))
        || (c != null && neverReturnsByItsBody(call));
  }

  private boolean neverReturnsByItsBody(MethodCallExpr call) {
    TypeRef receiver = receivers.get(call);
    MethodContract own =
        receiver == null
            ? null
            : index.sourceDeclaration(receiver, call.getNameAsString(), call.getArguments().size(), () -> argumentTypes(call.getArguments()));
    return own != null && index.neverReturns(own, dispatchOf(call));
  }

  /**
   * Whether a call of a method of the analysed sources that declares nothing runs bodies that were
   * summarised and say nothing: they only read what they are given (decision 297).
   */
  boolean summarisedSilent(Node call) {
    return askedOfDeclared(call, index::summarisedSilent);
  }

  /** Whether an overridable call runs only implementations of the sources that say nothing (decision 314). */
  boolean silentInEveryImplementation(Node call) {
    return askedOfDeclared(call, index::silentInEveryImplementation);
  }

  /** Whether the call runs one body of the analysed sources, known where it is called. */
  boolean runsOneBody(Node call) {
    return askedOfDeclared(call, index::runsOneBody);
  }

  /** A question about a call's declared callee and how it is dispatched (none for a constructor). */
  private boolean askedOfDeclared(Node call, java.util.function.BiPredicate<MethodContract, Dispatch> question) {
    if (call instanceof MethodCallExpr m) {
      return question.test(declaredContractOf(m), dispatchOf(m));
    }
    return call instanceof ObjectCreationExpr o && question.test(declaredContractOf(o), null);
  }

  /**
   * Whether a consuming operation derives a value that carries its receiver's resource on (D6):
   * {@code lines.filter(f)}. One whose result cannot be closed ({@code iterator()}, {@code
   * spliterator()}) derives a view of the resource, not the duty to end it: closing the stream it
   * came from is the only way to (D11), so that stream keeps the duty (decision 342).
   */
  boolean derivesOwner(MethodContract c) {
    return derives(c) && !resultCarriesNothing(c);
  }

  /** A consuming operation returning an owned value that cannot be closed: a view of the receiver's resource. */
  boolean derivesView(MethodContract c) {
    return derives(c) && resultCarriesNothing(c);
  }

  private static boolean derives(MethodContract c) {
    return c.receiver() == MethodContract.ReceiverMode.CONSUMES && c.returns() == MethodContract.ReturnMode.OWNED;
  }

  private boolean resultCarriesNothing(MethodContract c) {
    return c.returnType().isKnown() && !index.carriesObligation(c.returnType());
  }

  /** Whether the call's result is a second handle on its receiver's resource (decision 246). */
  boolean resultAliasesReceiver(MethodCallExpr call) {
    if (call.getScope().isEmpty()) {
      return false;
    }
    MethodContract c = contractOf(call);
    return c != null && c.resultAliasesReceiver();
  }

  /**
   * What a call's result wraps (D19): its receiver when the result is a second handle on it
   * ({@code @MustCallAlias} on the receiver parameter, decision 246), then the arguments it passes
   * to {@code @MustCallAlias} parameters, in order. A call with neither arguments nor a receiver
   * looks up no contract.
   */
  List<Expression> wrappedArguments(Node call) {
    List<Expression> args = call instanceof NodeWithArguments<?> n ? n.getArguments() : List.of();
    Expression receiver = call instanceof MethodCallExpr m ? m.getScope().orElse(null) : null;
    MethodContract c = args.isEmpty() && receiver == null ? null : contractOfCall(call);
    if (c == null || (call instanceof ObjectCreationExpr o && shieldsClose(o))) {
      return List.of();
    }
    List<Expression> wrapped = new ArrayList<>(0);
    if (receiver != null && c.resultAliasesReceiver()) {
      wrapped.add(receiver); // `holder.content()`: the holder's own reference count (decision 246)
    }
    wrapped.addAll(argumentsWhere(c, args, p -> p.mode() == MethodContract.ParamMode.ALIAS));
    return wrapped;
  }

  /**
   * An anonymous subclass of a wrapper whose {@code close()} closes nothing: a close shield
   * ({@code new FilterOutputStream(out) { public void close() {} }}), which only uses what it is
   * given, as a named one does (decisions 330, 348).
   */
  private boolean shieldsClose(ObjectCreationExpr created) {
    if (created.getAnonymousClassBody().isEmpty()) {
      return false;
    }
    List<MethodDeclaration> members = new ArrayList<>(1);
    for (BodyDeclaration<?> member : created.getAnonymousClassBody().get()) {
      if (member instanceof MethodDeclaration m) {
        members.add(m);
      }
    }
    return ConstructorStores.closesNothing(members, this);
  }

  /** The arguments a call makes elements of the collection it returns ({@code @BecomesElement}, decision 319). */
  List<Expression> elementArguments(MethodCallExpr call) {
    List<Expression> args = call.getArguments();
    MethodContract c = args.isEmpty() ? null : contractOfCall(call);
    return c == null ? List.of() : argumentsWhere(c, args, MethodContract.Param::becomesElement);
  }

  /** The arguments whose parameter is so. */
  private static List<Expression> argumentsWhere(
      MethodContract c, List<Expression> args, java.util.function.Predicate<MethodContract.Param> parameter) {
    List<Expression> out = new ArrayList<>(0);
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p != null && parameter.test(p)) {
        out.add(args.get(i));
      }
    }
    return out;
  }

  /**
   * Whether a call reaches no handler: a model says the method reports failure otherwise than by
   * throwing ({@code @NoThrow}: Netty's writes and promises), or it is an unqualified (or {@code
   * this.}) call of a method of the enclosing class that cannot be overridden and whose body
   * cannot reach its exceptional exit by the analysis's own account of what throws (no call, no
   * allocation, no {@code throw}: {@code private void setState(int bit) { state |= bit; }}).
   * Decision 154.
   */
  boolean isNoThrow(MethodCallExpr call) {
    MethodContract c = declaredContractOf(call);
    return (c != null && c.noThrow())
        || everyLocalTarget(call, body -> !reaches(body, body.cfg().exceptionalExit().id()));
  }

  /**
   * Whether the method the call names, as the class {@code runtimeClass} has it, is one a model
   * says never throws: the call on a local known to hold only objects of that class
   * ({@code OutputStream out = new FileOutputStream(f); … out.flush()}, decision 309).
   */
  boolean isNoThrowOn(TypeRef runtimeClass, MethodCallExpr call) {
    MethodContract c =
        index.declaredMethod(runtimeClass, call.getNameAsString(), call.getArguments().size(), () -> argumentTypes(call.getArguments()));
    return c != null && c.noThrow();
  }

  /**
   * Whether the call is an unqualified (or {@code this.}) call of methods of the enclosing class
   * that cannot be overridden (private, static or final), at least one, and the body of every one
   * of them with the call's arity passes the test.
   */
  private boolean everyLocalTarget(MethodCallExpr call, java.util.function.Predicate<Body> test) {
    Expression scope = call.getScope().map(AstNodes::unwrap).orElse(null);
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
      Body body = bodies.methodBody(m);
      boolean fixed = m.isPrivate() || m.isStatic() || m.isFinal();
      if (body == null || !fixed || !test.test(body)) {
        return false;
      }
      found = true;
    }
    return found;
  }

  private static boolean reaches(Body body, int target) {
    for (int id : body.cfg().reversePostOrder()) {
      if (id == target) {
        return true;
      }
    }
    return false;
  }
}
