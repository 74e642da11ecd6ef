package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Finds the {@link Obligations} of a body: owners that must be released (D11) — values of
 * must-release types (a {@code ByteBuf}, an {@code Arena}, a user type with a release), or ones a
 * model marks {@code @MustRelease} at their producer ({@code Files.lines}) — that hold a value of
 * their own (an alias of a value someone else holds has nothing to release).
 */
final class ObligationFinder {
  private final BodyFacts facts;
  private final FileFacts file;
  private final Map<Variable, Obligations.Obligation> found = new IdentityHashMap<>();

  ObligationFinder(BodyFacts facts, FileFacts file) {
    this.facts = facts;
    this.file = file;
  }

  Obligations find() {
    List<Obligations.Obligation> all = new ArrayList<>();
    for (CfgNode node : facts.body().cfg().nodes()) {
      for (Event e : facts.events(node)) {
        Variable v = e.place();
        if (found.containsKey(v) || !(e instanceof Event.Reinit || v.isParameter())) {
          continue;
        }
        if (v.isField() || v.kind() == Variable.Kind.RESOURCE || file.owners.ownershipOf(v) != Ownership.OWNER) {
          continue;
        }
        TypeRef type = file.types.typeOf(v);
        if (file.owners.inheritsOwned(v)) {
          // Inherited @Owned: a duty where the value may be one to release (decision 191).
          if (file.index.mayHoldMustRelease(type)) {
            Obligations.Obligation o = new Obligations.Obligation(all.size(), v, false, file.owners.ownedInheritedFrom(v), false);
            all.add(o);
            found.put(v, o);
          }
          continue;
        }
        boolean annotated = v.isParameter() || file.owners.isDroppable(v) && !file.index.isOwnedType(type);
        if (!annotated && !file.owners.acquiresValue(v)) {
          continue; // an alias of a value someone else holds has nothing to release
        }
        boolean byType = file.index.isMustReleaseType(type) || file.index.isUserTypeToRelease(type);
        if ((byType || producedMustRelease(v)) && !livesAsLongAsTheProgram(v, type) && !onlyCollectedWhenDropped(v)) {
          boolean stream = !byType && type.isKnown() && file.index.isSubtype(type.name(), "java.util.stream.BaseStream");
          Obligations.Obligation o = new Obligations.Obligation(all.size(), v, !byType, null, stream);
          all.add(o);
          found.put(v, o);
        }
      }
    }
    if (all.isEmpty()) {
      return Obligations.NONE;
    }
    // Locals that only name a parameter inheriting @Owned: releasing or handing on one of them
    // does it for the parameter (decision 192).
    Map<Variable, Obligations.Obligation> aliases = new IdentityHashMap<>(0);
    for (Variable v : facts.body().resolutions().values()) {
      Variable p = v.isParameter() ? null : file.owners.aliasedParameter(v);
      Obligations.Obligation o = p == null ? null : found.get(p);
      if (o != null) {
        aliases.put(v, o);
      }
    }
    BitSet takesOn = new BitSet();
    BitSet overwrites = new BitSet();
    BitSet keeps = new BitSet();
    for (CfgNode node : facts.body().cfg().nodes()) {
      for (Event e : facts.events(node)) {
        Obligations.Obligation o = found.get(e.place());
        if (o == null || !(e instanceof Event.Reinit)) {
          continue;
        }
        if (file.rebindsToItself(node, o.variable())) {
          keeps.set(node.id()); // `in = new BufferedInputStream(in)`, `in = packing.unpack(in)`
          continue;
        }
        if (holdsNewValue(node) && acquired(node, o.variable())) {
          takesOn.set(node.id());
        }
        if (node.kind() == CfgNode.Kind.EVAL && node.ast() instanceof AssignExpr) {
          overwrites.set(node.id());
        }
      }
    }
    return new Obligations(all, takesOn, overwrites, aliases, keeps);
  }

  /**
   * Initialised from a call the models mark {@code @MustRelease} ({@code Files.lines}), from an
   * operation deriving from such a value ({@code lines.filter(f)} takes the file along, decision
   * 6), or with a wrapper around such a call made right there (D19).
   */
  private boolean producedMustRelease(Variable v) {
    // Also declared first and given the file later (`InputStream in; … in = new
    // FileInputStream(f);`, decision 262, or a wrapper around a new one, decision 298): the duty
    // begins where the file is stored.
    for (Expression given : file.owners.valuesGiven(v)) {
      if (carriesFile(given, 0) || file.owners.wrapsNewResource(given, 0)) {
        return true;
      }
    }
    return false;
  }

