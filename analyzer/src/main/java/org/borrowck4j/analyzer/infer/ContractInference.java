package org.borrowck4j.analyzer.infer;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.facts.AnonymousClasses;
import org.borrowck4j.analyzer.facts.ThisBound;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.Dispatch;
import org.borrowck4j.analyzer.model.InferredContracts;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodModes;
import org.borrowck4j.analyzer.model.RuntimeClass;
import org.borrowck4j.analyzer.model.SourceIndex;
import org.borrowck4j.analyzer.model.TypeContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Contracts inferred from the analysed sources' own methods (D23): what a method does on every
 * normal path to what it is given and to what it returns, computed from its body when a call
 * asks, bottom-up through the methods it calls. Only for methods whose signature mentions a value
 * the rules care about (an owned, must-release or {@code AutoCloseable} type), and only where the
 * call's target is known: static, private and final methods, constructors, methods of final
 * classes, or overridable methods whose analysed overrides all agree. Methods that call each other
 * recursively infer nothing (the fixpoint from "no contract": a cycle never completes an effect
 * before it is known). Results are remembered for the run and never depend on the order in which
 * files are analysed. Workers infer side by side: each follows its own calls (and keeps its own
 * bodies), and they share what is known.
 */
public final class ContractInference implements InferredContracts {
  /** Work one summary may take, in analysis steps. */
  private static final long SUMMARY_BUDGET = 2_000_000;

  private final ContractIndex index;
  private final Overrides overrides;
  /**
   * What is known for the run, shared by every worker: a summary or contract is a function of the
   * sources alone, so whichever thread computes it first publishes it, and a thread that computed
   * it too at the same time got the same answer. Only final answers are published (not those of a
   * recursive group still under way).
   */
  private final Map<String, Known<Summary>> summaries = new ConcurrentHashMap<>();
  /** The contract of a call of each method asked for (its own summary, or its overrides'). */
  private final Map<String, Known<MethodContract>> contracts = new ConcurrentHashMap<>();
  private final Map<String, Boolean> empty = new ConcurrentHashMap<>();
  /** What each worker is in the middle of: its own, so that no worker waits for another. */
  /**
   * Kept with the run, not in thread-locals: a thread that outlives the run (a Maven build's)
   * must not keep a worker's trees.
   */
  private final Map<Thread, Worker> workers = new ConcurrentHashMap<>();
  private final java.util.function.Supplier<Worker> newWorker;

  /**
   * An answer and the files whose bodies it was computed from (its callees' included), so that a
   * file using it later is known to depend on them too (the result cache, decision 131).
   */
  private record Known<T>(T value, Set<String> read) {}

  private record Reading(String file, Set<String> read) {}

  /** One thread's computations under way, and the bodies it has read. */
  private static final class Worker {
    final SourceBodies bodies;
    /** The methods being summarised, outermost first; a flag each: part of a recursive group. */
    final List<String> inProgress = new ArrayList<>();
    final List<boolean[]> recursive = new ArrayList<>();
    /** The computations under way, innermost last: the file of the method summarised (or null) and what it read. */
    final Deque<Reading> readings = new ArrayDeque<>();
    /**
     * Per file whose facts {@link SourceBodies} keeps: every file read while they were in use. What
     * those facts remember for one body (a field's contract, a lambda's moves) may have been worked
     * out while summarising another, so every summary of the file counts all of it (decision 131).
     */
    final Map<String, Set<String>> readWithFactsOf = new HashMap<>();
    /** How many times a method was met again while it was being summarised (a recursive group). */
    int recursionsMet;

    Worker(SourceBodies bodies) {
      this.bodies = bodies;
    }

    /**
     * Files whose bodies were read: for every computation under way, for the facts they use, and
     * for the file the current thread is analysing ({@link ReadBodies}).
     */
    void noteRead(Set<String> files) {
      if (files.isEmpty()) {
        return;
      }
      for (Reading r : readings) {
        r.read().addAll(files);
        if (r.file() != null) {
          readWithFactsOf.computeIfAbsent(r.file(), k -> new HashSet<>()).addAll(files);
        }
      }
      ReadBodies.read(files);
    }
  }

