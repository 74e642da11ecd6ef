package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Gathers the {@link BodyFacts} of a body: walks its CFG once and says, for each node, which
 * places are read, moved, consumed, re-initialised or leave scope, and what its conditions tell.
 * This is where contracts meet code; the analyses after it see only facts. The events of calls
 * are {@link CallEvents}'.
 */
final class FactsBuilder {
  private final Body body;
  private final FileFacts file;
  private final LoanCollector loans;
  private final ResourceAliases aliases;
  private final ReturnHandover handover;
  private final CallEvents calls;
  private final Writes writes;
  private final Conditions.Builder conditions = Conditions.builder();
  private final Set<Variable> fieldsUsed = new LinkedHashSet<>();
  private int moveCount;
  private List<Event> current;
  private CfgNode currentNode;

  private FactsBuilder(Body body, FileFacts file) {
    this.body = body;
    this.file = file;
    this.loans = new LoanCollector(body, file);
    loans.collect();
    this.aliases = new ResourceAliases(body, file);
    this.handover = new ReturnHandover(file, aliases);
    this.calls = new CallEvents(this, body, file, loans);
    this.writes = new Writes(this, file, calls.operands);
    for (Variable v : body.resolutions().values()) {
      if (v.isPath()) {
        pathsUsed.computeIfAbsent(v.base(), b -> new LinkedHashSet<>(2)).add(v);
      } else if (v.isField() && !v.isStatic()) {
        fieldsUsed.add(v);
      }
    }
  }

  /** The expressions this body's conditions branch on ({@code ASSUME_*} nodes), found when asked. */
  private Set<Node> branchedOn;

  /**
   * Whether a condition of this body branches on the value of {@code e}: an {@code if}'s, a loop's
   * or a {@code ?:}'s condition, or a leaf of {@code &&}, {@code ||} and {@code !} in one.
   */
  boolean branchesOn(Node e) {
    if (branchedOn == null) {
      branchedOn = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (CfgNode n : body.cfg().nodes()) {
        if (n.kind() == CfgNode.Kind.ASSUME_TRUE) {
          branchedOn.add(n.ast());
        }
      }
    }
    return branchedOn.contains(e);
  }

  /** The paths ({@code h.items}) this body names, by their base ({@code h}). */
  private final Map<Variable, Set<Variable>> pathsUsed = new java.util.IdentityHashMap<>(0);

  static BodyFacts build(Body body, FileFacts file) {
    return new FactsBuilder(body, file).build();
  }

  private BodyFacts build() {
    BodyFacts.Builder facts = BodyFacts.builder(body);
    for (CfgNode node : body.cfg().nodes()) {
      current = new ArrayList<>(0);
      currentNode = node;
      switch (node.kind()) {
        case EVAL -> evaluate(node.ast());
        case DECLARE -> declare(node);
        case BIND -> current.add(new Event.Reinit(node.variable(), node.ast()));
        case RETURN -> returned(node);
        case SCOPE_END -> {
          for (Variable v : node.variables()) {
            if (!aliases.isEmpty() && aliases.wrappedFromOutside(v, node.variables())) {
              // Its block ends, but a wrapper held by a variable of an enclosing block keeps the
              // resource: the duty goes with that handle (D19, decision 252).
              current.add(new Event.HandedOn(v, node.ast()));
            }
            current.add(new Event.StorageDead(v, node.ast()));
          }
          for (Loan l : loans.heldByLoop(node.ast())) {
            current.add(new Event.IteratorDead(l.root(), node.ast(), l));
          }
        }
        case CLOSE_RESOURCE -> closeResource(node);
        case ASSUME_TRUE, ASSUME_FALSE -> condition(node);
        default -> {}
      }
      if (node.kind() == CfgNode.Kind.DECLARE
          || node.kind() == CfgNode.Kind.FOREACH_NEXT
          || (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof AssignExpr)) {
        for (Loan l : loans.handedOver.getOrDefault(node.ast(), Set.of())) {
          boolean createdHere = AstNodes.isWithin(l.createdAt(), node.ast());
          current.add(new Event.Borrow(l.root(), createdHere ? l.createdAt() : node.ast(), l));
        }
      }
      reinitPaths();
      storedConstant(node);
      facts.events(node, current);
    }
    loans.describe(facts);
    inferredCalls.forEach(facts::inferredCall);
    Owners owners = file.owners;
    MethodContract.ReturnMode returnMode = owners.declaredReturnMode(body);
    return facts
        .conditions(conditions.build())
        .declarations(new BodyFacts.Declarations(owners::isDroppable, owners::isBorrowedParameter, returnMode))
        .useMeanings(UseMeaningFinder.of(file))
        .expectedFailures(new ExpectedFailures(file)::catchesExpectedFailure)
        .noReturnCalls(this::noReturnCalls)
        .noThrowCalls(this::noThrowCalls)
        .closedHandlerEdges(() -> file.handlerReach().closedEdges(body))
        .guessedHandlerEdges(() -> file.handlerReach().guessedEdges(body))
        .obligations(built -> new ObligationFinder(built, file).find())
        .droppedResults(() -> new DroppedResults(body, file).find())
        .fieldsLeftOpen(() -> new FieldsLeftOpen(body, file).find())
        .returned(returned)
        .inPlaceChanges(inPlaceChanges)
        .givenToUnfollowedCode(givenToUnfollowedCode)
        .build();
  }

  // ---- what calls and assignments record ----

  /** A call whose contract was inferred from the callee's body: diagnostics pointing at it say so. */
  void calledWith(Node call, MethodContract contract) {
    if (contract != null && contract.origin() != null && contract.origin().kind().isInferred()) {
      inferredCalls.put(call, contract);
    }
  }

