package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What a constructor's store of a resource in a field makes of the object it builds (decision
 * 121 and the decisions that narrow it): a second handle on the resource (D19), an object that
 * only uses it, or one that keeps it as any object's field keeps what it is given. Read off what
 * the class's own methods do with the field.
 */
public final class ConstructorStores {
  /** What the object built is to the resource stored. */
  public enum Meaning {
    /** A second handle on it: closing either closes both (D19, decision 121). */
    WRAPS,
    /** Its own {@code close()} leaves the field open: it only uses the resource (decision 283). */
    USES,
    /**
     * It keeps the resource as a setter's field does: nothing can end the object but a method of
     * its own that releases the field (decision 285), or it keeps the field only to close it
     * (decision 288).
     */
    KEEPS
  }

  private final FileFacts file;

  ConstructorStores(FileFacts file) {
    this.file = file;
  }

  /**
   * What storing {@code stored} at {@code store}, in a constructor, makes of the object built.
   * Each question is asked only when the ones before it did not settle the answer, and each scan
   * stops as soon as it knows: reading a method's body asks for the contracts of the calls in it,
   * which may summarise other bodies (the constructor itself among them, a recursion that
   * settles nothing).
   */
  Meaning of(Node store, Variable stored) {
    if (!(store instanceof AssignExpr assign)) {
      // `super(in)` into a wrapper's constructor (decision 202): the superclass keeps it, and its
      // close() closes it unless this class overrides close() to leave it open (Spring's
      // `NonClosingInputStream`, commons-io's `CloseShieldInputStream`; decision 330).
      // A `this(…)` call's constructor decided for itself, with this class's close() in view.
      TypeDeclaration<?> owner = store.findAncestor(TypeDeclaration.class).orElse(null);
      boolean toSuper =
          store.findAncestor(ExplicitConstructorInvocationStmt.class).map(c -> !c.isThis()).orElse(false);
      return owner != null && toSuper && closeOverriddenToLeaveOpen(owner) ? Meaning.USES : Meaning.WRAPS;
    }
    Variable field = file.bodies.variableOf(AstNodes.unwrap(assign.getTarget()));
    TypeDeclaration<?> owner = assign.findAncestor(TypeDeclaration.class).orElse(null);
    if (field == null || !field.isField() || field.isPath() || field.isStatic() || owner == null) {
      return Meaning.WRAPS;
    }
    if (closeLeavesOpen(owner, field)) {
      return Meaning.USES;
    }
    boolean unreleasableHolder =
        file.index.carriesObligation(file.types.typeOf(stored)) && nothingCanEnd(owner) && releasedByOwnMethod(owner, field);
    return unreleasableHolder || keptOnlyToClose(owner, field) ? Meaning.KEEPS : Meaning.WRAPS;
  }

  /**
   * Whether the class is nothing the rules can end — not {@code AutoCloseable}, owned,
   * must-release, nor declaring a release — with every supertype known (an unknown one may be
   * {@code Closeable}).
   */
  private boolean nothingCanEnd(TypeDeclaration<?> owner) {
    String name = file.types.typeName(owner);
    if (name == null) {
      return false;
    }
    for (String t : file.index.hierarchy(name)) {
      if (!t.equals("java.lang.Object") && !file.index.exists(t)) {
        return false;
      }
    }
    return !file.index.carriesObligation(TypeRef.of(name)) && !file.index.declaresRelease(TypeRef.of(name));
  }