  /**
   * @param files every analysed file (where overrides are looked for)
   * @param parser parses an analysed file (the tree is shared with its own analysis), or null
   */
  public ContractInference(
      List<Path> files,
      Charset encoding,
      Function<Path, CompilationUnit> parser,
      SourceIndex sources,
      ContractIndex index,
      boolean strict) {
    this.index = index;
    this.newWorker = () -> new Worker(new SourceBodies(parser, sources, index, strict));
    this.overrides = new Overrides(files, encoding, sources, index);
  }

  /**
   * The most analysed implementations an overridable call is summarised from (decision 166):
   * `ByteBuf.writeInt` in Netty's own sources has dozens, each a body to summarise.
   */
  static final int MAX_IMPLEMENTATIONS = 8;

  private Worker worker() {
    return workers.computeIfAbsent(Thread.currentThread(), t -> newWorker.get());
  }

  @Override
  public MethodContract inferredFor(MethodContract declared) {
    return inferredFor(declared, null);
  }

  @Override
  public MethodContract inferredFor(MethodContract declared, Dispatch dispatch) {
    if (!mentionsTrackedValues(declared)) {
      return null;
    }
    Worker w = worker();
    Dispatch d = narrowing(declared, dispatch);
    String key = callKey(declared, d);
    Known<MethodContract> known = contracts.get(key);
    if (known != null) {
      w.noteRead(known.read());
      return known.value();
    }
    int recursionsBefore = w.recursionsMet;
    w.readings.addLast(new Reading(null, new HashSet<>()));
    if (declared.origin().kind() == Declared.Origin.Kind.SOURCE) {
      w.noteRead(Set.of(declared.origin().file())); // its modifiers decide whether its body speaks for it
    }
    Summary summary;
    Set<String> read;
    try {
      summary = summaryOfCall(w, declared, d);
    } finally {
      read = w.readings.removeLast().read();
    }
    MethodContract inferred = summary == null || !summary.saysSomething() ? null : contractOf(declared, summary);
    if (w.inProgress.isEmpty() || w.recursionsMet == recursionsBefore) {
      // Inside a group of methods being summarised an answer may be provisional: kept only after,
      // or when working it out met no method under way (then it is what it is anywhere).
      contracts.putIfAbsent(key, new Known<>(inferred, Set.copyOf(read)));
      silent.putIfAbsent(
          key, summary != null && !summary.saysSomething() && !summary.givesToUnfollowedCode() && oneBody(w, declared, d));
    }
    w.noteRead(read);
    return inferred;
  }

  /** Whether each call's summary, by the key of {@link #contracts}, was worked out and said nothing. */
  private final Map<String, Boolean> silent = new ConcurrentHashMap<>();

  @Override
  public boolean summarisedSilent(MethodContract declared, Dispatch dispatch) {
    if (!mentionsTrackedValues(declared) || inferredFor(declared, dispatch) != null) {
      return false;
    }
    return silent.getOrDefault(callKey(declared, narrowing(declared, dispatch)), false);
  }

  @Override
  public boolean silentInEveryImplementation(MethodContract declared, Dispatch dispatch) {
    if (!mentionsTrackedValues(declared) || declared.isStatic() || declared.isConstructor() || inferredFor(declared, dispatch) != null) {
      return false;
    }
    Worker w = worker();
    Dispatch d = narrowing(declared, dispatch);
    if (oneBody(w, declared, d) || (d != null && (d.kind() == Dispatch.Kind.SUPER || d.receiverClasses() != null))) {
      return false; // one body (decision 297's own case), or the anonymous classes decide
    }
    int arity = declared.params().size();
    List<Overrides.Site> sites = overridesReached(declared, d);
    CallableDeclaration<?> own = w.bodies.declaration(declared.origin(), declared.name(), arity);
    boolean ownBody = own instanceof MethodDeclaration m && m.getBody().isPresent();
    if (sites.isEmpty() || sites.size() + (ownBody ? 1 : 0) > MAX_IMPLEMENTATIONS) {
      return false; // nothing here implements it (code elsewhere may), or a dispatch too wide
    }
    if (ownBody && !saysNothing(summaryOf(w, declared.origin(), declared.name(), arity, null))) {
      return false;
    }
    for (Overrides.Site site : sites) {
      if (!saysNothing(summaryOf(w, site.origin(), site.name(), site.arity(), null))) {
        return false;
      }
    }
    return true;
  }

