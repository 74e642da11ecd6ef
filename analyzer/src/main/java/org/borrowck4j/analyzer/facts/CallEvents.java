package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodContract.ParamMode;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * The events of calls: arguments moved into {@code @Owned} parameters or kept by {@code
 * @Retained} ones, borrowed for {@code @Borrowed}/{@code @Mut} ones, receivers mutated or
 * consumed, values handed to unannotated code whose result is kept, and the escapes of values
 * into fields, arrays, results and retaining calls.
 */
final class CallEvents {
  private final FactsBuilder out;
  private final Body body;
  private final FileFacts file;
  private final LoanCollector loans;
  /** The borrows of calls' operands (also what a shared borrow given to a {@code @Mut} local does). */
  final CallOperands operands;
  private Map<Node, Variable> declaredLocals;

  CallEvents(FactsBuilder out, Body body, FileFacts file, LoanCollector loans) {
    this.out = out;
    this.body = body;
    this.file = file;
    this.loans = loans;
    this.operands = new CallOperands(out, file, loans);
  }

  void call(MethodCallExpr call) {
    MethodContract c = file.calls.contractOf(call);
    out.calledWith(call, c);
    arguments(c, call.getArguments(), call.getScope().orElse(null));
    handedToUnfollowedCode(c, call.getArguments());
    capturesHandedOn(c, call.getArguments());
    givenToUnfollowedCode(c, call, call.getArguments());
    consumedArguments(c, call, call.getArguments());
    handedOn(c, call, call.getArguments());
    if ((c == null || !c.hasContract()) && file.owners.strict()) {
      // --strict: code we know nothing about may keep what it is given.
      for (Expression arg : call.getArguments()) {
        escape(arg, arg, Event.Sink.RETAINED, "?@" + call.getNameAsString());
      }
    }
    operands.borrowedArguments(c, call, call.getArguments(), call.getScope().orElse(null));
    if (changesReceiver(c, call) && !(c.trueIfChanged() && out.branchesOn(call))) {
      mutateReceiver(c, call);
    }
    if (c != null && c.receiver() == ReceiverMode.CONSUMES && call.getScope().isPresent()) {
      Expression receiver = fluentRoot(call.getScope().get());
      MoveCause cause =
          new MoveCause(
              MoveCause.Kind.CONSUMED,
              c.name(),
              c.displayName(),
              c.idempotent(),
              file.calls.derivesOwner(c),
              closesResource(c, c.idempotent(), receiver));
      for (ValueSources.Source s : ValueSources.ofHandle(receiver, file, false)) {
        out.move(s.place(), call, cause);
      }
    }
    Expression scope = call.getScope().map(AstNodes::unwrap).orElse(null);
    boolean getter = c != null && c.resultField() != null;
    if ((scope == null || (scope instanceof ThisExpr t && t.getTypeName().isEmpty())) && !getter) {
      out.forgetFields(call);
    }
    if (scope != null && !getter) {
      forgetPathsOf(scope, call);
    }
    forgetPathsOfArguments(c, call.getArguments(), call);
    InPlaceFunctions.of(call, c, file, loans).forEach(out::changedInPlace);
  }

  private boolean changesReceiver(MethodContract c, MethodCallExpr call) {
    return c != null
        && c.receiver() == ReceiverMode.MUT
        && call.getScope().isPresent()
        && !PresentKeys.replacesInPlace(c, call, file);
  }

  /**
   * On the branch a condition takes when {@code call} returned true: a call whose result says
   * whether it changed its receiver ({@code if (list.remove(x)) break;}) changed it on this branch
   * only (decision 284).
   */
  void returnedTrue(MethodCallExpr call) {
    MethodContract c = file.calls.contractOf(call);
    if (changesReceiver(c, call) && c.trueIfChanged()) {
      mutateReceiver(c, call);
    }
  }

  private void mutateReceiver(MethodContract c, MethodCallExpr call) {
    mutate(call.getScope().get(), call, new MutationCause(MutationCause.Kind.MUT_METHOD, c.name(), c.displayName()));
  }

  /**
   * The fields of an object given to code that may assign them — a call of one of its methods,
   * or one it is passed to — are not known any more (decision 140). A library's model says what
   * its methods do, and they do not assign the fields of the caller's objects.
   */
  private void forgetPathsOfArguments(MethodContract c, List<Expression> args, Node call) {
    if (c != null && (c.fromBuiltinModel() || c.noEffect())) {
      return;
    }
    for (Expression arg : args) {
      forgetPathsOf(arg, call);
    }
  }

  private void forgetPathsOf(Expression value, Node call) {
    Variable v = file.bodies.variableOf(AstNodes.unwrap(value));
    if (v != null && !v.isField() && out.hasPaths(v)) {
      out.forgetPaths(v, call);
    }
  }

