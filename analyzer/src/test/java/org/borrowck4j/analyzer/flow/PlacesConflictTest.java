package org.borrowck4j.analyzer.flow;

import static org.borrowck4j.analyzer.flow.HandBuilt.mutate;
import static org.borrowck4j.analyzer.flow.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MoveCause;
import org.borrowck4j.analyzer.facts.MutationCause;
import org.borrowck4j.analyzer.flow.PlacesConflict.Kind;
import org.junit.jupiter.api.Test;

/** The access/borrow table behind every borrow error. */
class PlacesConflictTest {
  private final HandBuilt h = new HandBuilt();
  private final Variable m = h.local("m");
  private final Loan shared = h.loan(m, Loan.Kind.SHARED, h.local("view"));
  private final Loan mutable = h.loan(m, Loan.Kind.MUT, h.local("edit"));
  private final BodyFacts facts = h.facts();

  @Test
  void aReadConflictsOnlyWithAMutableLoan() {
    assertNull(PlacesConflict.between(use(m), shared, facts));
    assertEquals(Kind.USE_WHILE_MUTABLY_BORROWED, PlacesConflict.between(use(m), mutable, facts));
  }

  @Test
  void aMutationConflictsWithEveryLoan() {
    assertEquals(Kind.MUTATION_WHILE_BORROWED, PlacesConflict.between(mutate(m), shared, facts));
    assertEquals(Kind.MUTATION_WHILE_BORROWED, PlacesConflict.between(mutate(m), mutable, facts));
  }

  /** D7: {@code it.remove()} writes through the iterator's loan, which it does not conflict with. */
  @Test
  void aMutationThroughALoanDoesNotConflictWithThatLoan() {
    Event through = new Event.Mutate(m, new NameExpr("it"), shared, new MutationCause(MutationCause.Kind.MUT_METHOD, "remove", "Iterator.remove"));
    assertNull(PlacesConflict.between(through, shared, facts));
  }

  @Test
  void aNewBorrowConflictsWhenEitherIsMutable() {
    Event sharedArg = argument(Loan.Kind.SHARED, List.of());
    Event mutArg = argument(Loan.Kind.MUT, List.of());
    assertNull(PlacesConflict.between(sharedArg, shared, facts));
    assertEquals(Kind.SHARED_BORROW_WHILE_MUTABLY_BORROWED, PlacesConflict.between(sharedArg, mutable, facts));
    assertEquals(Kind.MUTABLE_BORROW_WHILE_BORROWED, PlacesConflict.between(mutArg, shared, facts));
  }

  /** {@code @Mut Buffer edit = m; sum(edit);}: a borrow through the holder is a reborrow. */
  @Test
  void aReborrowThroughTheHolderIsNoConflict() {
    Variable edit = facts.holdersOf(mutable).iterator().next().variable();
    assertNull(PlacesConflict.between(argument(Loan.Kind.SHARED, List.of(edit)), mutable, facts));
  }

  @Test
  void aMoveConflictsWithAnyLiveLoanButATryWithResourcesCloseIsNoAccess() {
    Event moved = new Event.Move(0, m, new NameExpr("m"), new MoveCause(MoveCause.Kind.OWNED_ARGUMENT, "p", "Sink.take", false));
    Event closed = new Event.Move(1, m, new NameExpr("m"), new MoveCause(MoveCause.Kind.CLOSED_BY_TRY, "close", null, true));
    assertEquals(Kind.MOVE_WHILE_BORROWED, PlacesConflict.between(moved, shared, facts));
    assertFalse(PlacesConflict.candidates(moved, facts).isEmpty());
    assertTrue(PlacesConflict.candidates(closed, facts).isEmpty(), "the end of a scope is outlives-owner (D1)");
  }

  @Test
  void aMutationThroughASharedBorrowIsNeverAllowed() {
    Event viaShared = new Event.MutateShared(m, new NameExpr("view"), shared, new MutationCause(MutationCause.Kind.MUT_METHOD, "add", "List.add"));
    assertEquals(Kind.MUTATION_THROUGH_SHARED, PlacesConflict.byItself(viaShared));
    assertNull(PlacesConflict.byItself(mutate(m)));
  }