  void emit(Event e) {
    current.add(e);
    if (e instanceof Event.Escape kept
        && !kept.borrowed()
        && kept.capture() == null
        && (kept.sink() == Event.Sink.RETAINED || kept.sink() == Event.Sink.FIELD || kept.sink() == Event.Sink.ARRAY)
        && kept.place().kind() == Variable.Kind.LOCAL
        && !(kept.sink() == Event.Sink.FIELD && body.declaration() instanceof ConstructorDeclaration)
        && !aliases.isEmpty()) {
      // A wrapper kept elsewhere keeps what it wraps (D19): a parameter wrapped in a local that is
      // then kept is handed on with it (`Writer w = new OutputStreamWriter(out); keep(w);`,
      // decision 293), as one wrapped in the keeping call's argument is (decision 287); so is an
      // owner whose handle is kept (`ch = raf.getChannel(); pool.submit(new Task(ch));`, decision
      // 335). Not what a constructor stores in the object it builds, which wraps rather than keeps
      // (decision 121).
      for (ResourceAliases.Partner p : aliases.partnersOf(kept.place())) {
        if (p.wrappedByClosed() && (p.handle().kind() == Variable.Kind.PARAMETER || isOwner(p.handle()))) {
          current.add(new Event.HandedOn(p.handle(), kept.at()));
        }
      }
    }
  }

  private final List<InPlaceChange> inPlaceChanges = new ArrayList<>(0);
  private Set<Variable> givenToUnfollowedCode = Set.of();

  /** A parameter handed to code whose effect on it is not followed (decision 305). */
  void givenToUnfollowedCode(Variable parameter) {
    if (givenToUnfollowedCode.isEmpty()) {
      givenToUnfollowedCode = Collections.newSetFromMap(new IdentityHashMap<>());
    }
    givenToUnfollowedCode.add(parameter);
  }

  /** A lambda run in place changes what its call reads (D22). */
  void changedInPlace(InPlaceChange change) {
    inPlaceChanges.add(change);
  }

  void move(Variable place, Node at, MoveCause cause) {
    current.add(new Event.Move(moveCount++, place, at, cause));
    if (cause.kind() == MoveCause.Kind.CONSUMED && cause.idempotent() && currentNode != null && !aliases.isEmpty()) {
      // Closing a stream closes what was derived from it (D6): `s = lines.filter(f); s.count();
      // lines.close();` leaves `s` nothing to close (decision 342). A use of `s` afterwards is
      // the loan's finding (move-while-borrowed at the close), not a move of `s` here.
      for (Variable derived : aliases.derivedAt(currentNode, place)) {
        current.add(new Event.HandedOn(derived, at));
      }
    }
    if (cause.isConsumption() && cause.kind() != MoveCause.Kind.CLOSED_WITH && !aliases.isEmpty()) {
      // Closing one handle on a resource closes the others (D19), unless closing them does nothing
      // — those that may still name that resource here: a copy or a wrapper given another value
      // before the close is no handle on it any more (decision 339).
      for (ResourceAliases.Partner p : aliases.partnersOf(place)) {
        if (!aliases.closeHasNoEffect(p.handle()) && stillPartners(place, p)) {
          MoveCause with =
              new MoveCause(
                  MoveCause.Kind.CLOSED_WITH,
                  place.name(),
                  // A handle a method of the other gives that is closed, not released
                  // (`getChannel()`, a file lock's `channel()`), shares no count: it wraps.
                  p.copy() ? "copy" : p.sharesCount() && !cause.idempotent() ? "shared" : p.wrappedByClosed() ? "wrapper" : "wrapped",
                  cause.idempotent(),
                  false,
                  // A handle of an owned type keeps Rust's rule (D21): a buffer a stream released
                  // with itself is used by any later call, not only by one that needs it open. A
                  // holder whose content was released is the exception: only what needs its count
                  // uses it (`content()`, `release()`), not its other data (decision 246).
                  (p.sharesCount() && p.wrappedByClosed())
                      || (cause.closesResource() && !file.index.isOwnedType(file.types.typeOf(p.handle()))));
          current.add(new Event.Move(moveCount++, p.handle(), at, with));
        }
      }
    }
  }

  /**
   * Whether, at the node being read, the partner of a closed handle may still name its resource:
   * the one of the two that wraps or copies the other may hold such a value there (decision 268's
   * walk, as for a return). Fields and parameters may hold anything.
   */
  private boolean stillPartners(Variable closed, ResourceAliases.Partner p) {
    if (currentNode == null) {
      return true;
    }
    return p.wrappedByClosed()
        ? aliases.mayWrapAt(currentNode, closed, p.handle())
        : aliases.mayWrapAt(currentNode, p.handle(), closed);
  }

  /** Whether one arm of a conditional value wraps {@code v} (D19) while another may be {@code v} itself. */
  private boolean wrappedInAnotherArm(Expression value, Variable v) {
    return AstNodes.unwrap(value) instanceof ConditionalExpr && aliases.wrappedBy(value).contains(v);
  }

  /** The stream locals a value was derived from (D6): what keeping the value keeps too (decision 342). */
  Set<Variable> derivationSources(Expression value) {
    return aliases.derivationSources(value);
  }

  /** The handles a local handle wraps (D19): what a field keeping it keeps too. */
  Set<Variable> wrappedByHandle(Variable handle) {
    return aliases.wrappedByHandle(handle);
  }

  /** The resources a local is a plain copy of (decision 257). */
  Set<Variable> copiedInto(Variable handle) {
    return aliases.copiedInto(handle);
  }

  boolean isOwner(Variable v) {
    return file.owners.ownershipOf(v) == Ownership.OWNER;
  }