  /** The analysed overrides a dispatched call may run: those of its receiver's static type. */
  private List<Overrides.Site> overridesReached(MethodContract declared, Dispatch d) {
    String receiverType = d == null || d.receiverType() == null ? declared.declaringType() : d.receiverType();
    return overrides.of(receiverType, declared.name(), declared.params().size());
  }

  /** A summary worked out that says nothing and gives nothing to code not followed. */
  private static boolean saysNothing(Summary s) {
    return s != null && !s.saysSomething() && !s.givesToUnfollowedCode();
  }

  @Override
  public boolean runsOneBody(MethodContract declared, Dispatch dispatch) {
    return oneBody(worker(), declared, narrowing(declared, dispatch));
  }

  /** The key of a call's summary: the method, and how it is dispatched (already narrowed). */
  private static String callKey(MethodContract declared, Dispatch narrowed) {
    return keyOf(declared.origin(), declared.name(), declared.params().size()) + suffix(narrowed);
  }

  /** Whether each method, by key (and "!" for an exact `super.` call), never returns normally. */
  private final Map<String, Boolean> neverReturning = new ConcurrentHashMap<>();

  @Override
  public boolean doesNothing(MethodContract declared) {
    String key = keyOf(declared.origin(), declared.name(), declared.params().size());
    Boolean known = empty.get(key);
    if (known != null) {
      return known;
    }
    SourceBodies bodies = worker().bodies;
    int arity = declared.params().size();
    CallableDeclaration<?> own = bodies.declaration(declared.origin(), declared.name(), arity);
    boolean result = own != null && emptyBody(own);
    if (result && !targetKnown(own)) {
      for (Overrides.Site site : overrides.of(declared.declaringType(), declared.name(), arity)) {
        CallableDeclaration<?> other = bodies.declaration(site.origin(), site.name(), site.arity());
        result &= other != null && emptyBody(other);
      }
    }
    empty.putIfAbsent(key, result);
    return result;
  }

  @Override
  public boolean neverReturns(MethodContract declared, Dispatch dispatch) {
    if (declared.isConstructor()) {
      return false;
    }
    boolean exact = dispatch != null && dispatch.kind() == Dispatch.Kind.SUPER;
    String key = keyOf(declared.origin(), declared.name(), declared.params().size()) + (exact ? "!" : "");
    Boolean known = neverReturning.get(key);
    if (known != null) {
      return known;
    }
    CallableDeclaration<?> own = worker().bodies.declaration(declared.origin(), declared.name(), declared.params().size());
    boolean result = own != null && (exact || targetKnown(own)) && alwaysThrows(own);
    neverReturning.putIfAbsent(key, result);
    return result;
  }

  /**
   * A method body that cannot complete normally and has no {@code return} (JLS 14.22, read
   * syntactically): its last statement is a {@code throw}, and no {@code return} of its own (one
   * in a lambda or a local class is another body's) lies before it.
   */
  private static boolean alwaysThrows(CallableDeclaration<?> d) {
    if (!(d instanceof MethodDeclaration m) || m.getBody().isEmpty()) {
      return false;
    }
    NodeList<Statement> statements = m.getBody().get().getStatements();
    if (statements.isEmpty() || !(statements.getLast().orElseThrow() instanceof ThrowStmt)) {
      return false;
    }
    return m.getBody().get().findFirst(ReturnStmt.class, r -> AstNodes.returnsFrom(r, m)).isEmpty();
  }



  /** A method body with no statement (comments only): abstract and native methods have none. */
  private static boolean emptyBody(CallableDeclaration<?> d) {
    return d instanceof MethodDeclaration m && m.getBody().map(b -> b.getStatements().isEmpty()).orElse(false);
  }

  private static String keyOf(Declared.Origin origin, String name, int arity) {
    return origin.file() + ':' + origin.line() + ':' + name + '/' + arity;
  }

  /**
   * What a call's dispatch says beyond the declaration (decision 201), or null: a receiver of the
   * declaring type itself narrows nothing.
   */
  private static Dispatch narrowing(MethodContract declared, Dispatch dispatch) {
    if (dispatch == null || declared.isStatic() || declared.isConstructor()) {
      return null;
    }
    if (dispatch.kind() == Dispatch.Kind.SUPER || dispatch.receiverClasses() != null) {
      return dispatch;
    }
    return dispatch.receiverType() == null || dispatch.receiverType().equals(declared.declaringType()) ? null : dispatch;
  }

