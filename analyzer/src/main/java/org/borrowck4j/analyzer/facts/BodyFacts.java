package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;

/**
 * The ownership facts of one body, gathered once: the events of each CFG node in order, every
 * move (rustc's {@code MoveData}: move-outs numbered, and the move-outs of each place), every loan
 * and what holds it (rustc's {@code BorrowSet}), what its conditions tell, and what its variables
 * are. Everything the analyses and checks know about the code is here, as typed values: they do
 * not go back to the syntax tree. Facts that only some checks need (obligations, dropped results,
 * calls that never return) are gathered on first request.
 */
public final class BodyFacts {
  /**
   * What the facts say about variables and the body's declaration, answered on demand.
   *
   * @param droppable whether the end of a variable's scope drops its value (DESIGN.md, scope ends)
   * @param borrowedParameter whether a variable is a parameter lent for the call ({@code
   *     @Borrowed}/{@code @Mut})
   * @param returnMode what the body's method declares its result to be
   */
  public record Declarations(
      Predicate<Variable> droppable, Predicate<Variable> borrowedParameter, MethodContract.ReturnMode returnMode) {
    public static final Declarations NONE = new Declarations(v -> false, v -> false, MethodContract.ReturnMode.NONE);
  }

  /**
   * What a use of a value does with it, when a closed or consumed value is used (D21): whether
   * the operation needs the resource open ({@code in.read()} after {@code in.close()}), and
   * whether a model says it works on a closed or consumed value ({@code stream.isParallel()}).
   * Answered on demand: only uses after a consumption ask. For a capture (creating a lambda or
   * an anonymous class), the uses its body makes of the captured value (decision 265).
   */
  public record UseMeanings(
      Predicate<Event.Use> needsOpen,
      Predicate<Event.Use> worksWhenClosed,
      Function<Event.Use, List<Event.Use>> usesInCapture) {
    public static final UseMeanings NONE = new UseMeanings(u -> false, u -> false, u -> null);
  }

  private final Body body;
  private final List<List<Event>> eventsByNode;
  private final List<Event.Move> moves = new ArrayList<>();
  private final Map<Variable, List<Event.Move>> movesByPlace = new IdentityHashMap<>(4);
  private final List<Variable> movedPlaces = new ArrayList<>();
  private final List<Loan> loans;
  private final List<Holder> holders;
  private final Map<Loan, Set<Holder>> holdersOfLoan;
  private final Map<Variable, Set<Loan>> held = new IdentityHashMap<>(4);
  private final Map<Variable, Holder> holderOfVariable = new IdentityHashMap<>(4);
  // Loans by the places that matter to them (rustc's BorrowSet::local_map), so that a transfer
  // function touches the loans of one place, not every loan of the body.
  private final Map<Variable, BitSet> loansOnRoot = new IdentityHashMap<>(4);
  private final Map<Variable, BitSet> loansEndedBy = new IdentityHashMap<>(4);
  private final Map<Variable, BitSet> loansSolelyHeldBy = new IdentityHashMap<>(4);
  private final BitSet[] loansOfHolder;
  private final Conditions conditions;
  private final Declarations declarations;
  private final UseMeanings useMeanings;
  private final Predicate<com.github.javaparser.ast.stmt.CatchClause> expectedFailure;
  private final Lazy<BitSet> noReturnCalls;
  private final Lazy<BitSet> noThrowCalls;
  private final Lazy<Set<Edge>> closedHandlerEdges;
  private final Lazy<Set<Edge>> guessedHandlerEdges;
  private final Lazy<Obligations> obligations;
  private final Lazy<List<DroppedResult>> droppedResults;
  private final Lazy<List<FieldLeftOpen>> fieldsLeftOpen;
  private final List<ReturnedValue> returned;
  private final Map<Node, MethodContract> inferredCalls;
  private final List<InPlaceChange> inPlaceChanges;
  private final Set<Variable> givenToUnfollowedCode;

