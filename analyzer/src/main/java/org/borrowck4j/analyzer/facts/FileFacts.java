package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.ContractModes;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.ExpressionTypes;
import org.borrowck4j.analyzer.types.ImportContext;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Where the facts of one compilation unit's bodies come from: its bodies and names, the types of
 * its expressions, the contracts its calls bind to and which of its variables own their values.
 * Only the facts builders of this package see them; what leaves the package is {@link BodyFacts}.
 * Not thread-safe: one per file.
 */
public final class FileFacts {
  final FileBodies bodies;
  final ExpressionTypes types;
  final CallContracts calls;
  final Owners owners;
  final ContractIndex index;
  private final ConstructorStores constructorStores = new ConstructorStores(this);
  private final Map<Variable, Boolean> fieldsNeverReleased = new IdentityHashMap<>();

  /**
   * @param strict the stricter mode: unannotated parameters of owned types are borrows, calls into
   *     unknown code keep what they are given
   */
  public FileFacts(FileBodies bodies, ImportContext imports, ContractIndex index, boolean strict) {
    this(bodies, imports, index, strict, null);
  }

  /** @param thisBound what {@code this} is known to be, for a body summarised for a call; or null */
  public FileFacts(FileBodies bodies, ImportContext imports, ContractIndex index, boolean strict, ThisBound thisBound) {
    this.bodies = bodies;
    this.index = index;
    this.calls = new CallContracts(bodies, index, imports, thisBound);
    this.types = new ExpressionTypes(bodies, imports, index, calls::returnType);
    calls.typedBy(types);
    this.owners = new Owners(bodies, types, calls, index, strict);
    bodies.gettersBy(
        call -> {
          MethodContract c = calls.contractOf(call);
          return c != null && c.resultField() != null ? new FileBodies.GetterPlace(c.declaringType(), c.resultField()) : null;
        });
    bodies.constructorArgumentsBy(this::constructorArgumentOf);
  }

  /**
   * The variable a call's result is when the call returns what its receiver was constructed with
   * (model vocabulary {@code @ConstructorArgument}, decision 235): the receiver is a local
   * initialised with {@code new T(…)} of the method's own class and never assigned again, and the
   * argument of the named constructor parameter is a local or parameter never assigned again. So
   * {@code os.buffer()} after {@code os = new ByteBufOutputStream(out)} is {@code out}. Else null.
   */
  private Variable constructorArgumentOf(MethodCallExpr call) {
    MethodContract c = calls.declaredContractOf(call);
    if (c == null || c.constructorArgument() == null || call.getScope().isEmpty()) {
      return null;
    }
    Variable receiver = bodies.variableOf(AstNodes.unwrap(call.getScope().get()));
    ObjectCreationExpr creation = receiver == null ? null : freshCreation(receiver);
    if (creation == null) {
      return null;
    }
    MethodContract constructor = calls.contractOf(creation);
    if (constructor == null || !constructor.declaringType().equals(c.declaringType())) {
      return null; // a subclass's constructor may name its parameters otherwise
    }
    for (int i = 0; i < constructor.params().size() && i < creation.getArguments().size(); i++) {
      if (!constructor.params().get(i).name().equals(c.constructorArgument())) {
        continue;
      }
      Variable held = bodies.variableOf(AstNodes.unwrap(creation.getArguments().get(i)));
      boolean named = held != null && (held.kind() == Variable.Kind.LOCAL || held.kind() == Variable.Kind.PARAMETER);
      return named && owners.assignmentsTo(held).isEmpty() ? held : null;
    }
    return null;
  }

  private final Map<Body, BodyFacts> built = new IdentityHashMap<>();

  /**
   * Lets go of the facts of a body and of the lambdas in it, once what was wanted of them is
   * known (a summary): inference keeps many files' bodies, and facts kept for nothing cost the
   * collector at every young collection.
   */
  public void forget(Body body) {
    built.keySet().removeIf(b -> b == body || AstNodes.isWithin(b.declaration(), body.declaration()));
  }

