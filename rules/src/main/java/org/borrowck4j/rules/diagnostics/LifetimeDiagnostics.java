package org.borrowck4j.rules.diagnostics;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import org.borrowck4j.analyzer.cfg.Cfg;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;

/**
 * Every word a user reads about references that outlive their owners, borrows that escape and
 * owners that leak (rustc's E0597, E0515, E0521, E0373; the Resource Leak Checker), and the spans
 * those words point at.
 */
public final class LifetimeDiagnostics {
  private LifetimeDiagnostics() {}

  // ---- spans ----

  /** Where a variable is declared: its name. */
  public static Span declarationSpan(Variable v) {
    Node d = v.declaration();
    if (d instanceof VariableDeclarator vd) {
      return Span.of(vd.getName());
    }
    if (d instanceof Parameter p) {
      return Span.of(p.getName());
    }
    if (d instanceof TypePatternExpr t) {
      return Span.of(t.getName());
    }
    return Span.of(d);
  }

  /** The closing brace where a scope (or a try-with-resources statement's block) ends. */
  public static Span endOf(Node scopeOwner) {
    Node n = scopeOwner;
    if (n instanceof TryStmt t) {
      n = t.getTryBlock();
    } else if (n instanceof CallableDeclaration<?> c) {
      n = c.getChildNodes().stream().filter(BlockStmt.class::isInstance).findFirst().orElse(n);
    } else if (n instanceof LambdaExpr l) {
      n = l.getBody();
    }
    Span s = Span.of(n);
    return Span.point(s.endLine(), s.endColumn());
  }

