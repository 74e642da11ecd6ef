package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.AnnotationNames;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.ContractModes;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.ExpressionTypes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Which variables of one compilation unit own their values, which borrow, and which are plain
 * references (DESIGN.md "Which values are tracked", D15, D16), and what follows from it: whether a
 * scope end drops a variable, whether a local gets a value of its own to release. Each answer is
 * kept for the rest of the file. Not thread-safe: one per file.
 */
final class Owners {
  private final FileBodies bodies;
  private final ExpressionTypes types;
  private final CallContracts calls;
  private final ContractIndex index;
  private final boolean strict;
  private final Map<Variable, Ownership> ownership = new IdentityHashMap<>();
  private final Map<Variable, VariableMode> declared = new IdentityHashMap<>();
  private final Map<Variable, Boolean> acquires = new IdentityHashMap<>();
  private final Map<Node, Map<Variable, List<Expression>>> assignmentsIn = new IdentityHashMap<>();
  private final InheritedOwnership inherited;

  /**
   * @param strict treat unannotated parameters of owned types as {@code @Borrowed} (DESIGN.md:
   *     the optional stricter mode)
   */
  Owners(FileBodies bodies, ExpressionTypes types, CallContracts calls, ContractIndex index, boolean strict) {
    this.bodies = bodies;
    this.types = types;
    this.calls = calls;
    this.index = index;
    this.strict = strict;
    this.inherited = new InheritedOwnership(bodies, types, index, this::declaredMode, this::assignmentsTo);
  }

  boolean strict() {
    return strict;
  }

  /**
   * What a variable's own annotations declare it to be. A primitive is copied, never owned or
   * borrowed: a mode written on one is reported ({@code annotation-misuse}) and read as none, so
   * that returning a {@code @Mut int} is not also an escape (decision 50).
   */
  VariableMode declaredMode(Variable v) {
    VariableMode mode = declared.get(v);
    if (mode == null) {
      mode = ContractModes.ofVariable(meanings(v.annotations()));
      if (mode != VariableMode.NONE && types.typeOf(v).isPrimitive()) {
        mode = VariableMode.NONE;
      }
      declared.put(v, mode);
    }
    return mode;
  }

  private List<Meaning> meanings(List<AnnotationExpr> annotations) {
    List<Meaning> out = new ArrayList<>(annotations.size());
    for (AnnotationExpr a : annotations) {
      out.add(AnnotationNames.meaning(a.getNameAsString(), types.imports()));
    }
    return out;
  }

  private boolean declaredOwned(Variable v) {
    return declaredMode(v) == VariableMode.OWNED;
  }

  /** Owner, borrow or plain reference: DESIGN.md "Which values are tracked", D15, D16. */
  Ownership ownershipOf(Variable v) {
    Ownership o = ownership.get(v);
    if (o == null) {
      o = classify(v);
      ownership.put(v, o);
    }
    return o;
  }