  /** Whether an instance method of the class releases the field: its own release method. */
  private boolean releasedByOwnMethod(TypeDeclaration<?> owner, Variable field) {
    for (MethodDeclaration m : owner.getMethods()) {
      if (m.isStatic() || m.getBody().isEmpty()) {
        continue;
      }
      for (Expression mention : mentions(m, field)) {
        if (releases(mention.getParentNode().orElse(null), mention)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the class's methods release the field and otherwise only compare it with {@code null}
   * or clear it: every read of it happens while the object is built.
   */
  private boolean keptOnlyToClose(TypeDeclaration<?> owner, Variable field) {
    boolean released = false;
    for (MethodDeclaration m : owner.getMethods()) {
      if (m.getBody().isEmpty()) {
        continue;
      }
      for (Expression mention : mentions(m, field)) {
        Node parent = mention.getParentNode().orElse(null);
        if (releases(parent, mention)) {
          released = true;
        } else if (!comparedWithNull(parent) && !clearedBy(parent, mention)) {
          return false;
        }
      }
    }
    return released;
  }

  /**
   * Whether the class declares its own {@code close()}, and that body names the field only to
   * call methods on it that do not consume it ({@code delegate.flush()}): it neither closes it nor
   * hands it anywhere (decision 283). A {@code close()} that does not name the field may close it
   * through another field that wraps it: nothing is concluded.
   */
  private boolean closeLeavesOpen(TypeDeclaration<?> owner, Variable field) {
    for (MethodDeclaration close : owner.getMethodsBySignature("close")) {
      if (close.getBody().isEmpty()
          || close.isStatic()
          || close.getBody().get().findFirst(SuperExpr.class).isPresent()) {
        return false; // `super.close()` may close what a `super(in)` was given too
      }
      List<Expression> mentions = mentions(close, field);
      if (mentions.isEmpty()) {
        return false; // perhaps closed through another field that wraps it (`scanner = new Scanner(in)`)
      }
      for (Expression mention : mentions) {
        if (!(mention.getParentNode().orElse(null) instanceof MethodCallExpr call)
            || call.getScope().orElse(null) != mention) {
          return false; // handed to a call, stored, returned: perhaps closed there
        }
        MethodContract c = file.calls.contractOf(call);
        if (c == null || c.receiver() == MethodContract.ReceiverMode.CONSUMES) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether the class declares a {@code close()} that closes nothing: it calls no {@code
   * super.close()}, and none of its calls may consume anything (each known, none consuming its
   * receiver or an argument). {@code close() {}}, {@code close() { in = ClosedInputStream.INSTANCE;
   * }} and {@code close() { flush(); }} leave open what the superclass wraps.
   */
  private boolean closeOverriddenToLeaveOpen(TypeDeclaration<?> owner) {
    return closesNothing(owner.getMethodsBySignature("close"), file.calls);
  }

  /**
   * Whether the first of these {@code close()} declarations closes nothing (see {@link
   * #closeOverriddenToLeaveOpen}); false when there is none. Also asked of an anonymous class's
   * members ({@code new FilterOutputStream(out) { public void close() {} }}, decision 348).
   */
  static boolean closesNothing(Iterable<MethodDeclaration> closes, CallContracts calls) {
    for (MethodDeclaration close : closes) {
      if (!close.getNameAsString().equals("close") || !close.getParameters().isEmpty()) {
        continue;
      }
      if (close.isStatic() || close.getBody().isEmpty() || close.getBody().get().findFirst(SuperExpr.class).isPresent()) {
        return false;
      }
      for (MethodCallExpr call : close.getBody().get().findAll(MethodCallExpr.class)) {
        MethodContract c = calls.contractOf(call);
        if (c == null || c.receiver() == MethodContract.ReceiverMode.CONSUMES) {
          return false;
        }
        for (MethodContract.Param p : c.params()) {
          if (p.mode() != MethodContract.ParamMode.NONE && p.mode() != MethodContract.ParamMode.BORROWED) {
            return false;
          }
        }
      }
      return true;
    }
    return false;
  }

  private List<Expression> mentions(MethodDeclaration m, Variable field) {
    return m.getBody().get().findAll(Expression.class, e -> file.bodies.variableOf(e) == field);
  }

  /**
   * Whether {@code parent} releases {@code mention}, as its receiver or its argument: closes it
   * (an idempotent consumption), or consumes a value that must be released ({@code
   * buf.release()}). A stream's terminal operation consumes it but releases nothing.
   */
  private boolean releases(Node parent, Expression mention) {
    if (!(parent instanceof MethodCallExpr call)) {
      return false;
    }
    MethodContract c = file.calls.contractOf(call);
    if (c == null) {
      return false;
    }
    boolean mustRelease = file.index.isMustReleaseType(file.types.typeOf(mention));
    if (call.getScope().orElse(null) == mention) {
      return c.receiver() == MethodContract.ReceiverMode.CONSUMES && (c.idempotent() || mustRelease);
    }
    int i = call.getArguments().indexOf(mention);
    MethodContract.Param p = i < 0 ? null : c.paramFor(i);
    return p != null && p.mode() == MethodContract.ParamMode.CONSUMES && (p.idempotent() || mustRelease);
  }

  /** Whether {@code parent} compares the expression it holds with {@code null}. */
  static boolean comparedWithNull(Node parent) {
    return parent instanceof BinaryExpr b
        && (b.getLeft() instanceof NullLiteralExpr || b.getRight() instanceof NullLiteralExpr);
  }

  private static boolean clearedBy(Node parent, Expression mention) {
    return parent instanceof AssignExpr a && a.getTarget() == mention && a.getValue() instanceof NullLiteralExpr;
  }
}