  private BodyFacts(Builder b) {
    this.body = b.body;
    this.eventsByNode = b.events;
    this.loans = List.copyOf(b.loans);
    this.holders = List.copyOf(b.holders);
    this.holdersOfLoan = b.holdersOfLoan;
    this.held.putAll(b.held);
    this.conditions = b.conditions;
    this.declarations = b.declarations;
    this.useMeanings = b.useMeanings;
    this.expectedFailure = b.expectedFailure;
    this.noReturnCalls = new Lazy<>(b.noReturnCalls);
    this.noThrowCalls = new Lazy<>(b.noThrowCalls);
    this.closedHandlerEdges = new Lazy<>(b.closedHandlerEdges);
    this.guessedHandlerEdges = new Lazy<>(b.guessedHandlerEdges);
    java.util.function.Function<BodyFacts, Obligations> findObligations = b.obligations;
    this.obligations = new Lazy<>(() -> findObligations.apply(this));
    this.droppedResults = new Lazy<>(b.droppedResults);
    this.fieldsLeftOpen = new Lazy<>(b.fieldsLeftOpen);
    this.returned = List.copyOf(b.returned);
    this.inferredCalls = b.inferredCalls;
    this.inPlaceChanges = List.copyOf(b.inPlaceChanges);
    this.givenToUnfollowedCode = b.givenToUnfollowedCode;
    this.loansOfHolder = new BitSet[holders.size()];
    for (Holder h : holders) {
      loansOfHolder[h.index()] = new BitSet();
      if (h.variable() != null) {
        holderOfVariable.putIfAbsent(h.variable(), h);
      }
    }
    for (Loan l : this.loans) {
      loansOnRoot.computeIfAbsent(l.root(), v -> new BitSet()).set(l.index());
      loansEndedBy.computeIfAbsent(l.root(), v -> new BitSet()).set(l.index());
      for (Variable v : l.through()) {
        loansEndedBy.computeIfAbsent(v, k -> new BitSet()).set(l.index());
      }
      Set<Holder> hs = holdersOf(l);
      for (Holder h : hs) {
        loansOfHolder[h.index()].set(l.index());
      }
      if (hs.size() == 1 && hs.iterator().next().variable() != null) {
        loansSolelyHeldBy.computeIfAbsent(hs.iterator().next().variable(), v -> new BitSet()).set(l.index());
      }
    }
    for (List<Event> events : eventsByNode) {
      for (Event e : events) {
        if (e instanceof Event.Move m) {
          if (m.index() != moves.size()) {
            throw new IllegalArgumentException("moves must be numbered in node order: " + m);
          }
          moves.add(m);
          movesByPlace
              .computeIfAbsent(
                  m.place(),
                  p -> {
                    movedPlaces.add(p);
                    return new ArrayList<>();
                  })
              .add(m);
        }
      }
    }
  }

  public Body body() {
    return body;
  }

  /** The events of a node, in the order they happen. */
  public List<Event> events(CfgNode node) {
    return eventsByNode.get(node.id());
  }

  /** Every move and consumption in the body, indexed by {@link Event.Move#index()}. */
  public List<Event.Move> moves() {
    return moves;
  }

  /** The moves out of one place. */
  public List<Event.Move> movesOf(Variable place) {
    return movesByPlace.getOrDefault(place, List.of());
  }

  /** The places something moves out of, in order of their first move. */
  public List<Variable> movedPlaces() {
    return Collections.unmodifiableList(movedPlaces);
  }

  /** Every loan of the body, indexed by {@link Loan#index()}. */
  public List<Loan> loans() {
    return loans;
  }

  /** Every holder of a loan, indexed by {@link Holder#index()}. */
  public List<Holder> holders() {
    return holders;
  }

  /** What keeps a loan alive. */
  public Set<Holder> holdersOf(Loan loan) {
    return holdersOfLoan.getOrDefault(loan, Set.of());
  }

  /** The loans a variable holds. */
  public Set<Loan> heldBy(Variable v) {
    return held.getOrDefault(v, Set.of());
  }

