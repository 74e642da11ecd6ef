package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What one CFG node does to a tracked place, in the order it happens (rustc's {@code def_use}
 * categories, for Java). Gathered once per body by {@link FactsBuilder}; every analysis and rule
 * reads them.
 */
public sealed interface Event {
  Variable place();

  /** The AST node the event belongs to, for spans. */
  Node at();

  /** The place's value is read. */
  record Use(Variable place, Node at, KindOfUse how) implements Event {
    public Use(Variable place, Node at, UseKind kind) {
      this(place, at, KindOfUse.known(kind));
    }

    public UseKind kind() {
      return how.get();
    }
  }

  /**
   * What kind of use a {@link Use} is, worked out when first asked: telling a read from an
   * idempotent release of an argument needs the callee's inferred contract, and only the few
   * uses a check looks at (those after a move, those of a loan's holder) are ever asked
   * (decision 200). Asked on the thread that built the facts, like every other question about them.
   */
  final class KindOfUse {
    private static final java.util.Map<UseKind, KindOfUse> KNOWN = new java.util.EnumMap<>(UseKind.class);

    static {
      for (UseKind k : UseKind.values()) {
        KNOWN.put(k, new KindOfUse(k, null));
      }
    }

    private UseKind kind;
    private java.util.function.Supplier<UseKind> later;

    private KindOfUse(UseKind kind, java.util.function.Supplier<UseKind> later) {
      this.kind = kind;
      this.later = later;
    }

    public static KindOfUse known(UseKind kind) {
      return KNOWN.get(kind);
    }

    public static KindOfUse later(java.util.function.Supplier<UseKind> later) {
      return new KindOfUse(null, later);
    }

    UseKind get() {
      if (kind == null) {
        kind = later.get();
        later = null;
      }
      return kind;
    }
  }

  /**
   * Ownership of the place's value leaves it (a move), or the value is consumed by a {@code
   * @Consumes} method. Numbered per body.
   */
  record Move(int index, Variable place, Node at, MoveCause cause) implements Event {}

  /** The place gets a new value (assignment, declaration, binding): usable again. */
  record Reinit(Variable place, Node at) implements Event {}

  /** The place goes out of scope. */
  record StorageDead(Variable place, Node at) implements Event {}

  /**
   * A for-each loop is left (its scope ends: the loop finished, or a jump left it): its hidden
   * iterator is gone and the loan it held ends (D20); entering the loop again makes a new one.
   * {@code place} is the loan's root.
   */
  record IteratorDead(Variable place, Node at, Loan loan) implements Event {}

  /** A loan on {@code place} (its root) is created. */
  record Borrow(Variable place, Node at, Loan loan) implements Event {}

  /**
   * The place is mutated. {@code through} is the loan the mutation goes through ({@code
   * it.remove()} mutates the list through the iterator's loan), which it does not conflict with.
   */
  record Mutate(Variable place, Node at, Loan through, MutationCause cause) implements Event {}

  /**
   * A mutation through a shared borrow ({@code place} is the borrowing reference): never allowed,
   * whatever else is live (Rust's E0596).
   */
  record MutateShared(Variable place, Node at, Loan loan, MutationCause cause) implements Event {}

  /**
   * A value that depends on {@code place} flows into {@code sink}, a place that outlives the call:
   * a field, an array, a parameter that keeps what it is given, or the method's result.
   *
   * @param borrowed whether the value borrows from the place (rather than being it)
   * @param capture where a lambda, anonymous class or method reference captured the place, or null
   * @param construct the outermost lambda, method reference or object creation through which the
   *     captured place escapes, or null
   * @param detail the field, or the parameter and method, for messages
   * @param via the variable holding the borrow of {@code place} that escapes, or null
   */
  record Escape(
      Variable place, Node at, Sink sink, boolean borrowed, Node capture, Node construct, String detail, Variable via)
      implements Event {}

  enum Sink {
    FIELD,
    ARRAY,
    RETAINED,
    /** Passed to an {@code @Owned} parameter: the callee takes what it is given (Rust's E0507 for a borrow). */
    OWNED,
    RETURN
  }

  /**
   * The place's value is handed on in a way that ends its owner's duty to release it and moves
   * nothing: the value stays usable here. {@code how} says to what, which a summary of the method
   * reads (D23).
   */
  record HandedOn(Variable place, Node at, Handover how) implements Event {
    public HandedOn(Variable place, Node at) {
      this(place, at, Handover.GUESSED);
    }
  }

  /** What a value is handed on to. */
  enum Handover {
    /**
     * Code with no contract whose result is kept (returned, stored, retained, or held by an owner
     * of an owned type): {@code return new Wrapper(buf)}. The result may wrap the value (an
     * undeclared {@code @MustCallAlias}), so whether releasing it is still this method's duty is a
     * guess, and no finding is made from a guess (DESIGN, unannotated calls; decision 37). Also a
     * local collection that keeps an owner, and code the analysis does not follow (decision 194).
     */
    GUESSED,
    /** A parameter the callee's body sometimes takes (decisions 122, 272). */
    SOMETIMES_TAKEN,
    /**
     * An {@code @Owned} parameter, by a value that is no owner here: a parameter inheriting
     * {@code @Owned} (decision 192), or one of a type that may hold a value to release ({@code
     * Object msg} passed to {@code ctx.write}, decision 274).
     */
    OWNED
  }

  /**
   * The place is passed to a {@code @Borrowed} or {@code @Mut} parameter: a loan for the duration
   * of the call. Loans of one call share the {@code call} node, so {@code copy(a, a)} is seen.
   */
  record ArgumentBorrow(
      Variable place, List<Variable> through, Node at, Loan.Kind kind, Node call, String parameter, String callee)
      implements Event {}

  /**
   * A value the call reads — an argument to a parameter that only reads or keeps it, or the
   * receiver of a method that does not mutate it — borrows {@code place} (its root) until the call
   * is activated, as a shared borrow does in rustc's two-phase borrows: a {@code @Mut} borrow,
   * mutation or move of the place by the same call conflicts with it, a use of the place completed
   * while the arguments were evaluated ({@code list.add(list.size())}) does not. Emitted, with the
   * call's {@link ArgumentBorrow}s in argument order, only for calls that do such an access.
   *
   * @param parameter the parameter it is passed to, or null for the receiver
   */
  record Operand(Variable place, List<Variable> through, Node at, Node call, String parameter, String callee)
      implements Event {}

  enum UseKind {
    READ,
    /**
     * The receiver of an idempotent consuming call ({@code close()} on a {@code Closeable}): not a
     * use when the value was only consumed before (D5).
     */
    IDEMPOTENT_RELEASE,
    /**
     * The implicit {@code close()} at the end of a try-with-resources statement ({@code at} is the
     * try block); an idempotent one is harmless after a consumption, like {@link
     * #IDEMPOTENT_RELEASE}.
     */
    IMPLICIT_CLOSE,
    IMPLICIT_IDEMPOTENT_CLOSE;

    public boolean isIdempotentRelease() {
      return this == IDEMPOTENT_RELEASE || this == IMPLICIT_IDEMPOTENT_CLOSE;
    }

    public boolean isImplicitClose() {
      return this == IMPLICIT_CLOSE || this == IMPLICIT_IDEMPOTENT_CLOSE;
    }
  }
}