  private WeaklyConsistentPlaces weaklyConsistent;
  private HandlerReach handlerReach;

  private ProgramLifetime programLifetime;
  private CollectedValues collected;

  /** Which values hold only memory the collector reclaims (decisions 332, 345). */
  CollectedValues collected() {
    if (collected == null) {
      collected = new CollectedValues(this);
    }
    return collected;
  }

  /**
   * Whether a value holds only memory the collector reclaims, or nothing (decision 332): what a
   * summary says of a result made of such values only (decision 345).
   */
  public boolean collectedWhenDropped(Expression value) {
    return collected().collectedWhenDropped(value);
  }

  /** Which input resources live as long as the program (decision 271). */
  ProgramLifetime programLifetime() {
    if (programLifetime == null) {
      programLifetime = new ProgramLifetime(this);
    }
    return programLifetime;
  }

  /** Which catch clauses the nodes that throw can enter (D9). */
  HandlerReach handlerReach() {
    if (handlerReach == null) {
      handlerReach = new HandlerReach(this);
    }
    return handlerReach;
  }

  /** Which variables only ever hold weakly consistent collections (asked only of borrowed ones). */
  WeaklyConsistentPlaces weaklyConsistent() {
    if (weaklyConsistent == null) {
      weaklyConsistent = new WeaklyConsistentPlaces(this);
    }
    return weaklyConsistent;
  }

  /**
   * The facts of one of the file's bodies, gathered once: a lambda's facts are asked for by the
   * body that creates it (what does the lambda move?) and again when the lambda is analysed.
   */
  public BodyFacts of(Body body) {
    BodyFacts facts = built.get(body);
    if (facts == null) {
      facts = FactsBuilder.build(body, this);
      built.put(body, facts);
    }
    return facts;
  }

  /**
   * Whether an assignment stores into a field declared {@code @Owned} (or {@code @Owning}) — of
   * this object or of another one ({@code h.buffer = b}): the only fields that take ownership of
   * what is stored in them (decision 2).
   */
  public boolean storesIntoOwnedField(Node at) {
    if (!(at instanceof AssignExpr assign)) {
      return false;
    }
    Expression target = AstNodes.unwrap(assign.getTarget());
    Variable v = bodies.variableOf(target);
    if (v != null && v.isField() && !v.isPath()) {
      return owners.declaredMode(v) == ContractModes.VariableMode.OWNED;
    }
    if (target instanceof FieldAccessExpr f) {
      TypeContract.FieldContract field = index.field(types.typeOf(f.getScope()), f.getNameAsString());
      return field != null && field.owned();
    }
    return false;
  }

  /**
   * What storing {@code stored} at {@code store}, in a constructor, makes of the object built: a
   * second handle on it, an object that only uses it, or one that keeps it (decisions 121, 283,
   * 285, 288; {@link ConstructorStores}).
   */
  /** Whether nothing in the class releases the field (decision 312), decided once per field. */
  boolean neverReleased(Variable field, java.util.function.BooleanSupplier decide) {
    Boolean known = fieldsNeverReleased.get(field);
    if (known == null) {
      known = decide.getAsBoolean();
      fieldsNeverReleased.put(field, known);
    }
    return known;
  }

  public ConstructorStores.Meaning constructorStore(Node store, Variable stored) {
    return constructorStores.of(store, stored);
  }

  /**
   * Whether a local is initialised with a new object (no anonymous class) and never assigned
   * again: what it holds is that object, made here.
   */
  public boolean isFreshLocal(Variable v) {
    return freshCreation(v) != null;
  }

  /** The {@code new T(…)} a fresh local ({@link #isFreshLocal}) holds, or null. */
  private ObjectCreationExpr freshCreation(Variable v) {
    if (v.kind() != Variable.Kind.LOCAL
        || !(v.declaration() instanceof VariableDeclarator d)
        || !(d.getInitializer().map(AstNodes::unwrap).orElse(null)
            instanceof ObjectCreationExpr creation)
        || creation.getAnonymousClassBody().isPresent()) {
      return null;
    }
    // A reference-typed local is given another object only by `=` (`+=` exists for strings alone).
    return owners.assignmentsTo(v).isEmpty() ? creation : null;
  }