  /** The holder a variable is, or null. */
  public Holder holderOf(Variable v) {
    return holderOfVariable.get(v);
  }

  private static final BitSet NONE = new BitSet();

  /** The loans borrowing from a place (read-only). */
  public BitSet loansOn(Variable root) {
    return loansOnRoot.getOrDefault(root, NONE);
  }

  /**
   * The loans that moving, consuming or dropping a place ends: those on it and those taken
   * through it ({@link Loan#dependsOn}); read-only.
   */
  public BitSet loansEndedBy(Variable place) {
    return loansEndedBy.getOrDefault(place, NONE);
  }

  /** The loans whose only holder is a variable: a new value or its scope's end ends them; read-only. */
  public BitSet loansSolelyHeldBy(Variable v) {
    return loansSolelyHeldBy.getOrDefault(v, NONE);
  }

  /** The loans kept alive by any of the given holders (bits are holder indexes). */
  public BitSet loansHeldByAny(BitSet holderSet) {
    BitSet out = new BitSet();
    for (int h = holderSet.nextSetBit(0); h >= 0 && h < loansOfHolder.length; h = holderSet.nextSetBit(h + 1)) {
      out.or(loansOfHolder[h]);
    }
    return out;
  }

  /** What the body's conditions tell: boolean flags tested, values known to be null. */
  public Conditions conditions() {
    return conditions;
  }

  /**
   * Whether a catch clause handles a failure the code expects (a checked exception), rather than
   * guarding against bugs ({@code catch (Throwable t)}); true for any node that enters no clause.
   */
  public boolean catchesExpectedFailure(CfgNode handlerEntry) {
    return !(handlerEntry.ast() instanceof com.github.javaparser.ast.stmt.CatchClause c) || expectedFailure.test(c);
  }

  /**
   * The parameter of the catch clause an exception edge leads to (D9: each node that throws has
   * its own edge towards each clause around it), or null for an edge that leaves the body or is
   * no exception.
   */
  public Node caughtBy(Edge e) {
    com.github.javaparser.ast.stmt.CatchClause c =
        e.kind() == Edge.Kind.EXCEPTION ? body.cfg().handlerReachedAt(e.to()) : null;
    return c == null ? null : c.getParameter();
  }

  /** Whether the end of the variable's scope drops its value (DESIGN.md, scope ends). */
  public boolean isDroppable(Variable v) {
    return declarations.droppable().test(v);
  }

  /** Whether the variable is a parameter lent for the call ({@code @Borrowed}/{@code @Mut}). */
  public boolean isBorrowedParameter(Variable v) {
    return declarations.borrowedParameter().test(v);
  }

  /** What the body's method declares its result to be. */
  public MethodContract.ReturnMode declaredReturnMode() {
    return declarations.returnMode();
  }

  /** Whether the use is an operation that needs the resource open (D21). */
  public boolean needsOpen(Event.Use use) {
    return useMeanings.needsOpen().test(use);
  }

  /** Whether a model says the use works on a closed or consumed value (D21). */
  public boolean worksWhenClosed(Event.Use use) {
    return useMeanings.worksWhenClosed().test(use);
  }

  /**
   * Whether a use of a borrow's holder needs what the holder borrows: closing the holder again
   * when that is harmless ({@code rs.close()} after its statement closed it, D5) does not, nor does
   * an operation that works on a closed value ({@code rs.isClosed()}, D21, decision 352). Such a
   * use keeps no loan alive and outlives no owner.
   */
  public boolean needsBorrowedValue(Event.Use use) {
    return !use.kind().isIdempotentRelease() && !worksWhenClosed(use);
  }

  /**
   * For the use a capture makes (creating a lambda or an anonymous class reads what it captures,
   * D14), the uses of the captured value in the captured bodies: the capture reads the value the
   * way they do (decision 265). Null for a use that is no capture, or whose uses are not all known
   * (it is then a plain read).
   */
  public List<Event.Use> usesInCapture(Event.Use use) {
    return useMeanings.usesInCapture().apply(use);
  }

