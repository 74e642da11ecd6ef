package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodContract.ParamMode;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * What the operands of a call borrow while it runs: arguments lent to {@code @Borrowed}/{@code
 * @Mut} parameters, shared borrows handed where a {@code @Mut} one is needed, and — for calls that
 * mutate, move or mutably borrow at their activation — what the other operands still borrow then
 * (rustc's two-phase borrows). {@link CallEvents}' helper for the borrows of one call.
 */
record CallOperands(FactsBuilder out, FileFacts file, LoanCollector loans) {
  /**
   * Arguments to {@code @Borrowed} and {@code @Mut} parameters are borrowed for the call; where the
   * call also mutates, moves or mutably borrows something (rustc's two-phase borrows activated at
   * the call), what the other operands still borrow is said too ({@link Event.Operand}), in
   * argument order after the receiver.
   */
  void borrowedArguments(MethodContract c, Node call, List<Expression> args, Expression receiver) {
    if (c == null) {
      return;
    }
    boolean activates = activates(c, args.size(), receiver);
    if (activates && receiver != null && c.receiver() == ReceiverMode.NONE) {
      operands(receiver, call, null, c);
    }
    for (int i = 0; i < args.size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      ParamMode mode = p == null ? ParamMode.NONE : p.mode();
      if (mode == ParamMode.OWNED || mode == ParamMode.CONSUMES) {
        continue; // moved at the call: its Move is the access
      }
      if (mode != ParamMode.BORROWED && mode != ParamMode.MUT) {
        if (activates && !(p != null && (p.storedUnread() || p.mayBeReceiver()) && isObjectItself(args.get(i)))) {
          operands(args.get(i), call, p == null ? Integer.toString(i + 1) : p.name(), c);
        }
        continue;
      }
      Loan.Kind kind = mode == ParamMode.MUT ? Loan.Kind.MUT : Loan.Kind.SHARED;
      Expression arg = AstNodes.unwrap(args.get(i));
      for (var path : loans.paths(arg).entrySet()) {
        out.emit(new Event.ArgumentBorrow(path.getKey(), path.getValue(), arg, kind, call, p.name(), c.displayName()));
      }
      if (kind == Loan.Kind.MUT) {
        mutableThroughShared(arg, new MutationCause(MutationCause.Kind.MUT_ARGUMENT, p.name(), c.displayName()));
      }
    }
  }

  /**
   * Whether the argument is an object itself, named by a variable that holds no borrow: stored
   * unread, it is only a reference kept ({@code list.add(list)}, decision 286); where the library
   * documents the call on the receiver itself, that is what it does ({@code c.removeAll(c)},
   * decision 320). A view ({@code
   * list.subList(0, 1)}, or a local holding one) is stored to be read later, after the change.
   */
  private boolean isObjectItself(Expression arg) {
    Expression e = AstNodes.unwrap(arg);
    if (e instanceof ConditionalExpr c) {
      return isObjectItself(c.getThenExpr()) && isObjectItself(c.getElseExpr());
    }
    Variable v = file.bodies.variableOf(e);
    return v != null ? loans.heldBy(v).isEmpty() : loans.paths(e).isEmpty();
  }

  /**
   * Whether the call does an exclusive access when it is activated: mutates or consumes its
   * receiver, or takes an argument {@code @Mut}, {@code @Owned} or consumed.
   */
  private static boolean activates(MethodContract c, int argumentCount, Expression receiver) {
    if (receiver != null && c.receiver() != ReceiverMode.NONE) {
      return true;
    }
    for (int i = 0; i < argumentCount; i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p != null && (p.mode() == ParamMode.MUT || p.mode() == ParamMode.OWNED || p.mode() == ParamMode.CONSUMES)) {
        return true;
      }
    }
    return false;
  }

  /** What a read-only operand of the call borrows until the call is activated. */
  private void operands(Expression operand, Node call, String parameter, MethodContract c) {
    Expression value = AstNodes.unwrap(operand);
    for (var path : loans.paths(value).entrySet()) {
      out.emit(new Event.Operand(path.getKey(), path.getValue(), value, call, parameter, c.displayName()));
    }
  }

  /**
   * A shared borrow handed to a {@code @Mut} parameter or local is a mutation through it (E0596): a
   * variable holding a shared loan, a {@code @Borrowed} parameter or local, or the result of a
   * {@code @Borrowed} method that does not write through (D7).
   */
  void mutableThroughShared(Expression arg, MutationCause cause) {
    if (arg instanceof MethodCallExpr view) {
      MethodContract v = file.calls.contractOf(view);
      if (v != null && v.returns() == MethodContract.ReturnMode.BORROWED) {
        for (Variable root : loans.roots(view)) {
          if (!loans.writesThrough(root, LoanCollector.isModel(v))) {
            out.emit(new Event.MutateShared(root, arg, null, cause));
          }
        }
      }
      return;
    }
    for (ValueSources.Source s : ValueSources.of(arg, file.bodies)) {
      Set<Loan> held = loans.heldBy(s.place());
      for (Loan l : held) {
        if (l.kind() == Loan.Kind.SHARED && !l.writeThrough()) {
          out.emit(new Event.MutateShared(s.place(), arg, l, cause));
        }
      }
      if (held.isEmpty() && file.owners.declaredMode(s.place()) == VariableMode.BORROWED) {
        out.emit(new Event.MutateShared(s.place(), arg, null, cause));
      }
    }
  }
}