  private static String suffix(Dispatch d) {
    if (d == null) {
      return "";
    }
    String classes = d.receiverClasses() == null ? "" : "#" + d.receiverClasses();
    return switch (d.kind()) {
      case SUPER -> "!" + d.receiverType();
      case ON_THIS -> "^" + d.receiverType();
      case VIRTUAL -> "@" + d.receiverType();
    } + classes;
  }

  /**
   * The summary that holds for a call of the method: its own, or that of all its overrides the
   * call may reach (those of its receiver's static type and below, decision 201). A body run on
   * {@code this} of a subtype is summarised for that subtype.
   */
  /**
   * Whether the call runs one known body: its target cannot be overridden, or it is an exact
   * {@code super.} call. Overrides that do not agree are summarised as saying nothing, which is no
   * word that each of them only reads.
   */
  private boolean oneBody(Worker w, MethodContract declared, Dispatch d) {
    int arity = declared.params().size();
    CallableDeclaration<?> own = w.bodies.declaration(declared.origin(), declared.name(), arity);
    boolean exact = d != null && d.kind() == Dispatch.Kind.SUPER;
    return (own != null && (exact || targetKnown(own)))
        || (own == null && w.bodies.implicitCanonical(declared.origin(), declared.name(), arity) != null);
  }

  private Summary summaryOfCall(Worker w, MethodContract declared, Dispatch d) {
    int arity = declared.params().size();
    CallableDeclaration<?> own = w.bodies.declaration(declared.origin(), declared.name(), arity);
    ThisBound bound =
        d == null
                || d.kind() == Dispatch.Kind.VIRTUAL
                || d.receiverType() == null
                || d.receiverType().equals(declared.declaringType())
                || own == null
                || !callsOverriddenOnThis(own, declared.declaringType())
            ? null
            : new ThisBound(declared.declaringType(), d.receiverType());
    boolean exact = d != null && d.kind() == Dispatch.Kind.SUPER; // `super.m()` is not dispatched
    if (oneBody(w, declared, d)) {
      return summaryOf(w, declared.origin(), declared.name(), arity, bound);
    }
    if (exact || declared.isStatic() || declared.isConstructor()) {
      return null;
    }
    List<Overrides.Site> ofClasses = d == null ? null : implementationsIn(w, d.receiverClasses(), declared.name(), arity);
    if (ofClasses != null) {
      // The receiver's run-time classes are known (decision 236): their methods are the targets.
      return Summary.agreed(summariesOf(w, ofClasses), arity);
    }
    // Overridable: every analysed implementation the call may reach must agree, the declared one included.
    List<Overrides.Site> sites = overridesReached(declared, d);
    if (sites.size() + (own != null ? 1 : 0) > MAX_IMPLEMENTATIONS) {
      return null; // a dispatch this wide is summarised at a cost its rare agreement does not repay
    }
    List<Summary> each = new ArrayList<>(sites.size() + 1);
    if (own != null) {
      Summary s = summaryOf(w, declared.origin(), declared.name(), arity, bound);
      each.add(s == null ? Summary.NOTHING : s);
    }
    each.addAll(summariesOf(w, sites));
    return each.isEmpty() ? null : Summary.agreed(each, arity);
  }

  /** Each site's own summary, {@link Summary#NOTHING} where none is known. */
  private List<Summary> summariesOf(Worker w, List<Overrides.Site> sites) {
    List<Summary> each = new ArrayList<>(sites.size());
    for (Overrides.Site site : sites) {
      Summary s = summaryOf(w, site.origin(), site.name(), site.arity(), null);
      each.add(s == null ? Summary.NOTHING : s);
    }
    return each;
  }

  /**
   * The methods named so that the anonymous classes declare, one each, or null when the classes
   * are not known, are too many (decision 166), or one of them does not declare the method itself
   * (it inherits it: the ordinary dispatch decides).
   */
  private static List<Overrides.Site> implementationsIn(Worker w, List<RuntimeClass> classes, String name, int arity) {
    if (classes == null || classes.isEmpty() || classes.size() > MAX_IMPLEMENTATIONS) {
      return null;
    }
    List<Overrides.Site> out = new ArrayList<>(classes.size());
    for (RuntimeClass c : classes) {
      Integer line = w.bodies.anonymousMethodLine(c, name, arity);
      if (line == null) {
        return null;
      }
      out.add(new Overrides.Site(new Declared.Origin(Declared.Origin.Kind.SOURCE, c.file(), line), name, arity));
    }
    return out;
  }