  /** The nodes (by id) that call a method that never returns normally. */
  public BitSet noReturnCalls() {
    return noReturnCalls.get();
  }

  /** The nodes (by id) that call a method that reports failure otherwise than by throwing (decision 154). */
  public BitSet noThrowCalls() {
    return noThrowCalls.get();
  }

  /**
   * The exception edges into a catch clause that the node they leave cannot throw into (D9): a
   * call declared to throw nothing the clause catches, into a clause of a checked exception. By
   * identity.
   */
  public Set<Edge> closedHandlerEdges() {
    return closedHandlerEdges.get();
  }

  /**
   * The exception edges into a clause of checked exceptions from code whose declaration says
   * nothing of what it throws (no declaration, a silent model): open, on a guess. By identity.
   */
  public Set<Edge> guessedHandlerEdges() {
    return guessedHandlerEdges.get();
  }

  /** The owners that must be released (D11), and where they take a value on. */
  public Obligations obligations() {
    return obligations.get();
  }

  /** Must-release values that calls return and nobody keeps. */
  public List<DroppedResult> droppedResults() {
    return droppedResults.get();
  }

  /** Stores opening a value to release into a field its class never releases (decision 312). */
  public List<FieldLeftOpen> fieldsLeftOpen() {
    return fieldsLeftOpen.get();
  }

  /** What each {@code return} gives back (D23 inference reads it). */
  public List<ReturnedValue> returned() {
    return returned;
  }

  /**
   * The calls whose contract was inferred from the callee's body (D23), with that contract: a
   * diagnostic that points at one says so.
   */
  public Map<Node, MethodContract> inferredCalls() {
    return inferredCalls;
  }

  /** Structural changes made by lambdas that calls of this body run in place (D22). */
  public List<InPlaceChange> inPlaceChanges() {
    return inPlaceChanges;
  }

  /**
   * The parameters that may hold a value to release which this body hands, as they are or inside
   * a wrapper it makes, to code whose effect on them is not followed (decision 305): a body that
   * does so does more than read them, whatever its summary says.
   */
  public Set<Variable> givenToUnfollowedCode() {
    return givenToUnfollowedCode;
  }

  /** Assembles the facts of a body: the facts builder's output, or facts written by hand in tests. */
  public static Builder builder(Body body) {
    return new Builder(body);
  }

  public static final class Builder {
    private final Body body;
    private final List<List<Event>> events;
    private final List<Loan> loans = new ArrayList<>();
    private final List<Holder> holders = new ArrayList<>();
    private final Map<Loan, Set<Holder>> holdersOfLoan = new LinkedHashMap<>();
    private final Map<Variable, Set<Loan>> held = new IdentityHashMap<>(4);
    private Conditions conditions = Conditions.NONE;
    private Declarations declarations = Declarations.NONE;
    private UseMeanings useMeanings = UseMeanings.NONE;
    private Predicate<com.github.javaparser.ast.stmt.CatchClause> expectedFailure = c -> false;
    private Supplier<BitSet> noReturnCalls = BitSet::new;
    private Supplier<BitSet> noThrowCalls = BitSet::new;
    private Supplier<Set<Edge>> closedHandlerEdges = Set::of;
    private Supplier<Set<Edge>> guessedHandlerEdges = Set::of;
    private java.util.function.Function<BodyFacts, Obligations> obligations = facts -> Obligations.NONE;
    private Supplier<List<DroppedResult>> droppedResults = List::of;
    private Supplier<List<FieldLeftOpen>> fieldsLeftOpen = List::of;
    private List<ReturnedValue> returned = List.of();
    private Map<Node, MethodContract> inferredCalls = Map.of();
    private List<InPlaceChange> inPlaceChanges = List.of();
    private Set<Variable> givenToUnfollowedCode = Set.of();

    private Builder(Body body) {
      this.body = body;
      this.events = new ArrayList<>(Collections.nCopies(body.cfg().size(), List.of()));
    }