  /** Moves the owners among the places {@code value} may come from. */
  void moveOwners(Expression value, MoveCause cause) {
    List<ValueSources.Source> sources =
        cause.kind() == MoveCause.Kind.OWNED_ARGUMENT || cause.kind() == MoveCause.Kind.RETURN
            ? ValueSources.ofHandle(value, file, true)
            : ValueSources.of(value, file.bodies);
    for (ValueSources.Source s : sources) {
      if (s.place().kind() == Variable.Kind.RESOURCE
          && (cause.kind() == MoveCause.Kind.ASSIGNMENT || cause.kind() == MoveCause.Kind.FIELD_STORE)) {
        continue; // the try-with-resources statement keeps it: the other variable is an alias
      }
      if (!isOwner(s.place()) && !(cause.kind() == MoveCause.Kind.OWNED_ARGUMENT && holdsOwnedType(s.place()))) {
        if (cause.kind() == MoveCause.Kind.OWNED_ARGUMENT && mayHandOverRelease(s.place()) && !(s.at() instanceof LambdaExpr)) {
          // `send(Object msg) { ctx.write(msg); }` hands over whatever it is given (decision 274):
          // nothing moves here (D3), but the method's summary says so.
          current.add(new Event.HandedOn(s.place(), s.at(), Event.Handover.OWNED));
        }
        continue;
      }
      if ((cause.kind() == MoveCause.Kind.ASSIGNMENT || cause.kind() == MoveCause.Kind.FIELD_STORE)
          && !(s.at() instanceof LambdaExpr)
          && (file.owners.isLibraryAlias(s.place())
              || !file.owners.movesWhenAssigned(s.place())
              || wrappedInAnotherArm(value, s.place()))) {
        // Copying an alias copies a reference: both name a value someone else holds. A file
        // stream or a JDBC object is not moved by an assignment (D4, decision 257). And `os = n
        // > 0 ? new BufferedOutputStream(fos, n) : fos` is a second handle on `fos`'s resource
        // whichever arm runs, as the wrapper alone is (D19, decision 256).
        continue;
      }
      if (file.owners.handsOnOnly(s.place()) && !holdsOwnedType(s.place())) {
        // A parameter inheriting @Owned (or a local naming it) is handed on, not moved: its duty
        // ends and it stays usable (decision 192).
        if (!(s.at() instanceof LambdaExpr lambda) || file.movedInside(lambda).contains(s.place())) {
          boolean owned = cause.kind() == MoveCause.Kind.OWNED_ARGUMENT || cause.kind() == MoveCause.Kind.FIELD_STORE;
          current.add(new Event.HandedOn(s.place(), s.at(), owned ? Event.Handover.OWNED : Event.Handover.GUESSED));
        }
        continue;
      }
      if (s.at() instanceof LambdaExpr lambda) {
        // Creating a lambda reads what it captures; it moves only what its body moves (D14).
        if (file.movedInside(lambda).contains(s.place())) {
          move(s.place(), s.at(), capture(cause));
        }
      } else {
        move(s.place(), s.at(), cause);
      }
    }
  }

  /**
   * D4: an {@code @Owned} parameter takes any variable whose value is of an owned type — an
   * unannotated parameter, a for-each element, an alias — not only owners (Netty's {@code
   * channelRead(ctx, ByteBuf msg) { ctx.write(msg); msg.readableBytes(); }}).
   */
  private boolean holdsOwnedType(Variable v) {
    return !v.isField() && file.index.isOwnedType(file.types.typeOf(v));
  }

  /**
   * Whether the place is a parameter of this method, of no owned type, whose values may be ones
   * to release ({@code Object}, {@code ReferenceCounted}, a type variable): handing it to an
   * {@code @Owned} parameter hands over whatever a caller gives it.
   */
  boolean mayHandOverRelease(Variable v) {
    return v.kind() == Variable.Kind.PARAMETER && file.index.mayHoldMustRelease(file.types.typeOf(v));
  }

  private static MoveCause capture(MoveCause into) {
    return new MoveCause(MoveCause.Kind.CAPTURE, into.subject(), into.callee(), false, false);
  }

  /**
   * A call on {@code this} may assign any field: what we knew about fields no longer holds (an
   * optimistic havoc, so that a helper re-initialising a field does not look like a use after
   * move). A {@code final} field keeps its value: no call can give it another (decision 173).
   */
  void forgetFields(Node at) {
    for (Variable f : fieldsUsed) {
      if (!f.isFinalField()) {
        current.add(new Event.Reinit(f, at));
      }
    }
  }

  /**
   * Code that may assign the fields of what {@code base} holds was called (a method of it, or a
   * call given it): what we knew about its paths no longer holds, as {@link #forgetFields} for
   * {@code this} (decision 140).
   */
  void forgetPaths(Variable base, Node at) {
    for (Variable p : pathsUsed.getOrDefault(base, Set.of())) {
      current.add(new Event.Reinit(p, at));
    }
  }

  /** Whether this body names a field of what {@code v} holds ({@code v.items}). */
  boolean hasPaths(Variable v) {
    return !pathsUsed.isEmpty() && pathsUsed.containsKey(v);
  }

  /**
   * A variable given a new value names another object: its paths ({@code h.items} after {@code h
   * = next}) are other places now, usable again and borrowed by nothing.
   */
  private void reinitPaths() {
    if (pathsUsed.isEmpty()) {
      return;
    }
    for (int i = 0, n = current.size(); i < n; i++) {
      if (current.get(i) instanceof Event.Reinit r && !r.place().isPath()) {
        forgetPaths(r.place(), r.at());
      }
    }
  }

  // ---- nodes ----