  /** The enclosing try-with-resources statement's block end for a resource, else its scope end. */
  public static Span closeSpan(Node resource) {
    for (Node p = resource; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TryStmt t) {
        return endOf(t);
      }
    }
    return Span.of(resource);
  }

  /**
   * Where control leaves through a scope end: the {@code return} that unwinds through it, or the
   * scope's closing brace.
   */
  public static Span exitSpan(Cfg cfg, CfgNode scopeEnd) {
    if (scopeEnd.value() != null) {
      return Span.of(scopeEnd.value());
    }
    CfgNode n = scopeEnd;
    for (int guard = 0; guard < 64 && n.predecessors().size() == 1; guard++) {
      CfgNode p = cfg.node(n.predecessors().get(0).from());
      if (p.kind() == CfgNode.Kind.RETURN) {
        return Span.of(p.ast());
      }
      if (p.kind() != CfgNode.Kind.SCOPE_END && p.kind() != CfgNode.Kind.CLOSE_RESOURCE && p.kind() != CfgNode.Kind.JOIN) {
        break;
      }
      n = p;
    }
    return endOf(scopeEnd.ast());
  }

  public static Span loanSpan(Loan loan) {
    if (loan.createdAt() instanceof MethodCallExpr call && loan.origin() != Loan.Origin.FOR_EACH) {
      return Span.between(call.getName(), call);
    }
    return Span.of(loan.createdAt());
  }

  // ---- outlives-owner ----

  public static String usedAfterEnd(Variable holder, Variable owner, boolean closed) {
    return "`" + holder.name() + "` is used after `" + owner.name() + "`, which it borrows from, "
        + (closed ? "was closed" : "went out of scope");
  }

  public static String borrowedFrom(Variable owner) {
    return "borrowed from `" + owner.name() + "` here";
  }

  public static String ownerEnded(Variable owner, boolean closed) {
    return closed
        ? "`" + owner.name() + "` closed here (end of try-with-resources)"
        : "`" + owner.name() + "` dropped here, at the end of its scope";
  }

  public static String useAfterEndLabel() {
    return "borrow used here, after its owner ended";
  }

  public static String outlivesHelp(Variable owner, boolean closed) {
    return closed
        ? "widen the try-with-resources statement to cover this use, or copy what you need out of the borrow inside it"
        : "use the borrow only inside the block that owns `" + owner.name()
            + "`, or declare `" + owner.name() + "` where it lives as long as the borrow";
  }

  public static String returnsLocalBorrow(Variable owner) {
    return "cannot return a value borrowed from the local `" + owner.name() + "`";
  }

  public static String localOwnerEnds(Variable owner) {
    return owner.kind() == Variable.Kind.RESOURCE
        ? "`" + owner.name() + "` is closed when the try-with-resources statement ends"
        : "`" + owner.name() + "` is dropped when the method returns";
  }

  public static String returnsHere() {
    return "returns a value that borrows from a local owner";
  }

  public static String returnsLocalBorrowHelp(Variable owner) {
    return owner.kind() == Variable.Kind.RESOURCE
        ? "return a value that does not need `" + owner.name() + "` (collect the results first), or return `"
            + owner.name() + "` itself and let the caller close it"
        : "return `" + owner.name() + "` itself (moving it to the caller), or copy what the caller needs";
  }

  // ---- borrow-escapes ----

  public static String escapes(Variable param, Event.Escape e, boolean captured) {
    String what =
        e.via() != null && e.via() != param
            ? "`" + e.via().name() + "`, " + (e.borrowed() ? "borrowed from" : "a copy of the borrowed") + " `" + param.name() + "`,"
            : "the borrowed `" + param.name() + "`";
    String subject =
        !captured
            ? what
            : e.via() != null && e.via() != param
                ? "a closure capturing `" + e.via().name() + "` (borrowed from `" + param.name() + "`)"
                : "a closure capturing the borrowed `" + param.name() + "`";
    return switch (e.sink()) {
      case FIELD -> subject + " is stored in the field `" + e.detail() + "`, which outlives the call";
      case ARRAY -> subject + " is stored in an array that outlives the call";
      case RETAINED -> subject + " is passed to `" + callee(e.detail()) + "`, which keeps it";
      case OWNED -> subject + " is moved into `" + callee(e.detail()) + "`, which takes ownership of it";
      case RETURN -> subject + " is returned from a method not declared @Borrowed";
    };
  }

  public static String escapeLabel(Event.Escape e) {
    return switch (e.sink()) {
      case FIELD -> "stored here";
      case ARRAY -> "stored here";
      case RETAINED -> "kept by `" + callee(e.detail()) + "` (" + MoveDiagnostics.parameter(parameter(e.detail())) + " is @Retained)";
      case OWNED -> "moved here (" + MoveDiagnostics.parameter(parameter(e.detail())) + " of `" + callee(e.detail()) + "` is @Owned)";
      case RETURN -> "returned here";
    };
  }

  public static String closureEscapesLabel() {
    return "the closure escapes here";
  }

  public static String borrowedParameter(Variable param) {
    return "`" + param.name() + "` is borrowed: the caller keeps ownership and may end it after the call";
  }

  public static String capturedHere(Variable param) {
    return "`" + param.name() + "` is captured here";
  }

  public static String escapeHelp(Variable param, Event.Escape e) {
    if (e.sink() == Event.Sink.RETURN) {
      return "declare the method @Borrowed(from = \"" + param.name() + "\") if it returns a view of `"
          + param.name() + "`, or return a copy";
    }
    if (e.sink() == Event.Sink.OWNED) {
      return "pass a copy, or declare the parameter @Owned if this method is to give it away";
    }
    return "declare the parameter @Owned if the method keeps it, or keep a copy instead of the borrowed value";
  }

  private static String callee(String detail) {
    int at = detail.indexOf('@');
    return at < 0 ? detail : detail.substring(at + 1);
  }

  private static String parameter(String detail) {
    int at = detail.indexOf('@');
    return at < 0 ? detail : detail.substring(0, at);
  }

  // ---- owned-value-leaked ----

  public static String leaked(Variable v) {
    return "`" + v.name() + "` may go out of scope without being released";
  }

  public static String leakedDeclaration(Variable v) {
    return "`" + v.name() + "` owns a value that must be released (or moved) on every path";
  }

  /** The declaration of a parameter that inherits {@code @Owned} from the method it overrides (decision 190). */
  public static String leakedInheritedDeclaration(Variable v, String overridden) {
    return "`" + v.name() + "` is @Owned by `" + overridden + "`, which this method overrides: release it or hand it on, on every path";
  }

  public static String leakInheritedHelp() {
    return "release it where it is not handed on (passed to a parameter declared @Owned, or stored); if this method never receives a value that must be released, declare the parameter @Borrowed";
  }

  public static String leakExit(Variable v, boolean overwritten) {
    return overwritten
        ? "`" + v.name() + "` is given a new value here while the old one is unreleased"
        : "`" + v.name() + "` goes out of scope here, unreleased";
  }

  public static String leakThrow(Variable v) {
    return "if this throws, `" + v.name() + "` is left unreleased";
  }

  public static String leakCaught() {
    return "the exception is caught here and the method goes on";
  }

  public static String leakHelp(Variable v, boolean closeOnly, boolean stream) {
    if (closeOnly) {
      return stream
          ? "close it on every path, best with try-with-resources: a terminal operation does not close the file behind the stream"
          : "close it on every path, best with try-with-resources";
    }
    return "release it on every path (or use try-with-resources); if ownership is handed on, declare the receiving parameter @Owned";
  }

  public static String discarded(String what, boolean created) {
    return (created ? "the value created by `" : "the value returned by `") + what + "` must be released but is dropped";
  }

  public static String lentOnlyTo(String callee) {
    return "lent to `" + callee + "`, which does not keep or release it";
  }

  public static String discardedLabel() {
    return "this value is never released";
  }

  public static String discardedHelp() {
    return "keep it in a variable and release it on every path, or use try-with-resources";
  }

  // ---- owned-value-leaked: a field its class never releases (decision 312) ----

  public static String fieldLeftOpen(Variable field, String className, boolean closeOnly) {
    return "`" + field.name() + "` is given a value that must be released, and closing a `" + className + "` leaves it "
        + (closeOnly ? "open" : "unreleased");
  }

  public static String fieldLeftOpenLabel(Variable field) {
    return "the value is stored in `" + field.name() + "` here";
  }

  public static String fieldNeverReleased(Variable field, String className, boolean closeOnly) {
    return "no code of `" + className + "` " + (closeOnly ? "closes" : "releases") + " `" + field.name() + "` or hands it on";
  }

  public static String closeLeavesFieldOpen(Variable field, boolean closeOnly) {
    return "this `close()` does not " + (closeOnly ? "close" : "release") + " `" + field.name() + "`";
  }

  public static String fieldLeftOpenHelp(Variable field, String className, boolean closeDeclared, boolean closeOnly) {
    String verb = closeOnly ? "close" : "release";
    return closeDeclared
        ? verb + " `" + field.name() + "` in `" + className + ".close()`"
        : "override `close()` in `" + className + "` to " + verb + " `" + field.name() + "`";
  }
}