  /**
   * Whether a consumption makes the value a closed resource (D21): an idempotent close from a
   * library model, of a value that is no owned type. User contracts and owned types keep Rust's
   * rule: every use after the consumption is one.
   */
  private boolean closesResource(MethodContract c, boolean idempotent, Expression value) {
    // An inferred idempotent consumption is a helper's close: its body closed the value (D21).
    boolean modelled = c.fromBuiltinModel() || (c.origin() != null && c.origin().kind().isInferred());
    return idempotent && modelled && !file.index.isOwnedType(file.types.typeOf(value));
  }

  void creation(ObjectCreationExpr creation) {
    MethodContract c = file.calls.contractOf(creation);
    out.calledWith(creation, c);
    arguments(c, creation.getArguments(), null);
    handedToUnfollowedCode(c, creation.getArguments());
    capturesHandedOn(c, creation.getArguments());
    givenToUnfollowedCode(c, creation, creation.getArguments());
    // A constructor that closes what it is given (`SourceCode(reader) { try { … } finally {
    // reader.close(); } }`, inferred) consumes it as a method would (decision 299).
    consumedArguments(c, creation, creation.getArguments());
    handedOn(c, creation, creation.getArguments());
    operands.borrowedArguments(c, creation, creation.getArguments(), null);
    forgetPathsOfArguments(c, creation.getArguments(), creation);
  }

  void explicitConstructorCall(ExplicitConstructorInvocationStmt call) {
    MethodContract c = file.calls.contractOf(call);
    arguments(c, call.getArguments(), null);
    wrappedByThis(c, call.getArguments());
    out.forgetFields(call);
  }