  private void evaluate(Node ast) {
    if (ast instanceof NameExpr || ast instanceof FieldAccessExpr || ast instanceof TypeExpr) {
      Variable v = file.bodies.variableOf(ast);
      if (v != null && !readsOnlyIdentity((Expression) ast) && !isNoEffectArgument((Expression) ast)) {
        current.add(new Event.Use(v, ast, useKind((Expression) ast)));
      }
      if (v != null && ast.getParentNode().orElse(null) instanceof Expression && file.owners.handsOnOnly(v)) {
        castToNothingToRelease(v, ast);
      }
    } else if (ast instanceof MethodCallExpr call) {
      Variable getter = file.bodies.variableOf(call);
      if (getter != null && !readsOnlyIdentity(call) && !isNoEffectArgument(call)) {
        // A getter's call reads the field it returns (D23, decision 141).
        current.add(new Event.Use(getter, call, useKind(call)));
      }
      calls.call(call);
    } else if (ast instanceof LambdaExpr lambda) {
      Body lambdaBody = file.bodies.lambdaBody(lambda);
      captures(lambdaBody == null ? Set.of() : lambdaBody.captured(), lambda);
    } else if (ast instanceof ObjectCreationExpr creation) {
      calls.creation(creation);
      captures(file.bodies.capturedByAnonymousClass(creation), creation);
    } else if (ast instanceof ExplicitConstructorInvocationStmt call) {
      calls.explicitConstructorCall(call);
    } else if (ast instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
      assign(assign);
    } else if (ast instanceof AssignExpr compound) {
      // `ok &= check()`: the flag has a value no literal says (Feasibility must not keep the old one).
      Variable flag = booleanLocal(AstNodes.unwrap(compound.getTarget()));
      if (flag != null) {
        current.add(new Event.Reinit(flag, compound));
      }
    }
  }

  /**
   * Creating a lambda or an anonymous class reads every local it captures (Rust's closures too: a
   * moved value cannot be captured); after a move or a close, the read is what its bodies do with
   * the value ({@link BodyFacts#usesInCapture}, decision 265).
   */
  private void captures(Set<Variable> captured, Node at) {
    for (Variable v : captured) {
      current.add(new Event.Use(v, at, Event.UseKind.READ));
    }
  }

  /**
   * Comparing references ({@code x == null}, {@code dest != src}) reads no state of the objects:
   * not a use (a closed or moved variable may be tested, as in {@code if (in != null) in.close()}
   * or {@code if (dest != src) dest.release()}). Nor does a type test, which reads only the
   * object's class ({@code child.release(); if (child instanceof SslTlv) …}, decision 325).
   */
  private static boolean readsOnlyIdentity(Expression e) {
    Node n = AstNodes.outermost(e);
    Node parent = n.getParentNode().orElse(null);
    return (parent instanceof BinaryExpr b
            && (b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS))
        || (parent instanceof InstanceOfExpr test && test.getPattern().isEmpty());
  }

