package org.borrowck4j.rules.diagnostics;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Every word a user reads about moves: where a value moved and why, what to do about it
 * (rustc's {@code diagnostics/conflict_errors.rs} for E0382, for Java).
 */
public final class MoveDiagnostics {
  private MoveDiagnostics() {}

  /** How a move relates to the use it explains. */
  public enum Qualifier {
    NONE,
    /** The move is reached from the use only through a loop's back edge. */
    PREVIOUS_ITERATION,
    /** Some paths to the use move the value, others do not. */
    SOME_BRANCH,
    /** The move is in a try block; the use in its catch or finally block. */
    IN_TRY_BLOCK
  }

  public static String message(String place, boolean allConsumed) {
    return allConsumed ? "use of consumed value `" + place + "`" : "use of moved value `" + place + "`";
  }

  /** Decision 220: a resource the method returns, closed by code that runs after the {@code return}. */
  public static String closedAfterReturn(String place) {
    return "`" + place + "` is closed after it was returned";
  }

  public static String closedAfterReturnLabel(Event.Use use) {
    return use.kind().isImplicitClose()
        ? "closed here, by the implicit `close()` at the end of the try-with-resources statement, before the caller gets it"
        : "closed here, before the caller gets it";
  }

  /**
   * D19's wording: {@code `in` used after `reader`, which wraps it, was closed} (for a copy, {@code
   * which names the same resource}, decision 257); for a holder and
   * its content (decision 246) {@code `content` used after `msg` was released: they share one
   * reference count}.
   */
  public static String usedAfterOtherHandleClosed(String place, MoveCause closedWith) {
    if (closedWith.closedWithSharedCount()) {
      return "`" + place + "` used after `" + closedWith.subject() + "` was released: they share one reference count";
    }
    if (closedWith.closedWithACopy()) {
      return "`" + place + "` used after `" + closedWith.subject() + "`, which names the same resource, was closed";
    }
    return "`" + place + "` used after `" + closedWith.subject() + "`, "
        + (closedWith.closedWithItsWrapper() ? "which wraps it" : "which it wraps") + ", was closed";
  }

  public static String useLabel(Event.Use use, boolean allConsumed) {
    if (use.kind().isImplicitClose()) {
      return "value closed again here, by the implicit `close()` at the end of the try-with-resources statement";
    }
    return allConsumed ? "value used here after it was consumed" : "value used here after move";
  }

  /** The primary label when the value was closed with another handle on its resource (D19). */
  public static String useAfterCloseLabel(MoveCause closedWith) {
    return closedWith.closedWithSharedCount() ? "value used here after it was released" : "value used here after it was closed";
  }

  /** The span of a use: the expression, or the closing brace of the try block for an implicit close. */
  public static Span useSpan(Event.Use use) {
    if (use.kind().isImplicitClose()) {
      Span block = Span.of(use.at());
      return Span.point(block.endLine(), block.endColumn());
    }
    return Span.of(use.at());
  }

  /**
   * How a move reaches a use: through a loop's back edge (the move starts at or after the use,
   * and is not inside it: an anonymous class's constructor arguments are evaluated before it
   * captures, decision 265), from the try block into its catch or finally, or on only some of the
   * paths.
   */
  public static Qualifier qualifier(Event.Move move, Node use, boolean maybeUnmoved) {
    if (use instanceof BlockStmt) {
      return Qualifier.NONE; // the implicit close at the end of a try block follows everything in it
    }
    if (spanOf(move).startsAtOrAfter(Span.of(use)) && !(move.at() != use && AstNodes.isWithin(move.at(), use))) {
      return Qualifier.PREVIOUS_ITERATION;
    }
    for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TryStmt t && isHandlerPart(t, use) && AstNodes.isWithin(move.at(), t.getTryBlock())) {
        return Qualifier.IN_TRY_BLOCK;
      }
    }
    return maybeUnmoved ? Qualifier.SOME_BRANCH : Qualifier.NONE;
  }

  private static boolean isHandlerPart(TryStmt t, Node use) {
    if (t.getFinallyBlock().isPresent() && AstNodes.isWithin(use, t.getFinallyBlock().get())) {
      return true;
    }
    for (CatchClause c : t.getCatchClauses()) {
      if (AstNodes.isWithin(use, c)) {
        return true;
      }
    }
    return false;
  }

  /** The span a move points at: the moved expression, or {@code close()} for a consuming call. */
  public static Span spanOf(Event.Move move) {
    Node at = move.at();
    if ((move.cause().kind() == MoveCause.Kind.CONSUMED || move.cause().kind() == MoveCause.Kind.CLOSED_WITH)
        && at instanceof MethodCallExpr call) {
      return Span.between(call.getName(), call);
    }
    return Span.of(at);
  }

  /** The label at a move, "value moved here" and why. */
  public static String moveLabel(MoveCause cause, Qualifier qualifier) {
    return moveLabel(cause, qualifier, null);
  }

  /**
   * The label at a move: "value moved here" when it explains a later use of the value, "`x` moved
   * out here" when the move itself is the finding ({@code moved} is the variable moved out of).
   */
  public static String moveLabel(MoveCause cause, Qualifier qualifier, Variable moved) {
    String where =
        switch (qualifier) {
          case NONE -> "";
          case PREVIOUS_ITERATION -> ", in previous iteration of loop";
          case SOME_BRANCH -> ", in one of the branches";
          case IN_TRY_BLOCK -> ", in the try block";
        };
    String movedHere = moved == null ? "value moved here" : "`" + moved.name() + "` moved out here";
    String consumedHere = moved == null ? "value consumed here" : "`" + moved.name() + "` consumed here";
    return switch (cause.kind()) {
      case OWNED_ARGUMENT ->
          movedHere + where + " (" + parameter(cause.subject()) + " of `" + cause.callee() + "` is @Owned)";
      case ASSIGNMENT -> movedHere + where + ", into `" + cause.subject() + "`";
      case FIELD_STORE -> movedHere + where + ", into the field `" + cause.subject() + "`";
      case RETURN -> movedHere + where + ", by `return`";
      case HANDED_TO_CALLER ->
          (cause.subject() == null ? "returned here" : "returned here, inside " + cause.subject())
              + where
              + ": the caller gets it after the method closes it";
      case CAPTURE ->
          "value moved into the lambda here"
              + where
              + (cause.callee() != null
                  ? " (" + parameter(cause.subject()) + " of `" + cause.callee() + "` is @Owned)"
                  : "");
      case CONSUMED -> consumedHere + " by `" + cause.subject() + "()`" + where;
      case CLOSED_BY_TRY -> "value closed here, at the end of the try-with-resources statement" + where;
      case CLOSED_WITH ->
          cause.closedWithSharedCount()
              ? (moved == null ? "value released here" : "`" + moved.name() + "` released here")
                  + where
                  + ": it shares its reference count with `" + cause.subject() + "`, and releasing one releases both"
              : (moved == null ? "value closed here" : "`" + moved.name() + "` closed here")
                  + where
                  + ": "
                  + (cause.closedWithACopy()
                      ? "`" + cause.subject() + "` names the same resource"
                      : cause.closedWithItsWrapper() ? "`" + cause.subject() + "` wraps it" : "it wraps `" + cause.subject() + "`")
                  + ", and closing one closes both";
    };
  }

  public static String help(MoveCause cause) {
    return switch (cause.kind()) {
      case OWNED_ARGUMENT ->
          "pass a copy, or declare the parameter @Borrowed if " + methodName(cause.callee()) + " only reads it";
      case ASSIGNMENT ->
          "use `" + cause.subject() + "`, which owns the value now, or declare `" + cause.subject()
              + "` @Borrowed if it only reads it";
      case FIELD_STORE -> "the field `" + cause.subject() + "` owns the value now: use it through the field";
      case RETURN -> "the value was returned: code that runs after the `return` (a finally block) must not use it";
      case HANDED_TO_CALLER ->
          "do not close what the method returns: let the caller close it (for instance by making the returned object"
              + " AutoCloseable), or return only what the caller needs, read before the close";
      case CAPTURE -> "capture a copy, or create the lambda after the last use of the value";
      case CONSUMED ->
          "`" + cause.subject() + "()` consumed the value: use it before that call, or assign the variable a new value first";
      case CLOSED_BY_TRY -> "use the resource inside the try-with-resources block that closes it";
      case CLOSED_WITH ->
          cause.closedWithSharedCount()
              ? "use it before the release, or release after its last use (once: either handle releases both)"
              : "use it before either handle is closed, or close both after its last use";
    };
  }

  public static String loopHelp() {
    return "the value is moved in every iteration: move it out of the loop, or give the variable a new value before each use";
  }

  /** {@code parameter `data`}, or {@code parameter 1} when only its position is known (bytecode). */
  public static String parameter(String name) {
    return name != null && !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "parameter " + name : "parameter `" + name + "`";
  }

  /** {@code `accept`} for {@code Sink.accept}; the constructor of {@code `Frame`} for {@code new Frame}. */
  private static String methodName(String callee) {
    if (callee == null) {
      return "the method";
    }
    if (callee.startsWith("new ")) {
      return "the constructor of `" + callee.substring(4) + "`";
    }
    int dot = callee.lastIndexOf('.');
    return "`" + (dot < 0 ? callee : callee.substring(dot + 1)) + "`";
  }
}
