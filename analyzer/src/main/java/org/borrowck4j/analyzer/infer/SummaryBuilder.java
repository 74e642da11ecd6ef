package org.borrowck4j.analyzer.infer;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.dataflow.DataflowResults;
import org.borrowck4j.analyzer.dataflow.TransferFunction;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.FileFacts;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.Obligations;
import org.borrowck4j.analyzer.facts.ReturnedValue;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.flow.EventwiseAnalysis;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Summarises what one body does (D23), from its facts: for each parameter, whether every normal
 * path to the method's exit consumes it, moves it into an {@code @Owned} place or keeps it — and
 * only one of these, else nothing is said; for the result, whether every {@code return} gives back
 * a fresh owner, or a borrow of one parameter or of the receiver. For inference a consuming call
 * counts as done on its exceptional exit too (a helper that tried to close and swallowed the
 * failure did what it could), and paths on which the parameter is {@code null} are ignored.
 */
final class SummaryBuilder {
  /** What a path did to a parameter. */
  private enum Effect {
    CONSUMED_IDEMPOTENTLY,
    CONSUMED,
    OWNED,
    KEPT,
    /** Stored in a field of the object a constructor builds: the new object wraps it. */
    WRAPPED,
    /** Handed to a parameter that is sometimes taken (decision 272). */
    SOMETIMES,
    /** Returned, copied to another variable, given a new value: nothing to infer from. */
    OTHER
  }

  private final Body body;
  private final BodyFacts facts;
  private final BodyAnalyses analyses;
  private final Map<Variable, Integer> index = new IdentityHashMap<>();
  private final List<Set<Effect>> effects = new ArrayList<>();

  private final FileFacts file;

  SummaryBuilder(BodyAnalyses analyses, FileFacts file) {
    this.analyses = analyses;
    this.file = file;
    this.facts = analyses.facts();
    this.body = facts.body();
    for (Variable p : body.parameters()) {
      if (p.type() == null || !p.type().isPrimitiveType()) {
        index.put(p, effects.size());
        effects.add(EnumSet.noneOf(Effect.class));
      }
    }
  }

  Summary summarise() {
    if (!analyses.isReachable(body.cfg().exit())) {
      return Summary.NOTHING; // never returns normally
    }
    return new Summary(parameters(), result(), !facts.givenToUnfollowedCode().isEmpty());
  }

  /**
   * A record's canonical constructor that is written nowhere: it stores each argument in its
   * component's field, as {@code this.items = items} would (the object built wraps it).
   */
  static Summary implicitCanonical(RecordDeclaration record) {
    List<Summary.ParamFate> params = new ArrayList<>(record.getParameters().size());
    for (Parameter p : record.getParameters()) {
      params.add(p.getType().isPrimitiveType() ? Summary.ParamFate.NONE : new Summary.ParamFate(Summary.Fate.WRAPPED, false));
    }
    return new Summary(params, Summary.Result.NONE);
  }

  // ---- parameters ----

  private List<Summary.ParamFate> parameters() {
    List<Summary.ParamFate> out = new ArrayList<>(body.parameters().size());
    BitSet atExit = index.isEmpty() ? new BitSet() : intactAtExit();
    Set<Variable> wrapped = index.isEmpty() ? Set.of() : wrappedByEveryReturn();
    for (Variable p : body.parameters()) {
      Integer i = index.get(p);
      if (i == null) {
        out.add(Summary.ParamFate.NONE);
      } else if (effects.get(i).isEmpty() && wrapped.contains(p)) {
        // Left alone but for the new object every return gives back, which wraps it (decision 239).
        out.add(new Summary.ParamFate(Summary.Fate.WRAPPED, false));
      } else if (effects.get(i).isEmpty() && closesEachElement(p)) {
        // `close(Closeable... cs) { for (Closeable c : cs) c.close(); }` (decision 302).
        out.add(new Summary.ParamFate(Summary.Fate.CONSUMED, true).closingOnly(true));
        continue;
      } else if (atExit.get(i)) {
        // Untouched on some path: taken on others is "sometimes", else nothing at all.
        Set<Effect> seen = effects.get(i);
        out.add(seen.isEmpty() || seen.contains(Effect.OTHER) ? Summary.ParamFate.NONE : new Summary.ParamFate(Summary.Fate.SOMETIMES, false));
      } else {
        out.add(fate(effects.get(i)));
      }
      if (i != null && closesOnly(p)) {
        out.set(out.size() - 1, out.get(out.size() - 1).closingOnly(true));
      }
    }
    return out;
  }

