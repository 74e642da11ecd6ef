package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Which locals of a body name a value the method was only given (flow-insensitively, from its
 * declarations and assignments, as {@link LoanCollector} walks them): a copy of a borrowed
 * parameter ({@code Buffer local = b;} is {@code b}: storing it stores the borrow), or a value
 * held outside the method — a field's or a parameter's collection, or an element of one ({@code
 * List<Buf> l = this.items;}, {@code l = byKey.get(k)}): what is put into it escapes as if put into
 * the field (D14, decision 23).
 */
final class LocalAliases {
  private final FileFacts file;
  private final Map<Variable, Set<Variable>> borrowedCopies = new IdentityHashMap<>(2);
  private final Set<Variable> outside = Collections.newSetFromMap(new IdentityHashMap<>(2));

  LocalAliases(FileFacts file) {
    this.file = file;
  }

  /** {@code target = value}, for a local target. */
  void assigned(Variable target, Expression value) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof MethodCallExpr call && isElementOfOutside(call)) {
      outside.add(target);
      return;
    }
    for (ValueSources.Source s : ValueSources.of(e, file.bodies)) {
      Variable place = s.place();
      if (place == target || s.at() instanceof LambdaExpr || s.at() instanceof MethodReferenceExpr) {
        continue; // what a closure captures goes where the closure goes (LoanCollector)
      }
      if (file.owners.isBorrowedParameter(place) && !file.owners.declaredMode(target).isBorrow()) {
        // (an explicit `@Borrowed` local holds a loan on it instead: LoanCollector)
        borrowedCopies.computeIfAbsent(target, k -> new LinkedHashSet<>(2)).add(place);
      }
      Set<Variable> copied = borrowedCopies.get(place);
      if (copied != null) {
        borrowedCopies.computeIfAbsent(target, k -> new LinkedHashSet<>(2)).addAll(copied);
      }
      if (place.isField() || place.isParameter() || outside.contains(place)) {
        outside.add(target);
      }
    }
  }

  /** The borrowed parameters a local may hold a copy of (empty for most locals). */
  Set<Variable> borrowedParametersIn(Variable local) {
    return borrowedCopies.getOrDefault(local, Set.of());
  }

  /**
   * Whether what a receiver denotes lives only in this method: a local that names nothing held
   * outside it ({@code new ArrayList<>()}, not {@code this.items}), or an element of one.
   */
  boolean isLocal(Expression receiver) {
    if (receiver == null) {
      return false;
    }
    Expression e = AstNodes.unwrap(receiver);
    if (e instanceof MethodCallExpr call) {
      MethodContract c = file.calls.declaredContractOf(call);
      return c != null && c.returnsElement() && call.getScope().isPresent() && isLocal(call.getScope().get());
    }
    Variable v = file.bodies.variableOf(e);
    return v != null && !v.isField() && !v.isParameter() && !outside.contains(v);
  }

  /** An element of a collection or map held outside the method ({@code this.byKey.get(k)}). */
  private boolean isElementOfOutside(MethodCallExpr call) {
    MethodContract c = file.calls.declaredContractOf(call);
    return c != null && c.returnsElement() && call.getScope().isPresent() && !isLocal(call.getScope().get());
  }
}