  /**
   * The anonymous classes a call's result may be (decision 236): every body the call may run —
   * its own where its target is known, else it and its analysed overrides (at most eight), or the
   * methods of its receiver's known classes — returns {@code null}, a new anonymous class, or a
   * field of its class that always holds one. Remembered for the run; reads trees only.
   */
  @Override
  public List<RuntimeClass> resultClasses(MethodContract declared, Dispatch dispatch) {
    if (declared.isConstructor() || declared.returnType().cannotHoldReferences()) {
      return null;
    }
    Worker w = worker();
    Dispatch d = narrowing(declared, dispatch);
    String key = keyOf(declared.origin(), declared.name(), declared.params().size()) + suffix(d);
    Known<List<RuntimeClass>> known = classes.get(key);
    if (known != null) {
      w.noteRead(known.read());
      return known.value();
    }
    w.readings.addLast(new Reading(null, new HashSet<>()));
    w.noteRead(Set.of(declared.origin().file()));
    List<RuntimeClass> found;
    Set<String> read;
    try {
      found = classesOfCall(w, declared, d);
    } finally {
      read = w.readings.removeLast().read();
    }
    classes.putIfAbsent(key, new Known<>(found, Set.copyOf(read)));
    w.noteRead(read);
    return found;
  }

  private final Map<String, Known<List<RuntimeClass>>> classes = new ConcurrentHashMap<>();

  private List<RuntimeClass> classesOfCall(Worker w, MethodContract declared, Dispatch d) {
    int arity = declared.params().size();
    CallableDeclaration<?> own = w.bodies.declaration(declared.origin(), declared.name(), arity);
    boolean exact = d != null && d.kind() == Dispatch.Kind.SUPER;
    List<Overrides.Site> sites = new ArrayList<>();
    if (own != null && (exact || targetKnown(own))) {
      sites.add(new Overrides.Site(declared.origin(), declared.name(), arity));
    } else if (exact || declared.isStatic()) {
      return null;
    } else {
      List<Overrides.Site> ofClasses = d == null ? null : implementationsIn(w, d.receiverClasses(), declared.name(), arity);
      if (ofClasses != null) {
        sites.addAll(ofClasses);
      } else {
        if (own != null) {
          sites.add(new Overrides.Site(declared.origin(), declared.name(), arity));
        }
        sites.addAll(overridesReached(declared, d));
        if (sites.isEmpty() || sites.size() > MAX_IMPLEMENTATIONS) {
          return null;
        }
      }
    }
    TreeSet<RuntimeClass> out = new TreeSet<>();
    for (Overrides.Site site : sites) {
      w.noteRead(Set.of(site.origin().file()));
      CallableDeclaration<?> body = w.bodies.declaration(site.origin(), site.name(), site.arity());
      List<ObjectCreationExpr> returned = body == null ? null : AnonymousClasses.returnedBy(body);
      if (returned == null) {
        return null;
      }
      for (ObjectCreationExpr c : returned) {
        out.add(RuntimeClass.at(site.origin().file(), c));
      }
    }
    return out.isEmpty() || out.size() > MAX_IMPLEMENTATIONS ? null : List.copyOf(out);
  }