  /**
   * Whether a parameter holding resources is there only to be closed, element by element: a
   * for-each loop over it closes (or hands to a method that closes) its variable, and the loop
   * variable is neither kept nor handed on (decision 302). Each argument of a call is an element,
   * so each is closed: {@code IOHelper.close(isr, in)}. Also an array or a collection, its loop
   * variable a resource or an {@code Object} closed after {@code instanceof} (htsjdk's {@code
   * CloserUtil.close(List<?> objs)}, decision 319): a caller's {@code close(Arrays.asList(in))}
   * closes {@code in}.
   */
  private boolean closesEachElement(Variable p) {
    if (file == null || !(p.declaration() instanceof Parameter param) || !file.holdsElements(param)) {
      return false;
    }
    boolean closed = false;
    for (ForEachStmt loop : body.declaration().findAll(ForEachStmt.class)) {
      if (!(AstNodes.unwrap(loop.getIterable()) instanceof NameExpr name) || body.resolve(name) != p) {
        continue;
      }
      if (!file.mayHoldResource(loop.getVariable().getElementType(), loop)) {
        return false;
      }
      VariableDeclarator element = loop.getVariable().getVariables().get(0);
      for (CfgNode node : body.cfg().nodes()) {
        for (Event e : facts.events(node)) {
          if (e.place() == null || e.place().declaration() != element) {
            continue;
          }
          if (e instanceof Event.Move m) {
            MoveCause.Kind k = m.cause().kind();
            if (k != MoveCause.Kind.CONSUMED && k != MoveCause.Kind.CLOSED_WITH) {
              return false;
            }
            closed = true;
          } else if (e instanceof Event.Escape || e instanceof Event.HandedOn) {
            return false;
          }
        }
      }
    }
    return closed;
  }

  /**
   * The parameters that the new object of every {@code return} wraps as resources (decision 239):
   * {@code return new Frame(key, content)}, or a fresh local holding it.
   */
  private Set<Variable> wrappedByEveryReturn() {
    if (file == null || !(body.declaration() instanceof MethodDeclaration)) {
      return Set.of();
    }
    Set<Variable> common = null;
    for (ReturnedValue r : facts.returned()) {
      if (!analyses.isReachable(r.node()) || r.kind() == ReturnedValue.Kind.NULL) {
        continue;
      }
      if (!(r.node().value() instanceof Expression value)) {
        return Set.of();
      }
      Set<Variable> here = Collections.newSetFromMap(new IdentityHashMap<>());
      here.addAll(file.parametersWrappedBy(value));
      if (common == null) {
        common = here;
      } else {
        common.retainAll(here);
      }
      if (common.isEmpty()) {
        return Set.of();
      }
    }
    return common == null ? Set.of() : common;
  }

  /**
   * Whether all the body does with the parameter is close it (idempotently, or by an operation
   * that works on a closed or consumed value), here or in the lambdas and anonymous classes that
   * capture it ({@code return () -> { a.close(); b.close(); }}): the call does not use the value,
   * so handing it one that is already consumed is no use after move (decision 151).
   */
  private boolean closesOnly(Variable p) {
    boolean closed = false;
    List<BodyFacts> where = new ArrayList<>(2);
    where.add(facts);
    if (file != null) {
      for (Body b : file.capturing(p)) {
        where.add(file.of(b));
      }
    }
    for (BodyFacts f : where) {
      boolean own = f == facts;
      for (CfgNode node : f.body().cfg().nodes()) {
        for (Event e : f.events(node)) {
          if (e.place() != p) {
            continue;
          }
          if (e instanceof Event.Move m) {
            MoveCause.Kind k = m.cause().kind();
            if (k == MoveCause.Kind.CAPTURE && own) {
              continue;
            }
            if ((k == MoveCause.Kind.CONSUMED || k == MoveCause.Kind.CLOSED_WITH) && m.cause().idempotent()) {
              closed = true;
              continue;
            }
            return false;
          } else if (e instanceof Event.Use u) {
            if (!(u.kind().isIdempotentRelease() || f.worksWhenClosed(u) || (own && createsCapture(u.at())))) {
              return false;
            }
          } else if (e instanceof Event.Escape esc) {
            if (esc.capture() == null || !own) {
              return false;
            }
          } else if (!(e instanceof Event.Operand || e instanceof Event.StorageDead)) {
            return false;
          }
        }
      }
    }
    return closed;
  }