    /** The events of a node, in the order they happen (moves numbered in node order). */
    public Builder events(CfgNode node, List<Event> nodeEvents) {
      events.set(node.id(), nodeEvents.isEmpty() ? List.of() : List.copyOf(nodeEvents));
      return this;
    }

    /** A loan (numbered in order of creation) and what holds it (holders numbered likewise). */
    public Builder loan(Loan loan, Holder... heldBy) {
      if (loan.index() != loans.size()) {
        throw new IllegalArgumentException("loans must be numbered in order: " + loan);
      }
      loans.add(loan);
      for (Holder h : heldBy) {
        hold(loan, h);
      }
      return this;
    }

    /**
     * A holder of a loan already added. The order of the calls is kept: it is the order in which
     * a variable's loans are visited.
     */
    public Builder hold(Loan loan, Holder holder) {
      if (holder.index() == holders.size()) {
        holders.add(holder);
      } else if (holder.index() > holders.size() || holders.get(holder.index()) != holder) {
        throw new IllegalArgumentException("holders must be numbered in order: " + holder);
      }
      holdersOfLoan.computeIfAbsent(loan, k -> new LinkedHashSet<>()).add(holder);
      if (holder.variable() != null) {
        held.computeIfAbsent(holder.variable(), k -> new LinkedHashSet<>()).add(loan);
      }
      return this;
    }

    public Builder conditions(Conditions c) {
      this.conditions = c;
      return this;
    }

    public Builder declarations(Declarations d) {
      this.declarations = d;
      return this;
    }

    public Builder expectedFailures(Predicate<com.github.javaparser.ast.stmt.CatchClause> p) {
      this.expectedFailure = p;
      return this;
    }

    public Builder useMeanings(UseMeanings u) {
      this.useMeanings = u;
      return this;
    }

    public Builder noReturnCalls(Supplier<BitSet> nodes) {
      this.noReturnCalls = nodes;
      return this;
    }

    public Builder noThrowCalls(Supplier<BitSet> nodes) {
      this.noThrowCalls = nodes;
      return this;
    }

    public Builder guessedHandlerEdges(Supplier<Set<Edge>> edges) {
      this.guessedHandlerEdges = edges;
      return this;
    }

    public Builder closedHandlerEdges(Supplier<Set<Edge>> edges) {
      this.closedHandlerEdges = edges;
      return this;
    }

    /** The obligations, found on first request from the facts built. */
    public Builder obligations(java.util.function.Function<BodyFacts, Obligations> o) {
      this.obligations = o;
      return this;
    }

    public Builder droppedResults(Supplier<List<DroppedResult>> d) {
      this.droppedResults = d;
      return this;
    }

    public Builder fieldsLeftOpen(Supplier<List<FieldLeftOpen>> f) {
      this.fieldsLeftOpen = f;
      return this;
    }

    public Builder returned(List<ReturnedValue> values) {
      this.returned = values;
      return this;
    }

    public Builder inferredCall(Node call, MethodContract contract) {
      if (inferredCalls.isEmpty()) {
        inferredCalls = new IdentityHashMap<>();
      }
      inferredCalls.put(call, contract);
      return this;
    }

    public Builder inPlaceChanges(List<InPlaceChange> changes) {
      this.inPlaceChanges = changes;
      return this;
    }

    public Builder givenToUnfollowedCode(Set<Variable> parameters) {
      this.givenToUnfollowedCode = parameters.isEmpty() ? Set.of() : Collections.unmodifiableSet(parameters);
      return this;
    }

    public BodyFacts build() {
      return new BodyFacts(this);
    }
  }

  /** A value computed on first request (one body is analysed by one thread). */
  private static final class Lazy<T> {
    private Supplier<T> compute;
    private T value;

    Lazy(Supplier<T> compute) {
      this.compute = compute;
    }

    T get() {
      if (compute != null) {
        value = compute.get();
        compute = null;
      }
      return value;
    }
  }
}