  private boolean carriesFile(Expression expr, int depth) {
    Expression e = AstNodes.unwrap(expr);
    if (e instanceof ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()) {
      // `InputStream in = new FileInputStream(f)`: a constructor the models mark (decision 252).
      MethodContract made = file.calls.contractOf(created);
      return made != null && made.returnsMustRelease();
    }
    if (e instanceof ConditionalExpr c && depth <= 16) {
      // `f != null ? new JarFile(f) : null`: the file, or nothing (decision 262). An arm holding
      // something else (`System.in`) would make the duty depend on the condition (D10).
      Expression a = c.getThenExpr();
      Expression b = c.getElseExpr();
      return (carriesFile(a, depth + 1) && (AstNodes.isNullLiteral(b) || carriesFile(b, depth + 1)))
          || (AstNodes.isNullLiteral(a) && carriesFile(b, depth + 1));
    }
    if (depth > 16 || !(e instanceof MethodCallExpr call)) {
      Variable v = file.bodies.variableOf(e);
      return v != null && depth > 0 && found.containsKey(v);
    }
    MethodContract c = file.calls.contractOf(call);
    if (c == null) {
      return false;
    }
    if (c.returnsMustRelease()) {
      return true;
    }
    if (call.getScope().isEmpty() || c.receiver() != MethodContract.ReceiverMode.CONSUMES || c.returns() != MethodContract.ReturnMode.OWNED) {
      return false;
    }
    Expression scope = call.getScope().get();
    if (file.calls.derivesView(c) && file.bodies.variableOf(AstNodes.unwrap(scope)) != null) {
      // `it = walk.iterator()`: the view cannot be closed; `walk` keeps the duty (decision 342).
      // Of a stream nobody names (`Files.lines(p).iterator()`) the view is all there is to hand on.
      return false;
    }
    return carriesFile(scope, depth + 1);
  }

  /** An input opened once by a command-line program, where and however it is stored (decision 271). */
  private boolean livesAsLongAsTheProgram(Variable v, TypeRef type) {
    Node body = facts.body().declaration();
    ProgramLifetime lifetime = file.programLifetime();
    if (v.isParameter() || !lifetime.endsWithTheProgram(body, v.declaration(), type)) {
      return false;
    }
    for (Expression assigned : file.owners.assignmentsTo(v)) {
      if (!lifetime.endsWithTheProgram(body, assigned, type)) {
        return false;
      }
    }
    return true;
  }




  /**
   * A declaration or assignment that gives the variable a value of its own: a fresh one or one
   * moved from another owner; any value, for a variable declared {@code @Owned}. An alias of a
   * value someone else holds brings no obligation.
   */
  private boolean acquired(CfgNode node, Variable v) {
    if (file.owners.declaredMode(v) == VariableMode.OWNED) {
      return true;
    }
    Expression value = storedValue(node);
    return value != null && file.owners.fresh(value) && !collectedWhenDropped(value);
  }

  /**
   * Whether every value the local is given holds only memory the collector reclaims ({@code
   * Unpooled.wrappedBuffer(bytes)}, decision 332), or nothing: it has nothing to release.
   */
  private boolean onlyCollectedWhenDropped(Variable v) {
    return file.collected().onlyCollectedWhenDropped(v);
  }

  private boolean collectedWhenDropped(Expression value) {
    return file.collected().collectedWhenDropped(value);
  }

  /** A declaration or assignment that stores a value (not {@code null}) in the variable. */
  private static boolean holdsNewValue(CfgNode node) {
    Expression value = storedValue(node);
    return value != null && !AstNodes.isNullLiteral(value);
  }

  /** The value a declaration with an initializer or an assignment stores, or null. */
  static Expression storedValue(CfgNode node) {
    Node ast = node.ast();
    if (ast instanceof VariableDeclarator d) {
      return d.getInitializer().orElse(null);
    }
    if (ast instanceof AssignExpr a) {
      return a.getValue();
    }
    return null;
  }
}