  /**
   * {@code super(in)} or {@code this(in)} to a constructor that wraps its argument ({@code
   * @MustCallAlias}, D19) makes the object under construction the wrapper: as {@code this.in = in}
   * would, the argument is stored in a field of the object built (decision 202), so a subclass of
   * {@code FilterInputStream} or {@code ObjectInputStream} is inferred to wrap what it is given.
   */
  private void wrappedByThis(MethodContract c, List<Expression> args) {
    if (c == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p != null && p.mode() == ParamMode.ALIAS) {
        escape(args.get(i), args.get(i), Event.Sink.FIELD, p.name());
      }
    }
  }

  /**
   * {@code this.reader = new BufferedReader(in)}: a field that keeps a wrapper keeps what the
   * wrapper wraps ({@code @MustCallAlias} arguments, through nested wrappers), as {@code this.in =
   * in} would (decision 221). So a constructor storing {@code Tuple.of(params, resultSet)} in a
   * field wraps the result set (decision 121), and a method storing it there keeps it.
   */
  void storedInsideWrapper(Expression value, Node at, String field) {
    storedInsideWrapper(value, at, field, 0);
  }

  private void storedInsideWrapper(Expression value, Node at, String field, int depth) {
    if (depth > 16) {
      return;
    }
    Expression e = AstNodes.unwrap(value);
    if (e instanceof ConditionalExpr c) {
      storedInsideWrapper(c.getThenExpr(), at, field, depth + 1);
      storedInsideWrapper(c.getElseExpr(), at, field, depth + 1);
      return;
    }
    Variable stored = depth == 0 ? file.bodies.variableOf(e) : null;
    if (stored != null) {
      // A handle kept in a field keeps what it is a handle on (`x = in; this.f = x;`).
      keptWith(out.copiedInto(stored), at, Event.Sink.FIELD, field);
    }
    for (Expression arg : file.calls.wrappedArguments(e)) {
      escape(arg, at, Event.Sink.FIELD, field);
      Variable handle = file.bodies.variableOf(AstNodes.unwrap(arg));
      if (handle != null) {
        // `os` wraps `fos` (`os = new BufferedOutputStream(fos)`): a field keeping a wrapper of
        // `os` keeps `fos` too (decisions 221, 256).
        keptWith(out.wrappedByHandle(handle), at, Event.Sink.FIELD, field);
      }
      storedInsideWrapper(arg, at, field, depth + 1);
    }
  }

  /**
   * @param receiver the receiver of a method call (null for constructors and static calls): what
   *     a local receiver retains does not outlive the method by itself (D14)
   */
  private void arguments(MethodContract c, List<Expression> args, Expression receiver) {
    if (c == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p != null && p.mode() == ParamMode.OWNED) {
        out.moveOwners(
            args.get(i), new MoveCause(MoveCause.Kind.OWNED_ARGUMENT, p.name(), c.displayName(), false, false, false, p.heldAlive()));
        ownedBorrows(args.get(i), p.name() + "@" + c.displayName());
      }
      if (p != null && p.mode() == ParamMode.RETAINED) {
        if (!isLocal(receiver)) {
          escape(args.get(i), args.get(i), Event.Sink.RETAINED, p.name() + "@" + c.displayName());
          keptWrapped(args.get(i), p.name() + "@" + c.displayName());
        } else {
          // An owner put into a local collection is the collection's to release, or to hand on
          // with it (decision 175): what becomes of it is not followed, and not guessed at. So is
          // a parameter put into a local object, for the summary of this body: it is kept there,
          // not only read (decision 317).
          handedOnBy(args.get(i), new ArrayList<>(1), this::keptForSummary).forEach(out::emit);
        }
      }
    }
  }

  /**
   * A borrow handed to a parameter that takes ownership escapes into the callee, which may keep or
   * release what it was only lent (Rust's E0507, "cannot move out of a borrow"; decision 204).
   * Owners passed there are moved instead ({@link FactsBuilder#moveOwners}).
   */
  private void ownedBorrows(Expression arg, String detail) {
    for (LoanCollector.Dependency d : loans.dependencies(arg)) {
      if (d.capture() == null && (d.borrowed() || file.owners.ownershipOf(d.place()) == Ownership.BORROW)) {
        out.emit(new Event.Escape(d.place(), arg, Event.Sink.OWNED, d.borrowed(), null, null, detail, d.via()));
      }
    }
  }

  /**
   * A parameter inheriting {@code @Owned} (or a local naming it) passed to code whose effect on it
   * is not followed: a method of the analysed sources that says nothing of that parameter, whose
   * type the rules do not track ({@code onHttpRequestChannelRead(ctx, (HttpRequest) msg)}: its
   * body was not summarised for it, decision 124), or a method nothing declares (a call on a
   * receiver whose type does not resolve, {@code inboundHandler.channelRead(ctx, msg)} with a type
   * variable's field). What it does with the message is not known, so no leak is guessed
   * (decision 194). A contract inferred for the method's other parameters does not make it known
   * (decision 272). Library methods that are declared and say nothing ({@code
   * System.out.println(msg)}) keep nothing.
   */
  private void handedToUnfollowedCode(MethodContract c, List<Expression> args) {
    if (c != null && (c.origin() == null || !c.origin().kind().isSourceCode())) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c == null ? null : c.paramFor(i);
      if (c != null
          && (p == null
              || p.mode() != ParamMode.NONE
              || file.index.isOwnedType(p.type())
              || file.index.isMustReleaseType(p.type()))) {
        continue;
      }
      for (ValueSources.Source s : ValueSources.ofHandle(args.get(i), file, false)) {
        if (file.owners.handsOnOnly(s.place())) {
          out.emit(new Event.HandedOn(s.place(), args.get(i)));
        }
      }
      // A handle on the message handed on is the message handed on: `subscriber.execute(
      // ReferenceCountUtil.touch(msg))` (decision 343), as `subscriber.execute(msg)` is.
      for (Variable wrapped : ResourceAliases.wrappedBy(args.get(i), file)) {
        if (file.owners.handsOnOnly(wrapped)) {
          out.emit(new Event.HandedOn(wrapped, args.get(i)));
        }
      }
      capturedByUnfollowedCode(args.get(i));
    }
  }

  /**
   * A parameter of this method that may hold a value to release, captured by a lambda or an
   * anonymous class handed to such code ({@code queue.write(new MessageWrite() { void write() {
   * conn.write(msg); } })}): what becomes of the capture is not followed — kept, or run in place
   * — so the parameter is summarised as sometimes taken (decision 276): a caller's duty to
   * release what it passes ends, nothing moves, and no stub says it. The method's own owners are
   * left as they were: creating the capture reads them (D14).
   */
  private void capturedByUnfollowedCode(Expression arg) {
    Expression e = AstNodes.unwrap(arg);
    if (!(e instanceof LambdaExpr || (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()))) {
      return;
    }
    for (LoanCollector.Dependency d : loans.dependencies(arg)) {
      Variable v = d.capture() == null || d.borrowed() ? null : parameterItself(d.place());
      if (v != null && !out.isOwner(v) && !file.owners.handsOnOnly(v) && out.mayHandOverRelease(v)) {
        out.emit(new Event.HandedOn(v, arg, Event.Handover.SOMETIMES_TAKEN));
      }
    }
  }

  /**
   * Owners a lambda or an anonymous class releases or hands on in its body, given to a parameter
   * that says nothing of it and does not run it in place ({@code future.addListener(f ->
   * buf.release())}): the capture takes them over (D14), and what becomes of it is not followed —
   * kept and run later, or run now. The owner's duty ends there (decision 304); it is handed on, not
   * moved, so code that registers its cleanup first and then uses the value stays clean. A
   * parameter declared {@code @Owned} moves what the capture takes ({@link FactsBuilder#moveOwners}),
   * a {@code @Retained} one keeps it, and one run in place runs the body at the call (D22).
   */
  private void capturesHandedOn(MethodContract c, List<Expression> args) {
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c == null ? null : c.paramFor(i);
      if (p != null && (p.mode() != ParamMode.NONE || p.runsInPlace())) {
        continue;
      }
      for (Variable v : file.movedInsideCapture(args.get(i))) {
        if (out.isOwner(v)) {
          out.emit(new Event.HandedOn(v, args.get(i)));
        }
      }
    }
  }

  /**
   * Parameters of this method that may hold a value to release, handed — as they are, or inside
   * a wrapper made in the argument or held by a local — to code whose effect on them is not
   * followed: a constructor nothing declares, or a method nothing declares whose result is kept (a
   * library not on the classpath: {@code new CsvListWriter(new OutputStreamWriter(out), prefs)}
   * may wrap it), or one of the analysed sources that
   * says nothing of the parameter and was not summarised as saying nothing — an overridable call
   * whose bodies are not all known, or one body whose parameter there may be a resource and that
   * does more than read it. Nothing moves and no duty ends (decision 194 guesses no leak for what
   * an unannotated parameter becomes); a summary reads it so that such a body is not taken for
   * one that only reads its parameter (decisions 297, 305). A library method that is declared and
   * says nothing keeps nothing, and neither does one body whose parameter there is of a type
   * nothing is released through ({@code Assert.requireNonNull(T value, String message)}).
   */
  private void givenToUnfollowedCode(MethodContract c, Node call, List<Expression> args) {
    if ((c != null && (c.origin() == null || !c.origin().kind().isSourceCode() || c.hasContract()))
        || !mayGiveResourceParameters()) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      Set<Variable> given = parametersWithin(args.get(i));
      if (!given.isEmpty() && !followed(c, call, i)) {
        given.forEach(out::givenToUnfollowedCode);
      }
    }
  }

  private boolean followed(MethodContract c, Node call, int argument) {
    if (c == null) {
      // A method nothing declares whose result is dropped uses what it is given and gives it back
      // (PDFBox's `document.save(os)` leaves the stream open); a constructor, or a result kept,
      // may wrap it (D19: `new CsvListWriter(new OutputStreamWriter(out), prefs)`).
      return call instanceof MethodCallExpr && call.getParentNode().orElse(null) instanceof ExpressionStmt;
    }
    MethodContract.Param p = c.paramFor(argument);
    return file.calls.summarisedSilent(call)
        || (p != null && file.index.isCloseable(p.type()) && file.calls.silentInEveryImplementation(call)) // decision 314
        || (p != null && !file.index.carriesObligation(p.type()) && file.calls.runsOneBody(call));
  }

  private Boolean mayGiveResourceParameters;

  /**
   * Whether this body sees a parameter that may hold a value to release — its own, or one it
   * captures — which an argument could be or wrap: most bodies see none, and their calls' arguments
   * need not be walked for decision 305.
   */
  private boolean mayGiveResourceParameters() {
    if (mayGiveResourceParameters == null) {
      mayGiveResourceParameters =
          java.util.stream.Stream.concat(body.parameters().stream(), body.captured().stream())
              .anyMatch(v -> v.kind() == Variable.Kind.PARAMETER && file.index.carriesObligation(file.types.typeOf(v)));
    }
    return mayGiveResourceParameters;
  }

  /** The parameters that may hold a value to release which {@code value} is, or wraps (D19). */
  private Set<Variable> parametersWithin(Expression value) {
    Set<Variable> into = Collections.newSetFromMap(new IdentityHashMap<>());
    eachPlaceWithin(value, (v, itself) -> {
      if (v.kind() == Variable.Kind.PARAMETER && !out.isOwner(v) && file.index.carriesObligation(file.types.typeOf(v))) {
        into.add(v);
      }
    });
    return into;
  }

  /**
   * The places {@code value} is ({@code itself} true: {@code x}, either arm of {@code c ? x : y},
   * what a lambda captures), and those it wraps (false): the arguments of wrappers made in it, and
   * what a local wrapper it names wraps (D19).
   */
  private void eachPlaceWithin(Expression value, BiConsumer<Variable, Boolean> each) {
    eachPlaceWithin(value, true, each, 0);
  }

  private void eachPlaceWithin(Expression value, boolean itself, BiConsumer<Variable, Boolean> each, int depth) {
    for (ValueSources.Source s : ValueSources.of(value, file.bodies)) {
      each.accept(s.place(), itself);
      if (s.place().kind() == Variable.Kind.LOCAL && !(s.at() instanceof LambdaExpr)) {
        for (Variable wrapped : out.wrappedByHandle(s.place())) {
          each.accept(wrapped, false);
        }
      }
    }
    if (depth < 8) {
      for (Expression wrapped : file.calls.wrappedArguments(AstNodes.unwrap(value))) {
        eachPlaceWithin(wrapped, false, each, depth + 1);
      }
    }
  }

  /**
   * What a chain of fluent calls starts from: {@code buf.readBytes(bytes).release()} releases
   * {@code buf} (decision 311). A call is fluent when nothing declares a contract for it and its
   * result is of its receiver's own type, one whose values are owned or to release — Netty's
   * buffer writers and readers return the buffer itself (decision 62 reads them so for hand-overs).
   */
  private Expression fluentRoot(Expression receiver) {
    Expression e = receiver;
    for (int depth = 0; depth < 16; depth++) {
      if (!(AstNodes.unwrap(e) instanceof MethodCallExpr m) || m.getScope().isEmpty()) {
        return e;
      }
      MethodContract c = file.calls.contractOf(m);
      TypeRef type = file.types.typeOf(m.getScope().get());
      if (c == null
          || c.hasContract()
          || !type.isKnown()
          || !c.returnType().equals(type)
          || !(file.index.isOwnedType(type) || file.index.isMustReleaseType(type))) {
        return e;
      }
      e = m.getScope().get();
    }
    return e;
  }

  /**
   * A captured variable, or the parameter a local captured in its place only ever names ({@code
   * final ByteBuf hello = clientHello; future.addListener(f -> release(hello));}, decision 303).
   */
  private Variable parameterItself(Variable v) {
    if (v.kind() != Variable.Kind.LOCAL
        || !(v.declaration() instanceof VariableDeclarator d)
        || d.getInitializer().isEmpty()) {
      return v;
    }
    List<Expression> given = file.owners.valuesGiven(v);
    Variable named = given.size() == 1 ? file.bodies.variableOf(AstNodes.unwrap(given.get(0))) : null;
    return named != null && named.kind() == Variable.Kind.PARAMETER ? named : v;
  }

  /** Arguments a method consumes ({@code IOUtils.closeQuietly(in)} closes {@code in}): consumed at the call. */
  private void consumedArguments(MethodContract c, Node call, List<Expression> args) {
    if (c == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p == null || p.mode() != ParamMode.CONSUMES || closingDoesNothing(p, args.get(i))) {
        continue;
      }
      MoveCause cause =
          new MoveCause(
              MoveCause.Kind.CONSUMED, c.name(), c.displayName(), p.idempotent(), false, closesResource(c, p.idempotent(), args.get(i)));
      for (ValueSources.Source s : consumedHandlesOrElements(args.get(i))) {
        if (s.at() instanceof LambdaExpr) {
          continue; // consuming a lambda (closing an AutoCloseable one) consumes nothing it captures
        }
        out.move(s.place(), call, cause);
      }
    }
  }

  /**
   * A wrapper built in the argument of a call that keeps it is kept with what it wraps ({@code
   * keep(new OutputStreamWriter(out))} keeps {@code out}, a second handle held elsewhere: D19,
   * decision 287), as a consumed one closes it (decision 280); so is a handle taken there ({@code
   * keep(raf.getChannel())} keeps {@code raf}, decision 335).
   */
  private void keptWrapped(Expression arg, String detail) {
    if (!ValueSources.of(arg, file.bodies).isEmpty()) {
      return; // a variable: kept by the escape itself
    }
    for (ValueSources.Source s : consumedHandles(arg, 0)) {
      out.emit(new Event.Escape(s.place(), arg, Event.Sink.RETAINED, false, null, null, detail, null));
    }
  }

  /**
   * The handles a consumed argument closes: the variables it names, and those a wrapper built in
   * the argument wraps ({@code write(new PrintWriter(out))} closes {@code out}: D19, decision
   * 280), through nested wrappers and helpers that return one ({@code UTF8.writer(out)}, inferred
   * {@code @MustCallAlias}: decision 287).
   */
  private List<ValueSources.Source> consumedHandles(Expression arg, int depth) {
    List<ValueSources.Source> sources = ValueSources.ofHandle(arg, file, false);
    Expression e = AstNodes.unwrap(arg);
    if (!sources.isEmpty() || depth > 8 || !(e instanceof ObjectCreationExpr || e instanceof MethodCallExpr)) {
      return sources;
    }
    List<ValueSources.Source> wrapped = new ArrayList<>(1);
    for (Expression inner : file.calls.wrappedArguments(e)) {
      wrapped.addAll(consumedHandles(inner, depth + 1));
    }
    return wrapped;
  }

  /**
   * {@link #consumedHandles}, or, for a collection made in the argument of its elements ({@code
   * close(Arrays.asList(in))}, a factory's {@code @BecomesElement} parameters), the handles each
   * element closes: a method consuming a collection it is given consumes what it holds
   * (decision 319: a collection is nothing to close itself).
   */
  private List<ValueSources.Source> consumedHandlesOrElements(Expression arg) {
    List<ValueSources.Source> handles = consumedHandles(arg, 0);
    if (!handles.isEmpty()) {
      return handles;
    }
    Expression made = AstNodes.unwrap(arg);
    List<Expression> madeOf =
        made instanceof MethodCallExpr factory
            ? file.calls.elementArguments(factory)
            : made instanceof ArrayCreationExpr array && array.getInitializer().isPresent()
                ? array.getInitializer().get().getValues() // `closeAll(new Closeable[] {in, out})`
                : List.of();
    List<ValueSources.Source> elements = new ArrayList<>(1);
    for (Expression element : madeOf) {
      elements.addAll(consumedHandles(element, 0));
    }
    return elements;
  }

  /**
   * Closing the argument through a helper does what closing it directly does: nothing, for a
   * value whose {@code close()} has no effect ({@code ByteArrayOutputStream}, D19: its bytes are
   * still there to read after a helper closed it).
   */
  private boolean closingDoesNothing(MethodContract.Param p, Expression arg) {
    if (!p.idempotent()) {
      return false;
    }
    return file.index.closeDoesNothing(file.types.typeOf(arg));
  }

  /**
   * Owners passed to a call that declares nothing, or called so, whose result is kept: perhaps
   * wrapped or returned by it (decision 37); and owners a wrapper takes as {@code @MustCallAlias},
   * whose result is kept: it carries their resource (D19).
   */
  private void handedOn(MethodContract c, Expression call, List<Expression> args) {
    List<Expression> handed = new ArrayList<>(args.size());
    if (c == null || !c.hasContract()) {
      handed.addAll(args);
      if (call instanceof MethodCallExpr m && m.getScope().isPresent() && file.index.isOwnedType(file.types.typeOf(call))) {
        handed.add(m.getScope().get()); // a fluent `data.writerIndex(n)` returns the buffer itself
      }
    } else {
      // A body that sometimes takes what it is given (D23): no leak is guessed, wherever the
      // result goes.
      List<Event> taken = new ArrayList<>(0);
      for (int i = 0; i < args.size(); i++) {
        MethodContract.Param p = c.paramFor(i);
        if (p != null && p.mode() == ParamMode.SOMETIMES_TAKEN) {
          sometimesTakenFrom(args.get(i), taken);
        }
      }
      taken.forEach(out::emit);
      // A wrapper's result is a handle on the resource it wraps (D19): where it is kept, the
      // resource goes with it.
      for (int i = 0; i < args.size(); i++) {
        MethodContract.Param p = c.paramFor(i);
        if (p != null && p.mode() == ParamMode.ALIAS) {
          handed.add(args.get(i));
        }
      }
      if (handed.isEmpty()) {
        return;
      }
    }
    List<Event> events = new ArrayList<>(0);
    for (Expression value : handed) {
      handedOnBy(value, events, v -> false);
    }
    // Where the result goes is asked only when an owner was handed: most calls hand none.
    if (!events.isEmpty() && resultKept(call)) {
      events.forEach(out::emit);
    }
  }

  /**
   * Adds to {@code into} that what {@code value} holds is handed to a parameter that sometimes
   * takes it: every owner's duty ends there (decision 122), and a parameter of this method, owner
   * or not, is passed on to a body that sometimes takes it, which its own summary says in turn
   * (decision 272: {@code send(frame) { writeOrRelease(frame); }} sometimes takes the frame too).
   */
  private void sometimesTakenFrom(Expression value, List<Event> into) {
    // An owner wrapped in the argument stays the caller's to release; a parameter wrapped there is
    // sometimes taken all the same, which its summary says (decision 308: `loadStrings(new
    // BufferedReader(new InputStreamReader(input)))` closes `input` on some paths).
    eachPlaceWithin(value, (v, itself) -> {
      if ((itself && out.isOwner(v)) || v.isParameter()) {
        into.add(new Event.HandedOn(v, value, Event.Handover.SOMETIMES_TAKEN));
      }
    });
    // A local that is a second handle on an owner (`br = new BufferedReader(new
    // InputStreamReader(in))`, D19) is that owner: handed to a closer that takes it when it is
    // closeable (`closeQuietly(Object)`), so is the owner (decision 358).
    Variable handle = file.bodies.variableOf(AstNodes.unwrap(value));
    if (handle != null && !handle.isField()) {
      for (Variable wrapped : out.wrappedByHandle(handle)) {
        if (out.isOwner(wrapped)) {
          into.add(new Event.HandedOn(wrapped, value, Event.Handover.SOMETIMES_TAKEN));
        }
      }
    }
  }

  /**
   * Adds to {@code into} that every owner {@code value} holds (and every variable {@code
   * alsoHanded} accepts) is handed on there: through a call
   * whose result is a handle on its receiver too ({@code new PongWebSocketFrame(ping.content())}
   * hands on {@code ping}, decision 275).
   */
  private List<Event> handedOnBy(Expression value, List<Event> into, java.util.function.Predicate<Variable> alsoHanded) {
    for (ValueSources.Source s : ValueSources.ofHandle(value, file, false)) {
      if (out.isOwner(s.place()) || alsoHanded.test(s.place())) {
        into.add(new Event.HandedOn(s.place(), value));
      } else if (!s.place().isField() && !(s.at() instanceof LambdaExpr)) {
        // A local that is a plain copy of a file stream (`is = raw`, decision 257), given as an
        // argument, hands on the stream (`return new GZIPInputStream(is)`, decision 359). A copy
        // a lambda captures is left to what the lambda's callee is guessed to do (decision 37).
        for (Variable copied : out.copiedInto(s.place())) {
          if (out.isOwner(copied)) {
            into.add(new Event.HandedOn(copied, value));
          }
        }
      }
    }
    return into;
  }

  /**
   * A parameter that may hold a value to release, handed on where it goes for the summary of this
   * body, which reads it as kept (decision 317). Nothing moves, and a parameter is checked for no
   * leak inside its method (D16).
   */
  private boolean keptForSummary(Variable v) {
    return v.kind() == Variable.Kind.PARAMETER && file.index.carriesObligation(file.types.typeOf(v));
  }

  /**
   * Whether what a call returns is kept beyond the statement: returned, stored in a field or an
   * array, passed to a parameter that keeps or owns it (or to another call whose result is kept),
   * or given to a local that owns values of its type. A result that cannot hold the argument (a
   * primitive, a {@code String}, a boxed value, an array of them) keeps nothing.
   */
  private boolean resultKept(Expression call) {
    // Where the result goes first (syntax, cheap); its type only for the few that are kept.
    return resultStored(call) && !file.types.typeOf(call).cannotContainReferences();
  }

  private boolean resultStored(Expression call) {
    Node n = call;
    Node parent = n.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr
        || parent instanceof CastExpr
        || (parent instanceof ConditionalExpr c && c.getCondition() != n)) {
      n = parent;
      parent = n.getParentNode().orElse(null);
    }
    if (parent instanceof ReturnStmt) {
      return true;
    }
    if (parent instanceof AssignExpr a && a.getValue() == n) {
      Variable v = file.bodies.variableOf(AstNodes.unwrap(a.getTarget()));
      return v == null || v.isField() || ownsValuesOfItsType(v) || keptThrough(v); // null: an array element
    }
    if (parent instanceof VariableDeclarator d && d.getInitializer().orElse(null) == n) {
      Variable v = declaredLocals().get(d);
      // A try-with-resources resource closes what it holds at the block's end: made by code that
      // may wrap the value (`try (JsonReader r = new JsonReader(new InputStreamReader(in)))`), it
      // may close the value with it (decision 346, decision 37's guess).
      return v != null && ((v.kind() == Variable.Kind.RESOURCE && isUnknownCode(call)) || ownsValuesOfItsType(v) || keptThrough(v));
    }
    if (parent instanceof MethodCallExpr outer && outer.getScope().orElse(null) == n) {
      // `return new Frame(content).stream(s)`: a call that may return its receiver (a fluent
      // setter, its result's type is the receiver's or a supertype) keeps it where its result goes.
      return mayReturnReceiver(outer, n) && resultKept(outer);
    }
    if (parent instanceof MethodCallExpr outer) {
      return keepsArgument(file.calls.contractOf(outer), AstNodes.indexOf(outer.getArguments(), n), outer);
    }
    if (parent instanceof ObjectCreationExpr outer) {
      return keepsArgument(file.calls.contractOf(outer), AstNodes.indexOf(outer.getArguments(), n), outer);
    }
    return false;
  }

  /**
   * A call nobody says anything of: no contract found, or a library class read by reflection
   * that says nothing. A body of the sources, a model or a stub that says nothing has been read.
   */
  private boolean isUnknownCode(Expression call) {
    MethodContract c = file.calls.contractOfCall(call);
    if (c == null) {
      return true;
    }
    Declared.Origin origin = c.origin();
    return !c.hasContract()
        && (origin == null || origin.kind() == Declared.Origin.Kind.JDK || origin.kind() == Declared.Origin.Kind.CLASSPATH);
  }

  private boolean mayReturnReceiver(MethodCallExpr call, Node receiver) {
    if (!(receiver instanceof Expression r)) {
      return false;
    }
    TypeRef result = file.types.typeOf(call);
    TypeRef self = file.types.typeOf(r);
    return result.isKnown()
        && self.isKnown()
        && !result.isPrimitive()
        && !self.isPrimitive()
        && !result.isArray()
        && !self.isArray()
        && !result.name().equals("java.lang.Object")
        && file.index.isSubtype(self.name(), result.name());
  }

  /**
   * Whether a local hands on what it holds: one of its reads keeps the value (returned, stored,
   * passed where it is kept) — {@code Frame f = new Frame(buf); ...; return f;}.
   */
  private boolean keptThrough(Variable local) {
    if (local.isField() || !keptThroughInProgress.add(local)) {
      return false; // a cycle of locals handing each other on keeps nothing by itself
    }
    try {
      for (Node read : readsOf(local)) {
        if (read instanceof Expression e && resultStored(e)) {
          return true;
        }
      }
      return false;
    } finally {
      keptThroughInProgress.remove(local);
    }
  }

  private final Set<Variable> keptThroughInProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<Variable, List<Node>> reads;

  /** The names in this body that read a variable, collected on first use. */
  private List<Node> readsOf(Variable v) {
    if (reads == null) {
      reads = new IdentityHashMap<>();
      for (var entry : body.resolutions().entrySet()) {
        reads.computeIfAbsent(entry.getValue(), k -> new ArrayList<>(2)).add(entry.getKey());
      }
    }
    return reads.getOrDefault(v, List.of());
  }

  private boolean ownsValuesOfItsType(Variable v) {
    return out.isOwner(v) && file.index.isOwnedType(file.types.typeOf(v));
  }

  /** The local each declarator of this body declares, collected on first use. */
  private Map<Node, Variable> declaredLocals() {
    if (declaredLocals == null) {
      declaredLocals = new IdentityHashMap<>(4);
      for (CfgNode node : body.cfg().nodes()) {
        if (node.kind() == CfgNode.Kind.DECLARE) {
          declaredLocals.putIfAbsent(node.ast(), node.variable());
        }
      }
    }
    return declaredLocals;
  }

  /** Whether a call's result, as the {@code index}th argument of {@code outer}, is kept. */
  private boolean keepsArgument(MethodContract c, int index, Expression outer) {
    if (index < 0) {
      return false; // the scope of the call, not an argument
    }
    if (c == null || !c.hasContract()) {
      return resultKept(outer);
    }
    MethodContract.Param p = c.paramFor(index);
    if (p != null && p.mode() == ParamMode.ALIAS) {
      return resultKept(outer); // kept where the wrapper around it is kept
    }
    return p != null && (p.mode() == ParamMode.OWNED || p.mode() == ParamMode.RETAINED);
  }

  /**
   * Whether an expression is a local variable of this method (not a field or parameter, nor a
   * local naming one's value), or an element of one.
   */
  private boolean isLocal(Expression e) {
    return loans.aliases.isLocal(e);
  }

  /** The handles that go along with a value kept at {@code sink}: kept there too, owned by no one here. */
  void keptWith(Collection<Variable> handles, Node at, Event.Sink sink, String detail) {
    for (Variable h : handles) {
      out.emit(new Event.Escape(h, at, sink, false, null, null, detail, null));
    }
  }

  /** A value flows into a place that outlives the call: say what it depends on. */
  void escape(Expression value, Node at, Event.Sink sink, String detail) {
    for (LoanCollector.Dependency d : loans.dependencies(value)) {
      Node construct = d.capture() == null ? null : captureConstruct(d.capture(), at);
      out.emit(new Event.Escape(d.place(), at, sink, d.borrowed(), d.capture(), construct, detail, d.via()));
    }
    // An iterator kept elsewhere takes the stream it reads along (decision 342): whoever keeps
    // it is the one that can end the stream, as a kept wrapper keeps what it wraps.
    for (Variable source : out.derivationSources(value)) {
      out.emit(new Event.HandedOn(source, at));
    }
  }

  /** The outermost lambda, method reference or object creation through which a capture escapes. */
  private static Node captureConstruct(Node capture, Node sink) {
    Node outermost = null;
    for (Node p = capture; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof MethodReferenceExpr || p instanceof ObjectCreationExpr) {
        outermost = p;
      }
      if (p == sink) {
        break;
      }
    }
    return outermost;
  }

  /**
   * Mutating what {@code receiver} denotes: the place itself, or — when it holds loans — their
   * roots through a write-through loan, or a forbidden mutation through a shared borrow.
   */
  void mutate(Expression receiver, Node at, MutationCause cause) {
    Expression unwrapped = AstNodes.unwrap(receiver);
    if (unwrapped instanceof MethodCallExpr view && file.bodies.variableOf(view) == null) {
      // A temporary view (`map.keySet().remove(k)`): it writes through to what it borrows.
      MethodContract c = file.calls.contractOf(view);
      if (c != null && c.returns() == MethodContract.ReturnMode.BORROWED) {
        for (Variable root : loans.roots(view)) {
          out.emit(
              loans.writesThrough(root, LoanCollector.isModel(c))
                  ? new Event.Mutate(root, at, null, cause)
                  : new Event.MutateShared(root, at, null, cause));
        }
      }
      return;
    }
    for (ValueSources.Source s : ValueSources.of(receiver, file.bodies)) {
      Variable place = s.place();
      Set<Loan> held = loans.heldBy(place);
      if (!held.isEmpty()) {
        for (Loan l : held) {
          // Through an exclusive or a write-through borrow the root is mutated (conflicting with
          // every other live loan on it, not with this one); through a shared borrow never.
          out.emit(
              l.kind() == Loan.Kind.MUT || l.writeThrough()
                  ? new Event.Mutate(l.root(), at, l, cause)
                  : new Event.MutateShared(place, at, l, cause));
        }
      } else if (file.owners.declaredMode(place) == VariableMode.BORROWED) {
        out.emit(new Event.MutateShared(place, at, null, cause));
      } else {
        out.emit(new Event.Mutate(place, at, null, cause));
      }
    }
  }
}