  @Test
  void onePlaceTwiceInACallConflictsWhenOneParameterIsMut() {
    NameExpr call = new NameExpr("blend");
    Event.ArgumentBorrow first = new Event.ArgumentBorrow(m, List.of(), new NameExpr("m"), Loan.Kind.MUT, call, "into", "Ops.blend");
    Event.ArgumentBorrow second = new Event.ArgumentBorrow(m, List.of(), new NameExpr("m"), Loan.Kind.SHARED, call, "from", "Ops.blend");
    Event.ArgumentBorrow alsoShared = new Event.ArgumentBorrow(m, List.of(), new NameExpr("m"), Loan.Kind.SHARED, call, "with", "Ops.blend");
    assertEquals(
        List.of(new PlacesConflict.CallConflict(Kind.CONFLICTING_ARGUMENTS, second, first)),
        PlacesConflict.withinCall(List.of(first, second)));
    assertEquals(List.of(), PlacesConflict.withinCall(List.of(second, alsoShared)), "two shared borrows are fine");
  }

  /** Two-phase borrows: {@code m.addFrom(m)} activates the receiver's @Mut borrow while the argument borrows it. */
  @Test
  void theReceiversMutationAtTheCallConflictsWithAnArgumentStillBorrowingIt() {
    NameExpr call = new NameExpr("addFrom");
    Event.Operand arg = new Event.Operand(m, List.of(), new NameExpr("m"), call, "other", "Matrix.addFrom");
    Event activation = new Event.Mutate(m, call, null, new MutationCause(MutationCause.Kind.MUT_METHOD, "addFrom", "Matrix.addFrom"));
    assertEquals(
        List.of(new PlacesConflict.CallConflict(Kind.ACTIVATION_WHILE_BORROWED, activation, arg)),
        PlacesConflict.withinCall(List.of(arg, activation)));
    Variable other = h.local("other");
    Event.Operand argOnOther = new Event.Operand(other, List.of(), new NameExpr("other"), call, "other", "Matrix.addFrom");
    assertEquals(List.of(), PlacesConflict.withinCall(List.of(argOnOther, activation)));
    assertEquals(List.of(), PlacesConflict.withinCall(List.of(activation)), "list.add(list.size()): no operand is left");
  }

  /** {@code merger.merge(t.row(0), t)}: the move at the call while another argument borrows the place. */
  @Test
  void aMoveAtTheCallConflictsWithAnotherOperandBorrowingThePlace() {
    NameExpr call = new NameExpr("merge");
    Event.Operand row = new Event.Operand(m, List.of(), new NameExpr("row"), call, "r", "Merger.merge");
    Event.Move moved = h.move(m);
    assertEquals(
        List.of(new PlacesConflict.CallConflict(Kind.MOVE_WHILE_BORROWED, moved, row)),
        PlacesConflict.withinCall(List.of(moved, row)));
    Event receiver = new Event.Mutate(m, call, null, new MutationCause(MutationCause.Kind.MUT_METHOD, "absorb", "Message.absorb"));
    Event.Move taken = h.move(m);
    assertEquals(
        List.of(new PlacesConflict.CallConflict(Kind.MOVE_WHILE_BORROWED, taken, receiver)),
        PlacesConflict.withinCall(List.of(taken, receiver)),
        "`msg.absorb(msg)` with an @Owned parameter: the @Mut receiver is borrowed by the call");
  }

  /** E0506: assigning an owner ends its old value, which a live loan still borrows; its own loans end with it. */
  @Test
  void anAssignmentConflictsWithLoansOthersHold() {
    Event assign = new Event.Mutate(m, new NameExpr("m"), null, new MutationCause(MutationCause.Kind.ASSIGNMENT, "m", null));
    assertEquals(Kind.ASSIGNMENT_WHILE_BORROWED, PlacesConflict.between(assign, shared, facts));
    HandBuilt self = new HandBuilt();
    Variable s = self.local("s");
    Loan derived = self.loan(s, Loan.Kind.SHARED, s);
    Event reassign = new Event.Mutate(s, new NameExpr("s"), null, new MutationCause(MutationCause.Kind.ASSIGNMENT, "s", null));
    assertNull(PlacesConflict.between(reassign, derived, self.facts()), "`s = s.filter(f)` in a loop");
  }

  private Event argument(Loan.Kind kind, List<Variable> through) {
    return new Event.ArgumentBorrow(m, through, new NameExpr("m"), kind, new NameExpr("call"), "p", "Ops.f");
  }
}
