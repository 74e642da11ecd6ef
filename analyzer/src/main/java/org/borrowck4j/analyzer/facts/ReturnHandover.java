package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What a {@code return} hands to the caller that code still to run in the method could close
 * (decision 220): the resources the returned value holds — the handles a returned wrapper wraps
 * ({@code @MustCallAlias} arguments, D19: {@code return new InputStreamReader(in)}, {@code return
 * new Meta(resultSet)} with an inferred wrapping constructor), those a returned local wraps where
 * it may hold the wrapper at the return (decision 268), and a returned resource that no owner rule
 * moves (a JDBC-like result set, D17). Asked only for a {@code return} that a {@code finally}
 * block or a try-with-resources close follows: nothing else runs between a return and the caller.
 */
final class ReturnHandover {
  private final FileFacts file;
  private final ResourceAliases aliases;

  ReturnHandover(FileFacts file, ResourceAliases aliases) {
    this.file = file;
    this.aliases = aliases;
  }

  /** A place the caller gets, and the wrapper it gets it in (null: the place itself is returned). */
  record Handed(Variable place, String inside) {}

  /**
   * The places {@code value}, returned at {@code ret}, hands to the caller, except owners returned
   * as themselves (the return moves those already, D23's owners): empty when no code runs after
   * the return.
   */
  Iterable<Handed> of(CfgNode ret, Expression value) {
    Map<Variable, Handed> out = new LinkedHashMap<>();
    if (!closesAfter(ret.ast())) {
      return out.values();
    }
    String inside = wrapperName(value);
    for (Variable wrapped : aliases.wrappedBy(value)) {
      add(out, wrapped, inside);
    }
    for (ValueSources.Source s : ValueSources.of(value, file.bodies)) {
      Variable v = s.place();
      if (file.owners.ownershipOf(v) != Ownership.OWNER && isCloseable(v)) {
        add(out, v, null);
      }
      for (ResourceAliases.Partner p : aliases.partnersOf(v)) {
        // A returned local hands over only what it may hold at this return (decision 268).
        if (p.wrappedByClosed() && aliases.mayWrapAt(ret, v, p.handle())) {
          add(out, p.handle(), "`" + v.name() + "`");
        }
      }
    }
    return out.values();
  }

  private void add(Map<Variable, Handed> out, Variable v, String inside) {
    if (!v.isField() && !aliases.closeHasNoEffect(v) && closedIsUnusable(v)) {
      out.putIfAbsent(v, new Handed(v, inside));
    }
  }

  /**
   * Whether the caller can be said to get a resource it cannot use: a library's (what a closed
   * library resource still does is the models' word, D21), or one whose author declared what its
   * close consumes. A project's own type that only inherits {@code Closeable.close()} says
   * nothing about what works once it is closed (D21): JGit's {@code TemporaryBuffer} is closed
   * for writing and then read by the caller.
   */
  private boolean closedIsUnusable(Variable v) {
    TypeRef type = file.types.typeOf(v);
    if (file.index.isDependencyType(type)) {
      // A dependency's own type that no model speaks for: what it still does once closed is its
      // own code's (decision 323), unless it is one of the JDK's resources that need it open
      // (decision 340: OkHttp's `Response`, returned closed for its status and headers).
      return file.index.inheritsNeedsOpen(type);
    }
    if (!file.index.isProjectType(type)) {
      return true;
    }
    MethodContract close = file.index.closeOf(type);
    return file.index.isOwnedType(type) || (close != null && close.hasContract() && !close.fromBuiltinModel());
  }

  /** Whether the value's type has a {@code close()} that consumes it (a resource, D4). */
  private boolean isCloseable(Variable v) {
    MethodContract close = file.index.closeOf(file.types.typeOf(v));
    return close != null && close.receiver() == ReceiverMode.CONSUMES && !close.noEffect();
  }

  /**
   * Whether a {@code finally} block or the close of a try-with-resources resource runs after the
   * {@code return} (it lies in the try block or a catch clause of such a {@code try}).
   */
  private static boolean closesAfter(Node ret) {
    Node child = ret;
    for (Node p = ret.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr || p instanceof BodyDeclaration<?>) {
        return false;
      }
      if (p instanceof TryStmt t
          && (t.getFinallyBlock().isPresent() || !t.getResources().isEmpty())
          && (child == t.getTryBlock() || (child instanceof CatchClause && t.getFinallyBlock().isPresent()))) {
        return true;
      }
    }
    return false;
  }

  /** {@code `new Meta(…)`} or {@code `Tuple.of(…)`} for a returned wrapper; null for anything else. */
  private static String wrapperName(Expression value) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof ObjectCreationExpr o) {
      return "`new " + o.getType().getNameAsString() + "(…)`";
    }
    if (e instanceof MethodCallExpr m) {
      String scope = m.getScope().filter(s -> s instanceof NameExpr).map(s -> s + ".").orElse("");
      return "`" + scope + m.getNameAsString() + "(…)`";
    }
    return null;
  }
}