  private Ownership classify(Variable v) {
    VariableMode mode = declaredMode(v);
    if (mode.isBorrow()) {
      return Ownership.BORROW;
    }
    if (mode == VariableMode.OWNED) {
      return Ownership.OWNER;
    }
    if (handsOnOnly(v)) {
      return Ownership.OWNER; // the parameter of an override that inherits @Owned, or a local naming it
    }
    switch (v.kind()) {
      case PARAMETER, LAMBDA_PARAMETER, FOREACH, PATTERN, CATCH_PARAMETER:
        return Ownership.PLAIN;
      case FIELD:
        return index.isOwnedType(types.typeOf(v)) ? Ownership.OWNER : Ownership.PLAIN;
      case RESOURCE:
      case LOCAL:
        Expression init = v.declaration() instanceof VariableDeclarator d ? d.getInitializer().orElse(null) : null;
        MethodContract producer = init == null ? null : producerOf(init);
        if (producer != null && producer.resultAliasesReceiver() && wrapsNewResource(init, 0)) {
          return Ownership.OWNER; // the only handle on a resource made right there (D19, decision 306)
        }
        if (producer != null && (producer.returns() == MethodContract.ReturnMode.BORROWED || producer.resultAliasesReceiver())) {
          // A second handle on the receiver's resource (`content = msg.content()`, decision 246)
          // is a second name for it: the receiver keeps the duty, as it does for a view. Until it
          // is given a value of its own (`slice = filtered`, decision 326): the old borrow ends
          // there, and the variable owns what it was given (D4).
          return givenValueOfItsOwnLater(v) ? Ownership.OWNER : Ownership.BORROW;
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
        if (producer == null && givenOwnedResult(v, init)) {
          // `in = new FileInputStream(f)` after the declaration (decision 262); a wrapper around a
          // resource made right there, its only handle (D19), wherever it is given (decision 298).
          return Ownership.OWNER;
        }
        return index.isOwnedType(types.typeOf(v)) ? Ownership.OWNER : Ownership.PLAIN;
      default:
        return Ownership.PLAIN;
    }
  }

  /**
   * Whether a parameter that declares no mode of its own inherits {@code @Owned} from a method its
   * method overrides (decision 190; {@link InheritedOwnership}).
   */
  boolean inheritsOwned(Variable v) {
    return inherited.inheritsOwned(v);
  }

  /** The method a parameter inherits {@code @Owned} from ({@code ChannelInboundHandler.channelRead}), or null. */
  String ownedInheritedFrom(Variable v) {
    return inherited.ownedInheritedFrom(v);
  }

  /** The parameter inheriting {@code @Owned} that a local only ever names, or null (decision 192). */
  Variable aliasedParameter(Variable v) {
    return inherited.aliasedParameter(v);
  }

  /** A parameter inheriting {@code @Owned}, or a local naming one: handing it on ends a duty, moves nothing. */
  boolean handsOnOnly(Variable v) {
    return inherited.handsOnOnly(v);
  }

  /**
   * Whether the end of the variable's scope drops its value: owners declared {@code @Owned} or of
   * owned types (parameters only when declared {@code @Owned}) and try-with-resources resources
   * (DESIGN.md, scope ends). Fields are never dropped by a method.
   */
  boolean isDroppable(Variable v) {
    if (v.isField() || ownershipOf(v) != Ownership.OWNER) {
      return false;
    }
    boolean annotated = declaredOwned(v);
    if (v.isParameter() || annotated) {
      return annotated;
    }
    return v.kind() == Variable.Kind.RESOURCE || (index.isOwnedType(types.typeOf(v)) && acquiresValue(v));
  }

  /**
   * Whether a local gets a value of its own to drop or release: a fresh one (an {@code @Owned}
   * result, a new object) or one moved to it from another owner. A local that only names a value
   * someone else holds — a field, an array element, a parameter, the result of unannotated code —
   * is an alias: its scope end drops nothing and it has nothing to release.
   */
  boolean acquiresValue(Variable v) {
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
  boolean fresh(Expression value) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof ObjectCreationExpr created) {
      MethodContract c = created.getAnonymousClassBody().isEmpty() ? calls.contractOf(created) : null;
      return c == null || !wrapsAnArgument(c) || wrapsOwnValue(created);
    }
    if (e instanceof MethodCallExpr call) {
      MethodContract c = calls.contractOf(call);
      return c != null
          && c.returns() == MethodContract.ReturnMode.OWNED
          && (!c.resultAliasesReceiver() || wrapsNewResource(call, 0)) // decision 306
          && (!wrapsAnArgument(c) || wrapsOwnValue(call));
    }
    if (e instanceof ConditionalExpr c) {
      return fresh(c.getThenExpr()) || fresh(c.getElseExpr());
    }
    Variable source = bodies.variableOf(e);
    return source != null && holdsOwnValue(source);
  }