  /**
   * Whether the declaration or assignment at {@code node} gives {@code v} a value that may be a
   * handle on its own old value: a wrapper of it ({@code in = new BufferedInputStream(in)}, D19),
   * or its value handed to code that declares nothing and whose result it keeps ({@code in =
   * packing.unpack(in)}: perhaps a wrapper, decisions 37 and 259). The duty to close, and what a
   * method does to its parameter, go on with the variable (decision 282).
   */
  public boolean rebindsToItself(CfgNode node, Variable v) {
    Expression value = ObligationFinder.storedValue(node);
    return value != null && (ResourceAliases.wrappedBy(value, this).contains(v) || mayWrapItself(value, v));
  }

  private boolean mayWrapItself(Expression value, Variable v) {
    Expression e = AstNodes.unwrap(value);
    MethodContract c = calls.contractOfCall(e);
    if (!(e instanceof NodeWithArguments<?> call)
        || (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())
        || (c != null && c.hasContract())) {
      return false;
    }
    for (Expression arg : call.getArguments()) {
      if (bodies.variableOf(AstNodes.unwrap(arg)) == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameters a returned value wraps as resources (decision 239): the value is a new object,
   * made right there or held by a fresh local ({@link #isFreshLocal}), built by a call that takes
   * them as {@code @MustCallAlias} (D19), and each is of a type that carries an obligation. The
   * result is then a second handle of each: the method wraps them as its constructor does.
   */
  public List<Variable> parametersWrappedBy(Expression returned) {
    Expression e = AstNodes.unwrap(returned);
    Variable local = bodies.variableOf(e);
    if (local != null) {
      e = freshCreation(local);
    }
    if (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      return parametersClosedBy(o.getAnonymousClassBody().get());
    }
    if (e == null) {
      return List.of();
    }
    List<Variable> wrapped = new ArrayList<>(1);
    wrappedParameters(e, wrapped, 0);
    return wrapped;
  }

  /**
   * The captured parameters an anonymous class's own {@code close()} closes ({@code return new
   * Source() { … public void close() throws IOException { in.close(); } }}, Okio's {@code
   * source(InputStream)}): the object is a wrapper of each, a second handle whose close closes
   * it (D19, decision 356), as a named class's constructor storing it in a field it closes is.
   */
  private List<Variable> parametersClosedBy(List<BodyDeclaration<?>> members) {
    List<Variable> closed = new ArrayList<>(1);
    for (BodyDeclaration<?> member : members) {
      if (!(member instanceof MethodDeclaration close)
          || !close.getNameAsString().equals("close")
          || !close.getParameters().isEmpty()
          || close.isStatic()
          || close.getBody().isEmpty()) {
        continue;
      }
      for (MethodCallExpr call : close.getBody().get().findAll(MethodCallExpr.class)) {
        Expression scope = call.getScope().map(AstNodes::unwrap).orElse(null);
        Variable v = scope == null ? null : bodies.variableOf(scope);
        MethodContract c = v == null || !v.isParameter() ? null : calls.contractOf(call);
        if (c != null
            && c.receiver() == MethodContract.ReceiverMode.CONSUMES
            && index.carriesObligation(types.typeOf(scope))
            && !closed.contains(v)) {
          closed.add(v);
        }
      }
    }
    return closed;
  }

  /**
   * The parameters a wrapper wraps, through wrappers built inside it ({@code new PrintWriter(new
   * OutputStreamWriter(ps, UTF_8), af)} wraps {@code ps}: decision 281).
   */
  private void wrappedParameters(Expression wrapper, List<Variable> into, int depth) {
    for (Expression arg : calls.wrappedArguments(wrapper)) {
      Expression inner = AstNodes.unwrap(arg);
      Variable v = bodies.variableOf(inner);
      if (v != null && v.isParameter() && index.carriesObligation(types.typeOf(arg))) {
        into.add(v);
      } else if (v == null && depth < 8 && inner instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()) {
        wrappedParameters(inner, into, depth + 1);
      }
    }
  }

  /** Whether a parameter's declared (element) type may carry a resource to release or close. */
  public boolean declaresResource(com.github.javaparser.ast.body.Parameter p) {
    return index.carriesObligation(types.resolve(p.getType(), p));
  }

  /**
   * Whether a parameter holds values that may be resources: a variable-arity one or an array of
   * them or of {@code Object}, or a collection, whose elements the loop over it says (decision 319).
   */
  public boolean holdsElements(com.github.javaparser.ast.body.Parameter p) {
    TypeRef t = types.resolve(p.getType(), p);
    if (p.isVarArgs()) {
      return mayBeResource(t);
    }
    if (t.isArray()) {
      return mayBeResource(t.componentType());
    }
    return index.isIterable(t);
  }

  /** Whether a variable declared so may hold a resource: its type carries one, or it is {@code Object} (decision 256). */
  public boolean mayHoldResource(com.github.javaparser.ast.type.Type declared, Node at) {
    return mayBeResource(types.resolve(declared, at));
  }

  private boolean mayBeResource(TypeRef t) {
    return index.carriesObligation(t) || t.isObject();
  }

  /**
   * Whether an escape puts the value where the receiver holds it: in a field of this object, in
   * an array such a field holds ({@code buffers[i] = c}), or in what such a field holds through a
   * {@code @Retained} parameter ({@code segments.add(s)}).
   */
  public boolean keptByReceiver(Event.Escape escape) {
    Expression holder =
        switch (escape.sink()) {
          case FIELD, ARRAY -> escape.at() instanceof AssignExpr a ? a.getTarget() : null;
          case RETAINED ->
              AstNodes.valueParent(escape.at()) instanceof MethodCallExpr call
                  ? call.getScope().orElse(null)
                  : null;
          case OWNED, RETURN -> null;
        };
    holder = holder == null ? null : AstNodes.unwrap(holder);
    if (holder instanceof ArrayAccessExpr element) {
      holder = AstNodes.unwrap(element.getName());
    }
    Variable v = holder == null ? null : bodies.variableOf(holder);
    return v != null && v.isField() && !v.isPath() && !v.isStatic();
  }

  /**
   * The file's bodies of lambdas and of anonymous or local classes' methods that capture {@code
   * v}: where else a method's parameter may be used (decision 151).
   */
  public List<Body> capturing(Variable v) {
    return bodies.capturing(v);
  }

  /**
   * The captured variables a lambda's body moves or consumes: creating the lambda moves those,
   * and only those (D14, like Rust's {@code move} closures).
   */
  Set<Variable> movedInside(LambdaExpr lambda) {
    return movedBy(bodies.lambdaBody(lambda));
  }

  /**
   * The captured variables a lambda's body or an anonymous class's methods move or consume: what
   * the capture takes from the enclosing body when it is created (D14).
   */
  Set<Variable> movedInsideCapture(Expression construct) {
    Expression e = AstNodes.unwrap(construct);
    if (e instanceof LambdaExpr lambda) {
      return movedInside(lambda);
    }
    if (!(e instanceof ObjectCreationExpr creation) || creation.getAnonymousClassBody().isEmpty()) {
      return Set.of();
    }
    Set<Variable> moved = Set.of();
    for (Variable v : bodies.capturedByAnonymousClass(creation)) {
      for (Body member : bodies.capturing(v)) {
        if (AstNodes.isWithin(member.declaration(), creation) && movedBy(member).contains(v)) {
          if (moved.isEmpty()) {
            moved = Collections.newSetFromMap(new IdentityHashMap<>());
          }
          moved.add(v);
          break;
        }
      }
    }
    return moved;
  }

  private Set<Variable> movedBy(Body body) {
    if (body == null || body.captured().isEmpty()) {
      return Set.of();
    }
    Set<Variable> moved = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Event.Move m : of(body).moves()) {
      if (body.captured().contains(m.place())) {
        moved.add(m.place());
      }
    }
    return moved;
  }
}
