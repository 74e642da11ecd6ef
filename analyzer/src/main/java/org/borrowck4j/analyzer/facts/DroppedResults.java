package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Finds the must-release values that calls of a body return and nobody keeps ({@code
 * alloc.buffer();}, {@code Files.lines(p).count()}): the result is followed up the expression,
 * through operations that derive a value carrying it (D6) and fluent methods returning the
 * same kind of value, to a statement that drops it or an operation that reads it and drops it.
 */
final class DroppedResults {
  private enum Obligation {
    NONE,
    RELEASE,
    CLOSE_ONLY
  }

  private final Body body;
  private final FileFacts file;

  /** A value nobody holds after it: dropped, or lent last to a call that keeps nothing ({@code lentTo}). */
  private record Drop(Expression lentTo) {
    static final Drop DROPPED = new Drop(null);
  }

  DroppedResults(Body body, FileFacts file) {
    this.body = body;
    this.file = file;
  }

  List<DroppedResult> find() {
    List<DroppedResult> out = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CfgNode node : body.cfg().nodes()) {
      // The first node of a call: a finally block copied per exit evaluates it in several.
      if (node.kind() != CfgNode.Kind.EVAL || !seen.add(node.ast())) {
        continue;
      }
      Obligation o = freshObligation(node.ast());
      if (o == Obligation.NONE
          || file.programLifetime().endsWithTheProgram(body.declaration(), node.ast(), file.types.typeOf((Expression) node.ast()))
          || (node.ast() instanceof MethodCallExpr call && file.calls.isNoReturn(call))) { // gives back nothing (decision 241)
        continue;
      }
      Drop drop = dropOf((Expression) node.ast(), o == Obligation.CLOSE_ONLY);
      if (drop != null) {
        Expression lentTo = drop.lentTo();
        out.add(
            new DroppedResult(
                node,
                node.ast(),
                nameOf((Expression) node.ast()),
                node.ast() instanceof ObjectCreationExpr,
                lentTo == null ? null : nameNode(lentTo),
                lentTo == null ? null : nameOf(lentTo)));
      }
    }
    return out;
  }

  /** How a call is named in a message: {@code buffer()}, {@code new ZipFile}. */
  private static String nameOf(Expression call) {
    return call instanceof MethodCallExpr m
        ? m.getNameAsString() + "()"
        : "new " + ((ObjectCreationExpr) call).getType().getNameAsString();
  }

  /** The name of a call ({@code load} in {@code props.load(in)}), or the type a creation names. */
  private static Node nameNode(Expression call) {
    return call instanceof MethodCallExpr m ? m.getName() : ((ObjectCreationExpr) call).getType();
  }

  /** Whether the call returns a fresh owner that must be released. */
  private Obligation freshObligation(Node ast) {
    MethodContract c = file.calls.contractOfCall(ast);
    if (c == null || c.returns() != MethodContract.ReturnMode.OWNED || c.resultAliasesReceiver()) {
      return Obligation.NONE; // a second handle on the receiver, which keeps the duty (D19)
    }
    if (c.collectedWhenDropped()) {
      return Obligation.NONE; // heap memory the collector reclaims (decision 332)
    }
    if (file.index.isMustReleaseType(c.returnType()) || file.index.isUserTypeToRelease(c.returnType())) {
      return Obligation.RELEASE;
    }
    return c.returnsMustRelease() ? Obligation.CLOSE_ONLY : Obligation.NONE;
  }

  /** What a call does with one of its arguments, for a value nobody else holds. */
  private enum ArgumentFate {
    /** Not an argument of a call: followed no further here. */
    NOT_AN_ARGUMENT,
    /** Taken, kept or released by the callee, or perhaps kept by what it returns. */
    KEPT,
    /** Wrapped: the call's result is a second handle on it (D19), followed in its place. */
    WRAPPED,
    /** Only read during the call: nobody holds it after. */
    LENT
  }

  /**
   * What {@code call} does with {@code value}, one of its arguments (decision 297): an {@code
   * @Owned}, consuming, retaining or sometimes taking parameter takes it; an alias parameter wraps
   * it; a declared borrowing parameter lends it for the call. A parameter a library says nothing
   * of lends it only when the call's result cannot carry it (dropped, or a primitive or a
   * string); one the single summarised body of a method of the analysed sources says nothing of
   * lends it also where the result is of a type no handle on it has (decision 310). Code not
   * known — no
   * declaration, or a method of the analysed sources whose bodies were not all summarised (an
   * overridable call, decision 194) — may take it: no leak is guessed.
   */
  private ArgumentFate fateOfArgument(Node call, Expression value) {
    if (!(call instanceof MethodCallExpr || call instanceof ObjectCreationExpr)) {
      return ArgumentFate.NOT_AN_ARGUMENT;
    }
    List<Expression> args = ((NodeWithArguments<?>) call).getArguments();
    int index = -1;
    for (int i = 0; i < args.size() && index < 0; i++) {
      if (AstNodes.unwrap(args.get(i)) == value) {
        index = i;
      }
    }
    if (index < 0) {
      return ArgumentFate.NOT_AN_ARGUMENT;
    }
    MethodContract c = file.calls.contractOfCall(call);
    MethodContract.Param p = c == null ? null : c.paramFor(index);
    if (p == null) {
      return ArgumentFate.KEPT;
    }
    if (c.hasContract() && (p.mode() == MethodContract.ParamMode.BORROWED || p.mode() == MethodContract.ParamMode.MUT)) {
      return ArgumentFate.LENT; // declared: only borrowed for the call
    }
    if (c.hasContract() && p.mode() == MethodContract.ParamMode.ALIAS) {
      return ArgumentFate.WRAPPED;
    }
    if (c.hasContract() && p.mode() != MethodContract.ParamMode.NONE) {
      return ArgumentFate.KEPT; // owned, consumed, retained or sometimes taken
    }
    // Nothing said of it: a library's word that it keeps nothing, or a summarised body that does
    // nothing with it — though either may still return it inside what it makes (a summary has no
    // word for a static helper wrapping its argument), so only a result that cannot carry it lets
    // it go.
    boolean sourceCode = c.origin() != null && c.origin().kind().isSourceCode();
    if (sourceCode
        && !(file.index.carriesObligation(p.type())
            && (c.hasContract()
                || file.calls.summarisedSilent(call)
                // A file given to implementations that only read it is still the opener's to
                // close; a reference-counted value given to a callback is the callee's by Netty's
                // convention, whatever a summary missed (decision 314).
                || (file.index.isCloseable(file.types.typeOf(value)) && file.calls.silentInEveryImplementation(call))))) {
      return ArgumentFate.KEPT; // not followed (decision 194)
    }
    if (sourceCode && !c.hasContract() && !c.isConstructor() && cannotBeAHandle(c.returnType())) {
      // One body that says nothing of it: it keeps it nowhere and gives it to no code not
      // followed, and its result is of a type no handle on it has (decision 310). A result that
      // could be one may be it on some paths (`return in instanceof Buffered ? in : new
      // Buffered(in)`, where the paths disagree and nothing is said).
      return ArgumentFate.LENT;
    }
    return resultDropped((Expression) call) ? ArgumentFate.LENT : ArgumentFate.KEPT;
  }

  /**
   * A type whose values are no handle on a resource (D19): known, neither closeable nor to
   * release, and not {@code Object} (a data set, a list of lines, a number).
   */
  private boolean cannotBeAHandle(TypeRef type) {
    return type.isKnown() && !file.index.carriesObligation(type) && !type.name().equals("java.lang.Object");
  }

  /** A call whose result is dropped as a statement, or cannot hold what it was given. */
  private boolean resultDropped(Expression call) {
    Node parent = call.getParentNode().orElse(null);
    return parent instanceof ExpressionStmt statement ? droppedBy(statement) : file.types.typeOf(call).cannotContainReferences();
  }

  /** `() -> Files.newInputStream(p)`: an expression lambda's value is its result, not dropped. */
  private static boolean droppedBy(ExpressionStmt statement) {
    return !(statement.getParentNode().orElse(null) instanceof LambdaExpr);
  }

  /**
   * Follows the value up the expression: dropped as a statement, lent to a call that keeps
   * nothing, or consumed by an operation that does not release it; kept (null) when stored,
   * passed, returned or released.
   */
  private Drop dropOf(Expression value, boolean closeOnly) {
    Expression current = value;
    for (int guard = 0; guard < 64; guard++) {
      Node parent = current.getParentNode().orElse(null);
      while (parent instanceof EnclosedExpr) {
        parent = parent.getParentNode().orElse(null);
      }
      if (parent instanceof ExpressionStmt statement) {
        return droppedBy(statement) ? Drop.DROPPED : null;
      }
      ArgumentFate fate = fateOfArgument(parent, current);
      if (fate == ArgumentFate.LENT) {
        // `ByteStreams.toByteArray(url.openStream())`, `props.load(new FileInputStream(f))`: the
        // callee reads it and gives it back to no one, so nobody holds it after the call.
        return new Drop((Expression) parent);
      }
      if (fate == ArgumentFate.WRAPPED) {
        current = (Expression) parent; // `new InputStreamReader(new FileInputStream(f))`
        continue;
      }
      if (fate == ArgumentFate.KEPT) {
        return null;
      }
      if (!(parent instanceof MethodCallExpr call) || call.getScope().map(AstNodes::unwrap).orElse(null) != current) {
        return null; // kept: an argument, an initializer, a returned value...
      }
      MethodContract c = file.calls.contractOf(call);
      if (c == null) {
        return null; // unknown code: not guessed at
      }
      if (c.resultAliasesReceiver()) {
        current = call; // `new FileInputStream(f).getChannel()`: the same resource, another handle
        continue;
      }
      if (c.receiver() == MethodContract.ReceiverMode.CONSUMES) {
        if (c.returns() == MethodContract.ReturnMode.OWNED) {
          current = call; // a derived value carries the obligation (D6)
          continue;
        }
        return closeOnly && !c.idempotent() ? Drop.DROPPED : null;
      }
      if (c.returnType().isKnown() && c.returnType().equals(file.types.typeOf(current))) {
        current = call; // a fluent method returning the same kind of value
        continue;
      }
      return Drop.DROPPED; // read and dropped
    }
    return null;
  }
}
