package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * What giving a variable a value writes, besides the value moving (FactsBuilder): a shared borrow
 * given to a {@code @Mut} local is mutated through (E0596), and an owner given a new value gives up
 * the old one while what borrows it may still be used (E0506).
 */
record Writes(FactsBuilder out, FileFacts file, CallOperands operands) {
  /**
   * {@code target = value} at {@code at}; {@code declaration} for {@code T target = value}, which
   * has no old value to give up.
   */
  void assigned(Variable target, Expression value, Node at, boolean declaration) {
    if (file.owners.declaredMode(target) == VariableMode.MUT) {
      // `@Mut Vec y = x;` where `x` is only lent to us
      operands.mutableThroughShared(AstNodes.unwrap(value), new MutationCause(MutationCause.Kind.MUT_LOCAL, target.name(), null));
    }
    if (!declaration && out.isOwner(target) && !(AstNodes.unwrap(value) instanceof NullLiteralExpr)) {
      // `x = null` only forgets the value (Netty's `slice = frameHeader.slice(); frameHeader =
      // null;` hands the buffer on to the slice).
      out.emit(new Event.Mutate(target, at, null, new MutationCause(MutationCause.Kind.ASSIGNMENT, target.name(), null)));
    }
  }
}