  /**
   * Passing a value to a method a model says does nothing to ownership ({@code
   * Objects.requireNonNull(x)}, Netty's {@code checkNotNull}) reads no state of it: not a use
   * (D5), like a comparison with {@code null}.
   */
  private boolean isNoEffectArgument(Expression e) {
    Node n = AstNodes.outermost(e);
    if (n.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) != n) {
      MethodContract c = file.calls.declaredContractOf(call);
      return c != null && c.noEffect();
    }
    return false;
  }

  private Event.KindOfUse useKind(Expression e) {
    Node n = AstNodes.outermost(e);
    Node parent = n.getParentNode().orElse(null);
    if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == n) {
      MethodContract c = file.calls.declaredContractOf(call);
      if (c != null && c.receiver() == ReceiverMode.CONSUMES && c.idempotent()) {
        return Event.KindOfUse.known(Event.UseKind.IDEMPOTENT_RELEASE);
      }
    }
    if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) != n) {
      // `IOUtils.closeQuietly(in)` closes its argument: harmless after a close, as `in.close()`
      // (D5). The callee's parameter may be inferred: asked only if a check needs to know.
      CallContracts calls = file.calls;
      return Event.KindOfUse.later(() -> argumentUseKind(calls, call, n));
    }
    if (parent instanceof MethodReferenceExpr ref && ref.getScope() == n) {
      // `stream::close` closes later, as `stream.close()` would: harmless after a consumption.
      MethodContract c = file.index.declaredMethod(file.types.typeOf(e), ref.getIdentifier(), 0, List::of);
      if (c != null && c.receiver() == ReceiverMode.CONSUMES && c.idempotent()) {
        return Event.KindOfUse.known(Event.UseKind.IDEMPOTENT_RELEASE);
      }
    }
    return Event.KindOfUse.known(Event.UseKind.READ);
  }

  private static Event.UseKind argumentUseKind(CallContracts calls, MethodCallExpr call, Node argument) {
    MethodContract c = calls.contractOf(call);
    MethodContract.Param p = c == null ? null : c.paramFor(AstNodes.indexOf(call.getArguments(), argument));
    return p != null && p.mode() == MethodContract.ParamMode.CONSUMES && p.idempotent()
        ? Event.UseKind.IDEMPOTENT_RELEASE
        : Event.UseKind.READ;
  }

  private void declare(CfgNode node) {
    Variable target = node.variable();
    if (node.ast() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
      writes.assigned(target, d.getInitializer().get(), node.ast(), true);
      if (file.owners.ownershipOf(target) != Ownership.BORROW) {
        moveOwners(d.getInitializer().get(), new MoveCause(MoveCause.Kind.ASSIGNMENT, target.name(), null, false));
      }
      current.add(new Event.Reinit(target, node.ast()));
    }
  }

  private void assign(AssignExpr assign) {
    Expression targetExpr = AstNodes.unwrap(assign.getTarget());
    Variable target = file.bodies.variableOf(targetExpr);
    if ((target != null && target.isField())
        || (target == null && (targetExpr instanceof FieldAccessExpr || targetExpr instanceof NameExpr))) {
      // The name itself: toString() would run the pretty-printer on every field assignment.
      String field = targetExpr instanceof NodeWithSimpleName<?> named ? named.getNameAsString() : targetExpr.toString();
      calls.escape(assign.getValue(), assign, Event.Sink.FIELD, field);
      calls.storedInsideWrapper(assign.getValue(), assign, field);
    } else if (targetExpr instanceof ArrayAccessExpr) {
      calls.escape(assign.getValue(), assign, Event.Sink.ARRAY, null);
    }
    if (target != null && target.isPath() && targetExpr instanceof FieldAccessExpr f) {
      // `h.items = v`: a write to the object `h` holds (as before paths were places), and the
      // path holds the new value from now on.
      writes.assigned(target, assign.getValue(), assign, false);
      assignedField(f, assign);
      current.add(new Event.Reinit(target, assign));
    } else if (target != null) {
      writes.assigned(target, assign.getValue(), assign, false);
      boolean moves = target.isField() ? file.storesIntoOwnedField(assign) : file.owners.ownershipOf(target) != Ownership.BORROW;
      if (moves) {
        MoveCause.Kind kind = target.isField() ? MoveCause.Kind.FIELD_STORE : MoveCause.Kind.ASSIGNMENT;
        moveOwners(assign.getValue(), new MoveCause(kind, target.name(), null, false));
      }
      current.add(new Event.Reinit(target, assign));
    } else if (targetExpr instanceof FieldAccessExpr f) {
      assignedField(f, assign);
    }
  }

  /** {@code x.f = v} where {@code x} is no {@code this}: a write to {@code x}'s object. */
  private void assignedField(FieldAccessExpr f, AssignExpr assign) {
    Expression scope = AstNodes.unwrap(f.getScope());
    if (file.bodies.variableOf(scope) != null) {
      calls.mutate(scope, assign, new MutationCause(MutationCause.Kind.FIELD_ASSIGNMENT, f.getNameAsString(), null));
    }
    if (file.storesIntoOwnedField(assign)) {
      // Only a field declared @Owned takes ownership of what is stored in it (decision 2).
      moveOwners(assign.getValue(), new MoveCause(MoveCause.Kind.FIELD_STORE, f.getNameAsString(), null, false));
    }
  }

  private final List<ReturnedValue> returned = new ArrayList<>(1);
  private final Map<Node, MethodContract> inferredCalls = new java.util.IdentityHashMap<>(0);

  private void returned(CfgNode node) {
    if (!(node.value() instanceof Expression value)) {
      return;
    }
    returned.add(returnedValue(node, value));
    if (body.kind() == Body.Kind.METHOD) {
      calls.escape(value, node.ast(), Event.Sink.RETURN, null);
      Variable handle = file.bodies.variableOf(AstNodes.unwrap(value));
      if (handle != null) {
        // A returned handle takes what it is a handle on along (`x = in; return x;`, decision 257).
        calls.keptWith(aliases.copiedInto(handle), node.ast(), Event.Sink.RETURN, null);
      }
    }
    if (file.owners.declaredReturnMode(body) == MethodContract.ReturnMode.BORROWED) {
      return;
    }
    moveOwners(value, new MoveCause(MoveCause.Kind.RETURN, null, null, false));
    for (ReturnHandover.Handed h : handover.of(node, value)) {
      move(h.place(), value, new MoveCause(MoveCause.Kind.HANDED_TO_CALLER, h.inside(), null, false));
    }
  }

  /**
   * A result that wraps the receiver, one of its fields or a parameter: built by a call whose
   * parameter there is a wrapper's ({@code @MustCallAlias}, or a constructor that keeps it in a
   * field): {@code return new Slice(this, from, to)}, {@code return new Cursor(records)}.
   */
  private ReturnedValue wrapperOf(CfgNode node, Expression e) {
    if (!(e instanceof ObjectCreationExpr || e instanceof MethodCallExpr)) {
      return null;
    }
    for (Expression arg : file.calls.wrappedArguments(e)) {
      if (AstNodes.unwrap(arg) instanceof ThisExpr t
          && t.getTypeName().isEmpty()
          && isResourceToClose(file.types.typeOf(arg))
          && file.index.carriesObligation(file.types.typeOf(e))) {
        // The receiver is a resource, and the new object, which can be closed, a second handle on
        // it (D19): closing either closes both, as a wrapper of a parameter that is a resource is
        // (decision 306). A new object nothing can close is a view of it.
        return new ReturnedValue(node, ReturnedValue.Kind.RECEIVER_HANDLE, null, false);
      }
      ReturnedValue lent = lentBy(node, arg);
      if (lent != null && !(lent.place() != null && file.index.carriesObligation(file.types.typeOf(arg)))) {
        return lent;
      }
      // A parameter that is a resource is handed to the caller inside the new object, a second
      // handle of it (D19): the method wraps it as the constructor does (decision 239), no view.
    }
    return null;
  }

  /**
   * A value closed rather than released: a derived buffer of a reference-counted value shares its
   * count without taking a reference of its own, a borrow (D15), while a closeable wrapper closes
   * what it wraps.
   */
  private boolean isResourceToClose(TypeRef type) {
    return file.index.carriesObligation(type) && !file.index.isOwnedType(type) && !file.index.isMustReleaseType(type);
  }

  /**
   * A call on the receiver, a field of it or a parameter whose result borrows from what it is
   * called on: {@code return view()}, {@code return segments.iterator()}, {@code return v.view()}.
   */
  private ReturnedValue viewOf(CfgNode node, Expression e) {
    if (!(e instanceof MethodCallExpr call)) {
      return null;
    }
    MethodContract c = file.calls.contractOf(call);
    if (c == null || c.returns() != MethodContract.ReturnMode.BORROWED || c.borrowedFrom() != null || c.isStatic()) {
      return null;
    }
    return call.getScope().isEmpty() ? new ReturnedValue(node, ReturnedValue.Kind.WRAPPER, null, false) : lentBy(node, call.getScope().get());
  }

  /** What a result made of {@code value} borrows: the receiver ({@code this}, its fields), or a parameter. */
  private ReturnedValue lentBy(CfgNode node, Expression value) {
    Expression arg = AstNodes.unwrap(value);
    if (arg instanceof ArrayAccessExpr element) {
      arg = AstNodes.unwrap(element.getName()); // an element of a field's array is the receiver's
    }
    if (arg instanceof ThisExpr t && t.getTypeName().isEmpty()) {
      return new ReturnedValue(node, ReturnedValue.Kind.WRAPPER, null, false);
    }
    Variable v = file.bodies.variableOf(arg);
    if (v != null && !v.isPath() && ((v.isField() && !v.isStatic()) || v.isParameter())) {
      return new ReturnedValue(node, ReturnedValue.Kind.WRAPPER, v.isField() ? null : v, false);
    }
    return null;
  }

  /**
   * A new object nobody else holds, of a type whose values are owners: owned, to release, or
   * lending views by its own contract ({@code new Matrix(n)} of a type with {@code @Borrowed}
   * rows). A plain Java object is nobody's to own.
   */
  private ReturnedValue freshObject(CfgNode node, ObjectCreationExpr creation) {
    if (creation.getAnonymousClassBody().isPresent()) {
      return null;
    }
    TypeRef type = file.types.typeOf(creation);
    boolean mustRelease = file.index.isMustReleaseType(type) || file.index.isUserTypeToRelease(type);
    if (mustRelease || file.index.isOwnedType(type) || file.index.lendsByUserContract(type)) {
      return new ReturnedValue(node, ReturnedValue.Kind.FRESH, null, mustRelease);
    }
    return null;
  }

  /**
   * A local initialised with a new object and never assigned again, returned: {@code Matrix m =
   * new Matrix(n); ...; return m;} returns that fresh object.
   */
  private ReturnedValue freshLocal(CfgNode node, Variable v) {
    if (!file.isFreshLocal(v)) {
      return null;
    }
    Expression init = ((VariableDeclarator) v.declaration()).getInitializer().get();
    ReturnedValue fresh = freshObject(node, (ObjectCreationExpr) AstNodes.unwrap(init));
    return fresh == null ? null : new ReturnedValue(node, fresh.kind(), v, fresh.mustRelease());
  }

  /**
   * Whether the body calls a method on {@code v} through a downcast to a type of the analysed
   * sources themselves ({@code ((ResultSetImpl) rs).detach()}): it works with its own
   * implementation of the modelled API, not with the API, so what the model says of the value
   * (a result set borrowed from its statement) may no longer hold once the call returns. Inference
   * says nothing about such a value it returns (decision 150).
   */
  private List<CastExpr> casts;

  private boolean worksThroughImplementation(Variable v) {
    TypeRef declared = file.types.typeOf(v);
    if (!declared.isKnown()) {
      return false;
    }
    if (casts == null) {
      casts = body.declaration().findAll(CastExpr.class); // once per body, for every returned local
    }
    for (CastExpr cast : casts) {
      if (file.bodies.variableOf(AstNodes.unwrap(cast.getExpression())) != v
          || !(AstNodes.valueParent(cast) instanceof MethodCallExpr call)
          || call.getScope().map(sc -> AstNodes.outermost(cast) != sc).orElse(true)) {
        continue;
      }
      TypeRef to = file.types.resolve(cast.getType(), cast);
      if (to.isKnown()
          && !to.name().equals(declared.name())
          && file.index.isSubtype(to.name(), declared.name())
          && declaredInSources(to.name())) {
        return true;
      }
    }
    return false;
  }

  private boolean declaredInSources(String type) {
    for (TypeContract t : file.index.declarations(type)) {
      if (t.origin() != null && t.origin().kind() == Declared.Origin.Kind.SOURCE) {
        return true;
      }
    }
    return false;
  }

  /** What a {@code return} gives back, for inference (D23). */
  private ReturnedValue returnedValue(CfgNode node, Expression value) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof NullLiteralExpr) {
      return new ReturnedValue(node, ReturnedValue.Kind.NULL, null, false);
    }
    if (e instanceof ThisExpr t && t.getTypeName().isEmpty()) {
      return new ReturnedValue(node, ReturnedValue.Kind.RECEIVER, null, false);
    }
    Variable v = file.bodies.variableOf(e);
    if (v != null && v.isField() && !v.isPath() && !v.isStatic() && mayHoldWeaklyConsistent(v)) {
      // A getter of a field that holds a concurrent collection (or may: decision 142) gives no
      // place its callers could borrow from.
      return new ReturnedValue(node, ReturnedValue.Kind.OTHER, null, false);
    }
    if (v != null && !v.isPath()) { // `return h.items` is no getter of this class's field
      ReturnedValue fresh = freshLocal(node, v);
      if (fresh == null && !v.isField() && worksThroughImplementation(v)) {
        return new ReturnedValue(node, ReturnedValue.Kind.IMPLEMENTATION, v, false);
      }
      return fresh != null ? fresh : new ReturnedValue(node, ReturnedValue.Kind.PLACE, v, false);
    }
    ReturnedValue wrapper = wrapperOf(node, e);
    if (wrapper == null) {
      wrapper = viewOf(node, e);
    }
    if (wrapper != null) {
      return wrapper;
    }
    if (e instanceof ObjectCreationExpr creation) {
      ReturnedValue fresh = freshObject(node, creation);
      if (fresh != null) {
        return fresh;
      }
      if (file.owners.wrapsNewResource(creation, 0)) {
        // `return new BufferedInputStream(new FileInputStream(f))`: the only handle on a new
        // resource, which the caller gets to release (D19, decision 298).
        return new ReturnedValue(node, ReturnedValue.Kind.FRESH, null, true);
      }
    }
    MethodContract c = file.calls.contractOfCall(e);
    if (c != null && c.returns() == MethodContract.ReturnMode.OWNED && !c.resultAliasesReceiver()) {
      TypeRef type = file.types.typeOf(e);
      boolean mustRelease = c.returnsMustRelease() || file.index.isMustReleaseType(type) || file.index.isUserTypeToRelease(type);
      if (mustRelease || file.index.isOwnedType(type)) {
        return new ReturnedValue(node, ReturnedValue.Kind.FRESH, null, mustRelease);
      }
    }
    return new ReturnedValue(node, ReturnedValue.Kind.OTHER, null, false);
  }

  /** A field whose collection tolerates concurrent modification, by its type or its assignments (D7, D24). */
  private boolean mayHoldWeaklyConsistent(Variable field) {
    return file.index.isWeaklyConsistent(file.types.typeOf(field)) || file.weaklyConsistent().holdsOnlyWeaklyConsistent(field);
  }

  private void closeResource(CfgNode node) {
    Variable v = node.variable();
    if (v == null) {
      return;
    }
    MethodContract close = file.index.closeOf(file.types.typeOf(v));
    if (close != null && close.noEffect()) {
      return; // closing an in-memory stream does nothing: not a use, not a consumption
    }
    boolean idempotent = close == null || close.receiver() != ReceiverMode.CONSUMES || close.idempotent();
    Node tryBlock = node.ast();
    for (Node p = node.ast(); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TryStmt t) {
        tryBlock = t.getTryBlock();
        break;
      }
    }
    // The implicit close() reads the resource: closing a moved one, or closing twice, is a use.
    current.add(
        new Event.Use(v, tryBlock, idempotent ? Event.UseKind.IMPLICIT_IDEMPOTENT_CLOSE : Event.UseKind.IMPLICIT_CLOSE));
    boolean closesResource =
        idempotent && (close == null || close.fromBuiltinModel()) && !file.index.isOwnedType(file.types.typeOf(v));
    move(v, node.ast(), new MoveCause(MoveCause.Kind.CLOSED_BY_TRY, "close", null, idempotent, false, closesResource));
  }

  // ---- what conditions tell ----

  /**
   * A branch on a local boolean flag ({@code if (release)}), or on a comparison with {@code null}
   * that shows a variable to be null on this branch ({@code x == null} true, {@code x != null}
   * false).
   */
  private void condition(CfgNode node) {
    boolean whenTrue = node.kind() == CfgNode.Kind.ASSUME_TRUE;
    if (whenTrue && node.ast() instanceof MethodCallExpr call) {
      calls.returnedTrue(call);
    }
    if (node.ast() instanceof MethodCallExpr call && call.getArguments().size() == 1) {
      // `Objects.nonNull(in)` is `in != null` (decision 334).
      MethodContract c = file.calls.declaredContractOf(call);
      Boolean trueMeansNull = c == null ? null : c.trueMeansNull();
      if (trueMeansNull != null) {
        nullTested(node, file.bodies.variableOf(AstNodes.unwrap(call.getArgument(0))), trueMeansNull == whenTrue);
      }
    }
    if (node.ast() instanceof InstanceOfExpr test) {
      if (whenTrue) {
        instanceTest(node, test);
      }
    } else if (node.ast() instanceof NameExpr name) {
      Variable flag = booleanLocal(name);
      if (flag != null) {
        conditions.flagTested(node, flag, whenTrue);
      }
    } else if (node.ast() instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
      boolean equals = b.getOperator() == BinaryExpr.Operator.EQUALS;
      BooleanLiteralExpr literal =
          b.getLeft() instanceof BooleanLiteralExpr l ? l : b.getRight() instanceof BooleanLiteralExpr r ? r : null;
      if (literal != null) {
        // `ok == false` is `!ok`: the flag's value on this branch.
        Expression other = literal == b.getLeft() ? b.getRight() : b.getLeft();
        Variable flag = booleanLocal(AstNodes.unwrap(other));
        if (flag != null) {
          conditions.flagTested(node, flag, literal.getValue() == (equals == whenTrue));
        }
        return;
      }
      Expression other =
          b.getLeft() instanceof NullLiteralExpr ? b.getRight() : b.getRight() instanceof NullLiteralExpr ? b.getLeft() : null;
      Variable v = other == null ? null : file.bodies.variableOf(AstNodes.unwrap(other));
      nullTested(node, v, equals == whenTrue);
      if (other == null && equals == whenTrue) {
        sharedConstantTested(node, b);
      }
    }
  }

  /** A branch where a test ({@code v == null}, {@code Objects.nonNull(v)}) showed whether {@code v} is null. */
  private void nullTested(CfgNode node, Variable v, boolean isNull) {
    if (v == null) {
      return;
    }
    if (isNull) {
      conditions.isNull(node, v);
    }
    if (!v.isField() && !(v.type() instanceof PrimitiveType)) {
      // Whether a local is non-null is a flag too (decision 152): `in = null; return c;` and then
      // `finally { if (in != null) c.release(); }` does not release on the path of the return.
      conditions.flagTested(node, v, !isNull);
    }
  }

  /**
   * {@code msg == Unpooled.EMPTY_BUFFER} on the branch where it holds: the local or parameter is
   * the object a static field holds, a shared constant its class keeps, which nobody here owns
   * or has to release (Rust's {@code &'static}; decision 248). So is a local given on one path
   * what a field or a parameter holds and on another a value of its own, tested against that
   * holder ({@code os = jar ? jarStream : new FileOutputStream(f); … finally { if (os !=
   * jarStream) os.close(); }}): where they are equal, the local holds the holder's value, not one
   * of its own to release (decision 300). A local never given the holder's value is not (a new
   * buffer that happens to equal a field still leaks).
   */
  private void sharedConstantTested(CfgNode node, BinaryExpr b) {
    Expression left = AstNodes.unwrap(b.getLeft());
    Expression right = AstNodes.unwrap(b.getRight());
    Variable v = localOrParameter(left);
    Expression held = right;
    if (v == null) {
      v = localOrParameter(right);
      held = left;
    }
    if (v == null) {
      return;
    }
    if (file.types.isStaticField(held) || givenWhatHolds(v, file.bodies.variableOf(held))) {
      conditions.holdsNothing(node, v);
    }
  }

  /** Whether a local is given, on some path, the value a field or a parameter holds. */
  private boolean givenWhatHolds(Variable local, Variable holder) {
    if (local.kind() != Variable.Kind.LOCAL || holder == null || holder == local || !(holder.isField() || holder.isParameter())) {
      return false;
    }
    for (Expression value : file.owners.valuesGiven(local)) {
      Expression e = AstNodes.unwrap(value);
      if (e instanceof ConditionalExpr c
          ? file.bodies.variableOf(AstNodes.unwrap(c.getThenExpr())) == holder || file.bodies.variableOf(AstNodes.unwrap(c.getElseExpr())) == holder
          : file.bodies.variableOf(e) == holder) {
        return true;
      }
    }
    return false;
  }

  private Variable localOrParameter(Expression e) {
    Variable v = file.bodies.variableOf(e);
    return v != null && !v.isField() ? v : null;
  }

  /**
   * A read of a parameter inheriting {@code @Owned} (or a local naming it) cast to a type that
   * holds nothing to release ({@code (String) msg}): past it, on this path, there is nothing to
   * release (decision 191).
   */
  private void castToNothingToRelease(Variable v, Node read) {
    for (Node p = read.getParentNode().orElse(null);
        p instanceof EnclosedExpr || p instanceof CastExpr;
        p = p.getParentNode().orElse(null)) {
      if (p instanceof CastExpr cast && holdsNothingToRelease(cast.getType(), cast)) {
        conditions.narrowedToNothingToRelease(currentNode, v);
        return;
      }
    }
  }

  /** The branch where {@code msg instanceof String} holds: nothing to release there (decision 191). */
  private void instanceTest(CfgNode node, InstanceOfExpr test) {
    Variable v = file.bodies.variableOf(AstNodes.unwrap(test.getExpression()));
    if (v != null && file.owners.handsOnOnly(v) && holdsNothingToRelease(test.getType(), test)) {
      conditions.narrowedToNothingToRelease(node, v);
    }
  }

  private boolean holdsNothingToRelease(Type type, Node context) {
    return !file.index.mayHoldMustRelease(file.types.resolve(type, context));
  }

  /** The local {@code boolean} variable an expression names, or null. */
  private Variable booleanLocal(Expression e) {
    Variable v = e instanceof NameExpr ? file.bodies.variableOf(e) : null;
    return v != null
            && v.kind() == Variable.Kind.LOCAL
            && v.type() instanceof PrimitiveType p
            && p.getType() == PrimitiveType.Primitive.BOOLEAN
        ? v
        : null;
  }

  /** The constant a declaration or assignment stores in a flag ({@link Conditions#constantStoredBy}). */
  private void storedConstant(CfgNode node) {
    Expression value = null;
    boolean reference = false;
    if (node.kind() == CfgNode.Kind.DECLARE && node.ast() instanceof VariableDeclarator d) {
      value = d.getInitializer().orElse(null);
      reference = !d.getType().isPrimitiveType();
    } else if (node.kind() == CfgNode.Kind.EVAL
        && node.ast() instanceof AssignExpr a
        && a.getOperator() == AssignExpr.Operator.ASSIGN) {
      value = a.getValue();
      Variable target = file.bodies.variableOf(AstNodes.unwrap(a.getTarget()));
      reference = target != null && target.type() != null && !target.type().isPrimitiveType();
    }
    Expression e = value == null ? null : AstNodes.unwrap(value);
    if (e instanceof BooleanLiteralExpr b) {
      conditions.constantStored(node, b.getValue());
    } else if (e instanceof NullLiteralExpr) {
      conditions.constantStored(node, false); // "is non-null" is false (decision 152)
    } else if (reference && (e instanceof ObjectCreationExpr || e instanceof ArrayCreationExpr)) {
      // A new object is never null: "is non-null" is true (decision 307), as the object and the
      // resource a sibling local gets in the same block are (`s = new FileOutputStream(f);
      // listener = new Listener(s);` … `if (listener != null) s.close();`).
      conditions.constantStored(node, true);
    }
  }

  /** Calls that reach no handler (a model's {@code @NoThrow}, a local method that cannot throw; decision 154). */
  private BitSet noThrowCalls() {
    return callsWhere(call -> file.calls.isNoThrow(call) || noThrowOnEveryClassHeld(call));
  }

  /**
   * Whether the call's receiver is a local given only new objects (or {@code null}), at least
   * one, and the method never throws on the class of each (decision 309): the run-time class is
   * known where the declared type says less ({@code OutputStream out = new FileOutputStream(f)}).
   */
  private boolean noThrowOnEveryClassHeld(MethodCallExpr call) {
    Variable v = call.getScope().map(s -> file.bodies.variableOf(AstNodes.unwrap(s))).orElse(null);
    if (v == null || v.kind() != Variable.Kind.LOCAL) {
      return false;
    }
    boolean any = false;
    for (Expression given : file.owners.valuesGiven(v)) {
      Expression e = AstNodes.unwrap(given);
      if (e instanceof NullLiteralExpr) {
        continue;
      }
      if (!(e instanceof ObjectCreationExpr created)
          || created.getAnonymousClassBody().isPresent()
          || !file.calls.isNoThrowOn(file.types.typeOf(created), call)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private BitSet noReturnCalls() {
    return callsWhere(file.calls::isNoReturn);
  }

  /** The nodes of this body that evaluate a method call the test holds for. */
  private BitSet callsWhere(java.util.function.Predicate<MethodCallExpr> test) {
    BitSet out = new BitSet();
    for (CfgNode node : body.cfg().nodes()) {
      if (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof MethodCallExpr call && test.test(call)) {
        out.set(node.id());
      }
    }
    return out;
  }
}