  /** Whether the node creates (or lies in) a lambda, method reference or anonymous class. */
  private static boolean createsCapture(Node at) {
    for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr
          || n instanceof MethodReferenceExpr
          || (n instanceof ObjectCreationExpr c && c.getAnonymousClassBody().isPresent())) {
        return true;
      }
      if (n instanceof Statement) {
        return false;
      }
    }
    return false;
  }

  /**
   * The parameters that may reach the exit untouched (a bit each, set while intact). A second bit
   * per parameter says that, on some path, the name was given a new value after the incoming one
   * was taken (decision 243): where no path still holds the incoming value, what is done to the
   * name is done to another value, and says nothing about the parameter.
   */
  private BitSet intactAtExit() {
    BitSet normal = reachingTheExit();
    BitSet entry = new BitSet();
    int rebound = effects.size();
    entry.set(0, rebound);
    Set<Event> rewrapping = rebindingsToItself();
    TransferFunction<BitSet> transfer =
        (node, state) -> {
          Variable holdsNothing = facts.conditions().holdingNothingOn(node);
          Integer n = holdsNothing == null ? null : index.get(holdsNothing);
          if (n != null) {
            state.clear(n); // a path on which the parameter is null (or a shared constant) is ignored
          }
          for (Event e : facts.events(node)) {
            Integer i = index.get(e.place());
            Effect effect = i == null ? null : effectOf(e);
            if (effect == null || rewrapping.contains(e)) {
              continue; // `in = new BufferedInputStream(in)`: still the caller's value (decision 282)
            }
            if (!state.get(i) && (state.get(rebound + i) || e instanceof Event.Reinit)) {
              state.set(rebound + i); // the incoming value was taken on every path: a new value now
              continue;
            }
            state.clear(i);
            if (normal.get(node.id())) {
              effects.get(i).add(effect); // what a path that ends in a throw does says nothing
            }
          }
        };
    // The default exceptional effect is the node's whole effect: a consuming call that throws
    // counts as done, for inference. The paths are the leak check's: a handler it never enters
    // (`catch (Exception e)` around code that throws nothing checked) is no path on which the
    // helper leaves the value to its caller.
    DataflowResults<BitSet> results = analyses.solveForward(entry, transfer, analyses.leakPaths().follows());
    BitSet atExit = results.inputOf(body.cfg().exit());
    return atExit == null ? entry : atExit.get(0, rebound);
  }

  /**
   * The rebindings of a parameter to a handle on its own value ({@code in = new
   * BufferedInputStream(in)}): still the caller's value (decision 282). Found once, not on every
   * pass of the dataflow.
   */
  private Set<Event> rebindingsToItself() {
    Set<Event> out = Collections.newSetFromMap(new IdentityHashMap<>());
    if (file == null) {
      return out;
    }
    for (CfgNode node : body.cfg().nodes()) {
      for (Event e : facts.events(node)) {
        if (e instanceof Event.Reinit && index.containsKey(e.place()) && file.rebindsToItself(node, e.place())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** The nodes from which the normal exit can be reached: those on some normal path. */
  private BitSet reachingTheExit() {
    BitSet seen = new BitSet();
    java.util.ArrayDeque<CfgNode> work = new java.util.ArrayDeque<>();
    CfgNode exit = body.cfg().exit();
    seen.set(exit.id());
    work.add(exit);
    while (!work.isEmpty()) {
      for (Edge edge : work.poll().predecessors()) {
        if (!seen.get(edge.from())) {
          seen.set(edge.from());
          work.add(body.cfg().node(edge.from()));
        }
      }
    }
    return seen;
  }

  private Effect effectOf(Event e) {
    if (e instanceof Event.Move m) {
      MoveCause c = m.cause();
      return switch (c.kind()) {
        case CONSUMED, CLOSED_BY_TRY, CLOSED_WITH -> c.idempotent() ? Effect.CONSUMED_IDEMPOTENTLY : Effect.CONSUMED;
        // An @Owned field is an @Owned place.
        case OWNED_ARGUMENT, FIELD_STORE -> Effect.OWNED;
        case CAPTURE -> Effect.KEPT;
        case RETURN, ASSIGNMENT -> Effect.OTHER;
        // What a return hands over is read from its escapes (decision 120); the handover only
        // forbids closing it afterwards (decision 220).
        case HANDED_TO_CALLER -> null;
      };
    }
    if (e instanceof Event.Escape esc && !esc.borrowed()) {
      return switch (esc.sink()) {
        // Captured by the anonymous class returned, whose own close() closes it: the class wraps
        // it (decision 356), read from every return with the other wrappers.
        case RETURN -> esc.capture() != null && wrappedByCapture(esc) ? null : Effect.OTHER;
        // A field keeps what it is given (D23); the object a constructor builds wraps it; a field
        // declared @Owned owns it (an @Owned place, decision 120).
        case FIELD -> esc.capture() != null ? Effect.KEPT
            : file != null && file.storesIntoOwnedField(esc.at()) ? Effect.OWNED
            : !isConstructor() ? Effect.KEPT
            : file == null ? Effect.WRAPPED
            : switch (file.constructorStore(esc.at(), esc.place())) {
                case WRAPS -> Effect.WRAPPED;
                // A class whose close() leaves the field open only uses what it stores (decision 283).
                case USES -> Effect.OTHER;
                // Nothing can end it but its own release method, or it keeps the field only to
                // close it: it keeps the resource, as a setter's field does (decisions 285, 288).
                case KEEPS -> Effect.KEPT;
              };
        case ARRAY, RETAINED -> Effect.KEPT;
        case OWNED -> Effect.OWNED;
      };
    }
    if (e instanceof Event.HandedOn h) {
      return switch (h.how()) {
        case GUESSED -> Effect.KEPT;
        // Passed on to a body that sometimes takes it: so does this one (decision 272).
        case SOMETIMES_TAKEN -> Effect.SOMETIMES;
        case OWNED -> Effect.OWNED;
      };
    }
    if (e instanceof Event.Reinit) {
      return Effect.OTHER; // the parameter no longer holds what the caller gave
    }
    return null;
  }

  private boolean wrappedByCapture(Event.Escape esc) {
    return file != null
        && esc.construct() instanceof ObjectCreationExpr o
        && o.getAnonymousClassBody().isPresent()
        && closedByCapture.computeIfAbsent(o, file::parametersWrappedBy).contains(esc.place());
  }

  /** What each returned anonymous class closes, read once rather than on every dataflow pass. */
  private final Map<ObjectCreationExpr, List<Variable>> closedByCapture = new IdentityHashMap<>();

  /** One kind of effect on every path, or nothing: where paths disagree nothing is inferred. */
  private static Summary.ParamFate fate(Set<Effect> seen) {
    if (seen.isEmpty() || seen.contains(Effect.OTHER)) {
      return Summary.ParamFate.NONE;
    }
    if (seen.equals(EnumSet.of(Effect.CONSUMED_IDEMPOTENTLY))) {
      return new Summary.ParamFate(Summary.Fate.CONSUMED, true);
    }
    if (seen.stream().allMatch(e -> e == Effect.CONSUMED || e == Effect.CONSUMED_IDEMPOTENTLY)) {
      return new Summary.ParamFate(Summary.Fate.CONSUMED, false);
    }
    if (seen.equals(EnumSet.of(Effect.OWNED))) {
      return new Summary.ParamFate(Summary.Fate.OWNED, false);
    }
    if (seen.equals(EnumSet.of(Effect.KEPT))) {
      return new Summary.ParamFate(Summary.Fate.KEPT, false);
    }
    if (seen.equals(EnumSet.of(Effect.WRAPPED))) {
      return new Summary.ParamFate(Summary.Fate.WRAPPED, false);
    }
    return new Summary.ParamFate(Summary.Fate.SOMETIMES, false); // taken on every path, in different ways
  }

  private boolean isStatic() {
    return body.declaration() instanceof MethodDeclaration m && m.isStatic();
  }

  private boolean isConstructor() {
    return body.declaration() instanceof ConstructorDeclaration;
  }

  // ---- the result ----

  private Summary.Result result() {
    if (!(body.declaration() instanceof MethodDeclaration)) {
      return Summary.Result.NONE;
    }
    Summary.Result.Kind kind = null;
    boolean mustRelease = false;
    boolean collected = true;
    String from = null;
    Obligations obligations = null;
    for (ReturnedValue r : facts.returned()) {
      if (!analyses.isReachable(r.node()) || r.kind() == ReturnedValue.Kind.NULL) {
        continue;
      }
      Summary.Result one;
      if (keptByReceiver(r)) {
        // A new object the receiver keeps is part of it: the result borrows from the receiver
        // (Rust's `self.items.push(x); self.items.last()`), and is no fresh owner (decision 180).
        one = new Summary.Result(Summary.Result.Kind.BORROWED, false, null);
      } else if (r.kind() == ReturnedValue.Kind.IMPLEMENTATION) {
        return Summary.Result.NONE; // worked with through the sources' own implementation (decision 150)
      } else if (r.kind() == ReturnedValue.Kind.FRESH) {
        // A heap buffer, or a message made around heap buffers only, holds nothing the caller
        // must release (decision 345): said of the result when every return says it.
        boolean heap = r.node().value() instanceof Expression value && file.collectedWhenDropped(value);
        one = new Summary.Result(Summary.Result.Kind.OWNED, r.mustRelease(), null, heap);
      } else if (r.kind() == ReturnedValue.Kind.RECEIVER_HANDLE) {
        one = isStatic() ? Summary.Result.NONE : new Summary.Result(Summary.Result.Kind.RECEIVER_HANDLE, false, null);
      } else if (r.kind() == ReturnedValue.Kind.WRAPPER) {
        // A view: it borrows what it wraps (Rust's struct holding a reference).
        one =
            r.place() == null && isStatic()
                ? Summary.Result.NONE
                : new Summary.Result(Summary.Result.Kind.BORROWED, false, r.place() == null ? null : r.place().name());
      } else if (r.kind() == ReturnedValue.Kind.PLACE && r.place().isField()) {
        // A getter gives the field's place itself (D23), no shared borrow of the receiver: what
        // is done through it is done to the field (decision 141). Only a field of the method's
        // own class (not `Outer.this.f`, not a static one).
        one =
            !r.place().isStatic() && !r.place().isPath() && declaredInOwnClass(r.place())
                ? new Summary.Result(Summary.Result.Kind.FIELD, false, r.place().name())
                : Summary.Result.NONE;
      } else if (r.kind() == ReturnedValue.Kind.PLACE) {
        if (obligations == null) {
          obligations = facts.obligations();
        }
        Obligations.Obligation o = obligations.of(r.place());
        if (o != null) {
          // An owner returned gives its value away only if it holds one of its own there: not a
          // value it read from an array or a field, nor one it already stored elsewhere
          // (`comp = new Component(b); buffers[i] = comp; return comp;` returns a kept value).
          java.util.BitSet before = analyses.maybeLeaked().before(r.node());
          one =
              before != null && analyses.maybeLeaked().mayHoldUnreleased(before, o)
                  ? new Summary.Result(Summary.Result.Kind.OWNED, o.closeOnly(), null)
                  : Summary.Result.NONE;
        } else {
          one = borrowedAt(r);
        }
      } else {
        one = borrowedAt(r);
      }
      if (one.kind() == Summary.Result.Kind.NONE
          || (kind != null
              && (kind != one.kind()
                  || ((kind == Summary.Result.Kind.BORROWED || kind == Summary.Result.Kind.FIELD)
                      && !java.util.Objects.equals(from, one.from()))))) {
        return Summary.Result.NONE;
      }
      kind = one.kind();
      mustRelease |= one.mustRelease();
      collected &= one.collectedWhenDropped();
      from = one.from();
    }
    return kind == null ? Summary.Result.NONE : new Summary.Result(kind, mustRelease, from, collected && kind == Summary.Result.Kind.OWNED);
  }

  /**
   * Whether the {@code return} gives back a local holding a new object made here that, on every
   * path to the {@code return}, the receiver keeps after it got its value: stored in a field of
   * this object, in an array such a field holds, or handed to a {@code @Retained} parameter of a
   * call on such a field ({@code Segment s = new Segment(n); segments.add(s); return s;}).
   */
  private boolean keptByReceiver(ReturnedValue r) {
    Variable v = r.place();
    if ((r.kind() != ReturnedValue.Kind.FRESH && r.kind() != ReturnedValue.Kind.PLACE)
        || v == null
        || isStatic()
        || file == null
        || !file.isFreshLocal(v)) {
      return false;
    }
    // One bit: the local may hold a value the receiver does not keep (yet).
    BitSet entry = new BitSet();
    entry.set(0);
    TransferFunction<BitSet> transfer =
        (node, state) -> {
          for (Event e : facts.events(node)) {
            if (e.place() != v) {
              continue;
            }
            if (e instanceof Event.Reinit) {
              state.set(0);
            } else if (e instanceof Event.Escape esc && !esc.borrowed() && esc.capture() == null && file.keptByReceiver(esc)) {
              state.clear(0);
            }
          }
        };
    BitSet before = analyses.solveForward(entry, transfer, EventwiseAnalysis::anyEdge).inputOf(r.node());
    return before != null && !before.get(0);
  }

  /** Whether a field is declared by the class whose method is being summarised. */
  private boolean declaredInOwnClass(Variable field) {
    Node d = field.declaration();
    Node declaring = d.getParentNode().orElse(null);
    if (declaring instanceof FieldDeclaration) {
      declaring = declaring.getParentNode().orElse(null);
    }
    return declaring != null && declaring == body.declaration().getParentNode().orElse(null);
  }

  /**
   * A {@code return} of a borrow: of one parameter, or of the receiver (a field); else none. The
   * borrowed places are what the facts say the returned value depends on.
   */
  private Summary.Result borrowedAt(ReturnedValue r) {
    Variable source = null;
    boolean any = false;
    for (Event e : facts.events(r.node())) {
      if (e instanceof Event.Escape esc && esc.sink() == Event.Sink.RETURN) {
        if (!esc.borrowed()) {
          if (esc.place().isParameter() || esc.place().isField()) {
            return Summary.Result.NONE; // the caller's own value, or a field's: no borrow of it
          }
          continue; // a local holding the borrow: what it borrows from escapes beside it
        }
        Variable root = esc.place();
        if (root.isPath()) {
          return Summary.Result.NONE; // a field of another object: not the receiver's
        }
        Variable owner = root.isField() ? null : root;
        if (!root.isField() && !root.isParameter()) {
          return Summary.Result.NONE; // borrows from a local: not the caller's business
        }
        if (any && source != owner) {
          return Summary.Result.NONE;
        }
        source = owner;
        any = true;
      }
    }
    if (!any) {
      return Summary.Result.NONE;
    }
    return new Summary.Result(Summary.Result.Kind.BORROWED, false, source == null ? null : source.name());
  }

  /** A summary's contract in terms of the declared one. */
  static MethodContract.ParamMode modeOf(Summary.ParamFate f) {
    return switch (f.fate()) {
      case CONSUMED -> MethodContract.ParamMode.CONSUMES;
      case OWNED -> MethodContract.ParamMode.OWNED;
      case KEPT -> MethodContract.ParamMode.RETAINED;
      case WRAPPED -> MethodContract.ParamMode.ALIAS;
      case SOMETIMES -> MethodContract.ParamMode.SOMETIMES_TAKEN;
      case NONE -> MethodContract.ParamMode.NONE;
    };
  }
}