  /**
   * Whether a body calls on {@code this} a method some analysed subtype of its class overrides:
   * only then can what {@code this} is change what the body does, and a summary for a subtype be
   * worth its own facts (decision 201). Calls in lambdas and local classes count too (a cheap,
   * safe over-approximation).
   */
  private boolean callsOverriddenOnThis(CallableDeclaration<?> body, String declaringType) {
    for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
      Expression scope = call.getScope().orElse(null);
      boolean onThis = scope == null || (scope instanceof ThisExpr t && t.getTypeName().isEmpty());
      if (onThis && !overrides.of(declaringType, call.getNameAsString(), call.getArguments().size()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A method's own summary (for a {@code this} known to be of a subtype, when {@code bound} says
   * so), remembered; null inside a recursive group or when nothing is known.
   */
  private Summary summaryOf(Worker w, Declared.Origin origin, String name, int arity, ThisBound bound) {
    String key = keyOf(origin, name, arity) + (bound == null ? "" : "^" + bound.runsOn());
    Known<Summary> known = summaries.get(key);
    if (known != null) {
      w.noteRead(known.read());
      return known.value();
    }
    String file = origin.kind() == Declared.Origin.Kind.SOURCE ? origin.file() : null;
    int at = w.inProgress.indexOf(key);
    if (at >= 0) {
      for (int i = at; i < w.recursive.size(); i++) {
        w.recursive.get(i)[0] = true; // every method from there up is in a recursive group
      }
      w.recursionsMet++;
      w.noteRead(file == null ? Set.of() : Set.of(file));
      return null;
    }
    w.inProgress.add(key);
    boolean[] inRecursion = {false};
    w.recursive.add(inRecursion);
    w.readings.addLast(new Reading(file, new HashSet<>()));
    w.noteRead(file == null ? Set.of() : Set.of(file));
    Set<String> read;
    Summary summary = null;
    try {
      SourceBodies.Found found = w.bodies.find(origin, name, arity, bound);
      if (found != null) {
        BodyAnalyses analyses = new BodyAnalyses(found.facts().of(found.body()), new Budget(SUMMARY_BUDGET));
        summary = new SummaryBuilder(analyses, found.facts()).summarise();
        found.facts().forget(found.body());
      } else {
        RecordDeclaration record = w.bodies.implicitCanonical(origin, name, arity);
        summary = record == null ? null : SummaryBuilder.implicitCanonical(record);
      }
    } catch (RuntimeException | StackOverflowError e) {
      summary = null; // a method too large or too odd to summarise says nothing
    } finally {
      w.inProgress.remove(w.inProgress.size() - 1);
      w.recursive.remove(w.recursive.size() - 1);
      read = w.readings.removeLast().read();
    }
    if (inRecursion[0]) {
      summary = null;
    }
    if (file != null) {
      read.addAll(w.readWithFactsOf.getOrDefault(file, Set.of()));
    }
    summaries.putIfAbsent(key, new Known<>(summary, Set.copyOf(read)));
    w.noteRead(read);
    return summary;
  }

  /** Whether a call of the declared method reaches that body and no other. */
  private static boolean targetKnown(CallableDeclaration<?> d) {
    if (d instanceof ConstructorDeclaration) {
      return true;
    }
    MethodDeclaration m = (MethodDeclaration) d;
    if (m.isStatic() || m.isPrivate() || m.isFinal()) {
      return true;
    }
    Node owner = m.getParentNode().orElse(null);
    return owner instanceof RecordDeclaration
        || owner instanceof EnumDeclaration
        || owner instanceof ObjectCreationExpr
        || (owner instanceof ClassOrInterfaceDeclaration c && c.isFinal() && !c.isInterface())
        || (owner instanceof TypeDeclaration<?> t && t.isPrivate() && !(t instanceof ClassOrInterfaceDeclaration c2 && c2.isInterface()));
  }

  /** Whether the signature mentions a value the rules track: only those are worth a summary. */
  private boolean mentionsTrackedValues(MethodContract m) {
    if (tracked(m.returnType())) {
      return true;
    }
    if (m.kind() == MethodContract.Kind.INSTANCE_METHOD
        && !m.returnType().cannotHoldReferences()
        && (tracked(TypeRef.of(m.declaringType())) || canWrap(m.returnType()))) {
      // Its result may be a view of the receiver ({@code buffer.slice(from, to)}, {@code new
      // Cursor(records)} built around the receiver's array).
      return true;
    }
    for (MethodContract.Param p : m.params()) {
      if (tracked(p.type()) || (m.isConstructor() && p.type().isArray())) {
        return true; // a constructor keeping an array makes a view of it
      }
      if (p.type().isObject()) {
        return true; // `safeClose(Object c)` closes what it is given when it is Closeable
      }
      if (m.isStatic() && mayHoldResources(p.type())) {
        return true; // `close(List<?> objs)` closes each element it is given (decision 319)
      }
    }
    if (m.varargs() && !m.params().isEmpty()) {
      // `close(Closeable... cs)` closes each element it is given (decision 302).
      TypeRef last = m.params().get(m.params().size() - 1).type();
      return last.isArray() && tracked(last.componentType());
    }
    return false;
  }

  /**
   * Whether a value of the type can be built around an array or a value the rules track: one of
   * its constructors in the sources takes one (and may keep it, decision 121). Only then can an
   * object a method of an untracked class returns be a view of the receiver.
   */
  private boolean canWrap(TypeRef t) {
    if (!t.isKnown() || t.cannotHoldReferences() || t.isArray()) {
      return false;
    }
    return wrappers.computeIfAbsent(t.name(), name -> {
      for (TypeContract d : index.declarations(name)) {
        if (d.origin() == null || d.origin().kind() != Declared.Origin.Kind.SOURCE) {
          continue; // only a constructor with a body in the sources can be inferred to keep anything
        }
        for (MethodContract c : d.methods("<init>")) {
          for (MethodContract.Param p : c.params()) {
            if (p.type().isArray() || tracked(p.type())) {
              return true;
            }
          }
        }
      }
      return false;
    });
  }

  private final Map<String, Boolean> wrappers = new ConcurrentHashMap<>();

  /** An array of resources or of anything, or a collection (whose elements a type erased does not say). */
  private boolean mayHoldResources(TypeRef t) {
    if (!t.isKnown()) {
      return false;
    }
    if (t.isArray()) {
      return tracked(t.componentType()) || t.componentType().isObject();
    }
    return index.isIterable(t);
  }

  /**
   * A value the rules care about: an owner, a value to release or close, or one that takes part in
   * borrows (it has {@code @Mut} methods or lends views: a {@code List}, an {@code Iterator}).
   */
  private boolean tracked(TypeRef t) {
    return t.isKnown()
        && !t.cannotHoldReferences()
        && (index.isOwnedType(t)
            || index.isMustReleaseType(t)
            || index.isUserTypeToRelease(t)
            || index.declaresRelease(t)
            || index.isCloseable(t)
            || index.lends(t)
            || index.handlesResources(t));
  }

  /**
   * Whether a value kept by the object a constructor builds makes that object a view of it: a
   * resource or owner (the object carries it), or a value whose own contract lends (a user's
   * buffer with {@code @Mut} methods). A JDK collection kept in a field is shared, as Java
   * shares it: the new object is no borrow of it.
   */
  private boolean wrappable(TypeRef t) {
    // An array kept by the new object is shared with it: the object is a view of the array.
    return t.isKnown() && !t.cannotHoldReferences() && (t.isArray() || wrappableKnown(t));
  }

  private boolean wrappableKnown(TypeRef t) {
    return index.carriesObligation(t) || index.lendsByUserContract(t);
  }

  /** The declared method with the summary's modes, marked as inferred from its body. */
  private MethodContract contractOf(MethodContract declared, Summary summary) {
    List<MethodContract.Param> params = new ArrayList<>(declared.params().size());
    for (int i = 0; i < declared.params().size(); i++) {
      MethodContract.Param p = declared.params().get(i);
      Summary.ParamFate fate = i < summary.params().size() ? summary.params().get(i) : Summary.ParamFate.NONE;
      if (p.type().cannotHoldReferences() || (fate.fate() == Summary.Fate.WRAPPED && !wrappable(p.type()))) {
        fate = Summary.ParamFate.NONE;
      }
      params.add(p.inferred(SummaryBuilder.modeOf(fate), fate.idempotent(), fate.closesOnly()));
    }
    Summary.Result r = summary.result();
    MethodContract.ReturnMode returns =
        switch (r.kind()) {
          case OWNED, RECEIVER_HANDLE -> MethodContract.ReturnMode.OWNED;
          case BORROWED -> MethodContract.ReturnMode.BORROWED;
          case NONE, FIELD -> MethodContract.ReturnMode.NONE;
        };
    MethodModes modes =
        switch (r.kind()) {
          case FIELD -> MethodModes.NONE.withResultField(r.from());
          case RECEIVER_HANDLE -> MethodModes.NONE.withResult(returns, null, false).withResultAliasingReceiver();
          default -> MethodModes.NONE.withResult(returns, r.from(), r.mustRelease());
        };
    if (r.collectedWhenDropped()) {
      modes = modes.withResultCollectedWhenDropped();
    }
    return declared.with(params, modes, new Declared.Origin(Declared.Origin.Kind.INFERRED, declared.origin().file(), declared.origin().line()));
  }
}