  /**
   * Whether a wrapper ({@code @MustCallAlias} arguments, D19) is made around a value of this
   * method's own — a fresh one, an owner's, or a handle on an owner's ({@code ping.content()}) —
   * whose duty it then carries, as {@code CallEvents.handedOn} hands that duty to it. One made
   * around a value someone else holds (a parameter, a field, what unannotated code returned) is a
   * second handle on it and owns nothing (decision 333): {@code new TextWebSocketFrame(payload)}
   * of a handler's parameter is the caller's to release.
   */
  private boolean wrapsOwnValue(Expression wrapper) {
    for (Expression arg : calls.wrappedArguments(wrapper)) {
      Expression a = AstNodes.unwrap(arg);
      for (int depth = 0; depth < 16 && a instanceof MethodCallExpr m && calls.resultAliasesReceiver(m); depth++) {
        a = AstNodes.unwrap(m.getScope().get());
      }
      if (fresh(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a variable holds a value of its own, which assigning it to another local hands on: an
   * {@code @Owned} parameter, a try-with-resources resource, or a local that acquires a value
   * (decision 32). Unlike {@link #isDroppable}, whatever the value's type.
   */
  boolean holdsOwnValue(Variable v) {
    if (v.isField() || ownershipOf(v) != Ownership.OWNER) {
      return false;
    }
    if (v.kind() == Variable.Kind.RESOURCE) {
      return true;
    }
    if (v.isParameter()) {
      return declaredOwned(v);
    }
    return acquiresValue(v);
  }

  /**
   * Whether a variable is an alias of a value someone else holds (decision 32) and owns only
   * because a library model makes its type owned ({@code AbstractPipeline p = this.nextStage}):
   * assigning it to another variable copies a reference and moves nothing. Under a contract a user
   * wrote — an {@code @Owned} declaration or type — an assignment moves, as in Rust.
   */
  boolean isLibraryAlias(Variable v) {
    return !holdsOwnValue(v) && declaredMode(v) != VariableMode.OWNED && !index.isOwnedByUserContract(types.typeOf(v));
  }

  /**
   * Whether assigning the owner to another variable moves its value (D4): yes, unless its value is
   * an {@code AutoCloseable} of no owned type — a file stream, a JDBC object — which D4 says an
   * assignment does not move: the other variable is a second name for the same resource (decision
   * 257). Declared {@code @Owned}, of an owned type, or of a type a user contract makes owned, it
   * moves; so does any owner that is no {@code AutoCloseable} (a reference-counted message).
   */
  boolean movesWhenAssigned(Variable v) {
    TypeRef type = types.typeOf(v);
    if (declaredMode(v) == VariableMode.OWNED || index.isOwnedType(type) || index.isOwnedByUserContract(type)) {
      return true;
    }
    return !index.isCloseable(type);
  }

  /** A parameter declared {@code @Borrowed} or {@code @Mut}: the caller's value, lent for the call. */
  boolean isBorrowedParameter(Variable v) {
    if (!v.isParameter()) {
      return false;
    }
    VariableMode mode = declaredMode(v);
    if (mode.isBorrow()) {
      return true;
    }
    // --strict: an unannotated parameter of an owned type is taken to be lent, not given.
    return strict
        && v.kind() == Variable.Kind.PARAMETER
        && mode != VariableMode.OWNED
        && index.isOwnedType(types.typeOf(v));
  }

  /** The return mode a body's method declares (for {@code return} statements). */
  MethodContract.ReturnMode declaredReturnMode(Body body) {
    if (!(body.declaration() instanceof MethodDeclaration m)) {
      return MethodContract.ReturnMode.NONE;
    }
    List<ContractModes.Written> written = new ArrayList<>();
    for (AnnotationExpr a : m.getAnnotations()) {
      written.add(ContractModes.Written.of(AnnotationNames.meaning(a.getNameAsString(), types.imports())));
    }
    return ContractModes.ofMethod(written, List.of()).returns();
  }

  /** Every value a local is given: its initializer, then what {@code =} gives it later. */
  List<Expression> valuesGiven(Variable v) {
    Expression init = v.declaration() instanceof VariableDeclarator d ? d.getInitializer().orElse(null) : null;
    List<Expression> assigned = assignmentsTo(v);
    if (init == null) {
      return assigned;
    }
    List<Expression> all = new ArrayList<>(assigned.size() + 1);
    all.add(init);
    all.addAll(assigned);
    return all;
  }

  /** The values a local is given by {@code =} after its declaration, in its method or lambda. */
  List<Expression> assignmentsTo(Variable v) {
    Node scope = v.declaration();
    while (scope != null
        && !(scope instanceof CallableDeclaration<?>)
        && !(scope instanceof LambdaExpr)
        && !(scope instanceof InitializerDeclaration)) {
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
      Variable target = a.getOperator() == AssignExpr.Operator.ASSIGN ? bodies.variableOf(AstNodes.unwrap(a.getTarget())) : null;
      if (target != null) {
        out.computeIfAbsent(target, k -> new ArrayList<>(2)).add(a.getValue());
      }
    }
    return out;
  }

  /** Whether a variable declared without a value is later given the result of a @Borrowed method. */
  /**
   * Whether a local is assigned, after its declaration, a fresh owner or one moved from another
   * owner (decision 326). Provisionally a borrow while this is asked: {@code a = b.slice(); b = a;}
   * asks about {@code a} again.
   */
  private boolean givenValueOfItsOwnLater(Variable v) {
    ownership.put(v, Ownership.BORROW);
    for (Expression assigned : assignmentsTo(v)) {
      if (fresh(assigned)) {
        return true;
      }
    }
    return false;
  }

  private boolean assignedFromBorrowedMethod(Variable v) {
    for (Expression assigned : assignmentsTo(v)) {
      MethodContract c = producerOf(assigned);
      if (c != null && (c.returns() == MethodContract.ReturnMode.BORROWED || c.resultAliasesReceiver())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The receiver whose resource a local is a second handle on: the local was given, once and
   * for all, the result of a call that hands out such a handle ({@code content = msg.content()},
   * decision 246) — in its declaration, or in the one assignment of a local declared without a
   * value or with {@code null} ({@code FileLock res; … res = file.getChannel().tryLock();},
   * decision 292); else null.
   */
  Expression handleReceiverOf(Variable v) {
    if (v.kind() != Variable.Kind.LOCAL || !(v.declaration() instanceof VariableDeclarator d)) {
      return null;
    }
    Expression init = d.getInitializer().map(AstNodes::unwrap).orElse(null);
    List<Expression> assigned = assignmentsTo(v);
    Expression value;
    if (init != null && !(init instanceof NullLiteralExpr)) {
      value = assigned.isEmpty() ? init : null;
    } else {
      value = assigned.size() == 1 ? AstNodes.unwrap(assigned.get(0)) : null;
    }
    if (!(value instanceof MethodCallExpr call) || !calls.resultAliasesReceiver(call)) {
      return null;
    }
    return call.getScope().get();
  }

  /**
   * Whether a value is a wrapper built around a resource made right there, and so its only handle
   * (D19): {@code new BufferedReader(new InputStreamReader(url.openStream()))}, a wrapper's
   * {@code @MustCallAlias} argument being a must-release result ({@code url.openStream()}), a new
   * resource ({@code new ZipFile(f)}) or such a wrapper in turn; or a call whose result is a
   * second handle on such a receiver ({@code LineReader.of(f).mapped()}, decision 306). A wrapper
   * of a variable is not: the variable holds the resource and its duty (closing either handle
   * closes both).
   */
  boolean wrapsNewResource(Expression value, int depth) {
    Expression e = AstNodes.unwrap(value);
    boolean wrapper =
        (e instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty())
            || (e instanceof MethodCallExpr call && calls.resultAliasesReceiver(call));
    if (depth > 16 || !wrapper) {
      return false;
    }
    for (Expression wrapped : calls.wrappedArguments(e)) {
      Expression arg = AstNodes.unwrap(wrapped);
      if (arg instanceof MethodCallExpr call) {
        MethodContract made = calls.contractOf(call);
        if ((made != null && made.returnsMustRelease()) || wrapsNewResource(call, depth + 1)) {
          return true;
        }
      } else if (arg instanceof ObjectCreationExpr inner) {
        MethodContract made = inner.getAnonymousClassBody().isEmpty() ? calls.contractOf(inner) : null;
        if ((made != null && made.returns() == MethodContract.ReturnMode.OWNED && index.isMustReleaseType(types.typeOf(inner)))
            || wrapsNewResource(inner, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a local declared without an owner is given one later ({@code in = null; … in = new
   * FileInputStream(f)}), or by a conditional whose other arm is {@code null}: a value the
   * producer's contract says the caller owns (decision 262).
   */
  private boolean givenOwnedResult(Variable v, Expression init) {
    if (init != null && ownedOrNothing(init)) {
      return true;
    }
    if (init != null && !AstNodes.isNullLiteral(init)) {
      return false;
    }
    for (Expression assigned : assignmentsTo(v)) {
      if (ownedOrNothing(assigned)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An owned result, or a wrapper made around a new resource right there, or a conditional choosing
   * between one and {@code null}.
   */
  private boolean ownedOrNothing(Expression value) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof ConditionalExpr c) {
      Expression a = c.getThenExpr();
      Expression b = c.getElseExpr();
      return (AstNodes.isNullLiteral(a) && ownedOrNothing(b)) || (AstNodes.isNullLiteral(b) && ownedOrNothing(a));
    }
    MethodContract p = producerOf(e);
    return (p != null && p.returns() == MethodContract.ReturnMode.OWNED && !p.resultAliasesReceiver())
        || wrapsNewResource(e, 0); // `in = new BufferedInputStream(new FileInputStream(f))` (decision 298)
  }

  /**
   * The contract of the call that made an initial value: a method's, or a constructor's that
   * hands out what it makes ({@code @Owned ZipFile(File)}: the model's word that the new object is
   * an open resource the caller owns, D11) and wraps nothing. A constructor says nothing else here:
   * a new object of a plain type is no owner, and none is borrowed.
   */
  private MethodContract producerOf(Expression init) {
    Expression e = AstNodes.unwrap(init);
    if (e instanceof MethodCallExpr m) {
      return calls.contractOf(m);
    }
    if (e instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()) {
      MethodContract c = calls.contractOf(created);
      return c != null && c.returns() == MethodContract.ReturnMode.OWNED && !wrapsAnArgument(c) ? c : null;
    }
    return null;
  }

  /** A wrapper's constructor ({@code @MustCallAlias} on a parameter): its object is a second handle, not a new resource (D19). */
  private static boolean wrapsAnArgument(MethodContract c) {
    for (MethodContract.Param p : c.params()) {
      if (p.mode() == MethodContract.ParamMode.ALIAS) {
        return true;
      }
    }
    return false;
  }
}
