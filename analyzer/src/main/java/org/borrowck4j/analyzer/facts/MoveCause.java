package org.borrowck4j.analyzer.facts;

/**
 * Why a value moved, with the names a diagnostic needs.
 *
 * @param subject the parameter (argument moves), the target variable (assignments), or the
 *     consuming method (consumption)
 * @param callee the called method as displayed ({@code Sink.accept}), where there is one
 * @param idempotent for consumption: whether consuming again is harmless
 * @param derives for consumption: the call returns a new owner that carries the value's resource
 *     on ({@code lines.filter(f)}, D6)
 * @param closesResource for consumption: a library model's idempotent close of a value that is no
 *     owned type (a java.io stream, a channel, a JDBC object, a {@code ZipFile}, or a user type
 *     that only inherits {@code Closeable.close()}): the value becomes a closed resource, and only
 *     operations that need it open are uses of it afterwards (D21)
 * @param heldAlive for an argument move: the new owner keeps the value alive as long as it lives
 *     (model vocabulary {@code @HeldAlive}, a composite buffer's components): reading the value
 *     afterwards is no use of what moved, releasing or handing it on again is (decision 290)
 */
public record MoveCause(
    Kind kind, String subject, String callee, boolean idempotent, boolean derives, boolean closesResource, boolean heldAlive) {

  public MoveCause(Kind kind, String subject, String callee, boolean idempotent) {
    this(kind, subject, callee, idempotent, false, false, false);
  }

  public MoveCause(Kind kind, String subject, String callee, boolean idempotent, boolean derives) {
    this(kind, subject, callee, idempotent, derives, false, false);
  }

  public MoveCause(Kind kind, String subject, String callee, boolean idempotent, boolean derives, boolean closesResource) {
    this(kind, subject, callee, idempotent, derives, closesResource, false);
  }

  public enum Kind {
    /** Passed to an {@code @Owned} parameter. */
    OWNED_ARGUMENT,
    /** Assigned to another variable. */
    ASSIGNMENT,
    /** Stored in an owning field. */
    FIELD_STORE,
    /** Returned. */
    RETURN,
    /**
     * Handed to the caller by a {@code return} that a {@code finally} block or a
     * try-with-resources close follows, without being an owner the return moves: a handle the
     * returned value wraps ({@code subject} names the wrapper), or a returned resource ({@code
     * subject} null). Only closing or releasing it afterwards is a use: the caller gets a closed
     * resource (decision 220).
     */
    HANDED_TO_CALLER,
    /** Captured by a lambda that itself moved. */
    CAPTURE,
    /** The receiver of a {@code @Consumes} method. */
    CONSUMED,
    /** Closed at the end of a try-with-resources statement. */
    CLOSED_BY_TRY,
    /**
     * Closed because another handle on its resource was ({@code subject}, D19): {@code callee}
     * is {@code "wrapper"} when that handle wraps this value, {@code "wrapped"} when this value
     * wraps it, {@code "shared"} when one is what the other holds, one reference count (decision
     * 246), {@code "copy"} when one is a plain copy of the other (decision 257).
     */
    CLOSED_WITH
  }

  /**
   * Whether the move is done by a call — an argument passed to an {@code @Owned} parameter (or
   * captured by a lambda passed there), a receiver consumed — and so happens only when the call
   * returns: a call that throws has not taken its argument (D9).
   */
  public boolean happensAtCallReturn() {
    return kind == Kind.OWNED_ARGUMENT || kind == Kind.CONSUMED || (kind == Kind.CAPTURE && callee != null);
  }

  /** Whether the value was consumed (released, closed) rather than handed to a new owner. */
  public boolean isConsumption() {
    return kind == Kind.CONSUMED || kind == Kind.CLOSED_BY_TRY || kind == Kind.CLOSED_WITH;
  }

  /** Whether another handle, which wraps this value, was closed (else one it wraps was). */
  public boolean closedWithItsWrapper() {
    return kind == Kind.CLOSED_WITH && "wrapper".equals(callee);
  }

  /**
   * Whether the two handles are a holder and what it holds, sharing one reference count, rather
   * than a wrapper and what it wraps (decision 246).
   */
  public boolean closedWithSharedCount() {
    return kind == Kind.CLOSED_WITH && "shared".equals(callee);
  }

  /** Whether the two handles are one variable copied to another ({@code x = in}, decision 257). */
  public boolean closedWithACopy() {
    return kind == Kind.CLOSED_WITH && "copy".equals(callee);
  }
}
