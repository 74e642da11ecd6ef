package org.borrowck4j.rules.diagnostics;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;
import org.borrowck4j.analyzer.facts.MutationCause;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.flow.Conflict;
import org.borrowck4j.analyzer.flow.LaterUse;
import org.borrowck4j.analyzer.flow.PlacesConflict;

/**
 * Every word a user reads about borrow conflicts (rustc's {@code conflict_errors.rs} and {@code
 * explain_borrow.rs}): what conflicted, where the loan was created, where it is used later, and
 * what to do instead.
 */
public final class BorrowDiagnostics {
  private BorrowDiagnostics() {}

  /** The finding for a conflict: the access, the loan, its later use, and what to do. */
  public static Finding finding(RuleInfo rule, Conflict c) {
    return Finding.of(rule, accessSpan(c.access()), message(c), accessLabel(c), labels(c), notes(c))
        .withSubject(LifetimeDiagnostics.declarationSpan(c.access().place()))
        .withPath();
  }

  /** The primary span of an access: the call for a mutation or consumption, else the expression. */
  public static Span accessSpan(Event access) {
    if (access instanceof Event.Move m && !(m.at() instanceof MethodCallExpr)) {
      return MoveDiagnostics.spanOf(m);
    }
    if (access instanceof Event.Move m && m.at() instanceof MethodCallExpr call) {
      return Span.of(call);
    }
    if ((access instanceof Event.Mutate || access instanceof Event.MutateShared)
        && access.at() instanceof MethodCallExpr call) {
      return Span.of(call);
    }
    return Span.of(access.at());
  }

  public static String message(Conflict c) {
    String place = "`" + c.access().place().name() + "`";
    return switch (c.kind()) {
      case MUTATION_WHILE_BORROWED ->
          c.loan().origin() == Loan.Origin.FOR_EACH
              ? "cannot modify " + place + " while a for-each loop iterates over it"
              : c.access() instanceof Event.Mutate m && m.cause().kind() == MutationCause.Kind.FIELD_ASSIGNMENT
                  ? "cannot assign to `" + c.access().place().name() + "." + m.cause().name() + "` while " + place + " is borrowed"
                  : "cannot mutate " + place + " while it is borrowed";
      case USE_WHILE_MUTABLY_BORROWED -> "cannot use " + place + " while it is mutably borrowed";
      case MUTABLE_BORROW_WHILE_BORROWED ->
          c.loan().kind() == Loan.Kind.MUT
              ? "cannot borrow " + place + " as mutable more than once at a time"
              : "cannot borrow " + place + " as mutable because it is also borrowed";
      case SHARED_BORROW_WHILE_MUTABLY_BORROWED -> "cannot borrow " + place + " because it is also borrowed as mutable";
      case MUTATION_THROUGH_SHARED -> "cannot mutate through " + place + ", a shared borrow";
      case CONFLICTING_ARGUMENTS ->
          "cannot pass " + place + " to `" + callee(c.access()) + "` as @Mut while also "
              + (isReceiver(c.other()) ? "calling it on " + place : "passing it as another argument");
      case ACTIVATION_WHILE_BORROWED -> {
        MutationCause cause = ((Event.Mutate) c.access()).cause();
        yield isMutable(c.other())
            ? "cannot borrow " + place + " as mutable more than once at a time: `" + cause.callee()
                + "` is @Mut and also takes it as a @Mut argument"
            : "cannot mutate " + place + " with `" + cause.callee() + "` while an argument of the same call borrows it";
      }
      case ASSIGNMENT_WHILE_BORROWED -> "cannot assign to " + place + " while it is borrowed";
      case CHANGED_WHILE_RUNNING_IN_PLACE ->
          "cannot modify " + place + " in a lambda that `" + callee(c.other()) + "` runs while it reads " + place;
      case MOVE_WHILE_BORROWED -> {
        Event.Move m = (Event.Move) c.access();
        if (!m.cause().isConsumption()) {
          yield "cannot move out of " + place + " because it is borrowed";
        }
        if (m.cause().kind() == org.borrowck4j.analyzer.facts.MoveCause.Kind.CLOSED_WITH) {
          yield "cannot close " + place + " while it is borrowed: closing `" + m.cause().subject() + "` closes it";
        }
        String verb = m.cause().subject();
        yield RELEASING_VERBS.contains(verb)
            ? "cannot " + verb + " " + place + " while it is borrowed"
            : "cannot consume " + place + " with `" + verb + "()` while it is borrowed";
      }
    };
  }

  /** Consuming methods whose name reads as a verb in a message ("cannot close `st`"). */
  private static final java.util.Set<String> RELEASING_VERBS =
      java.util.Set.of("close", "release", "free", "dispose", "shutdown", "destroy", "finish", "build");

  public static String accessLabel(Conflict c) {
    Event a = c.access();
    if (a instanceof Event.Mutate m && c.kind() == PlacesConflict.Kind.ACTIVATION_WHILE_BORROWED) {
      return "mutable borrow of `" + a.place().name() + "` activated here (`" + m.cause().name() + "` is @Mut)";
    }
    if (a instanceof Event.Mutate m) {
      return mutationLabel(m.cause());
    }
    if (a instanceof Event.Operand o) {
      return "borrow occurs here (" + operandName(o) + " of `" + o.callee() + "`)";
    }
    if (a instanceof Event.MutateShared m) {
      return mutationLabel(m.cause()) + ", through a shared borrow";
    }
    if (a instanceof Event.ArgumentBorrow arg) {
      return (arg.kind() == Loan.Kind.MUT ? "mutable borrow occurs here" : "borrow occurs here")
          + " (" + MoveDiagnostics.parameter(arg.parameter()) + " of `" + arg.callee() + "` is "
          + (arg.kind() == Loan.Kind.MUT ? "@Mut" : "@Borrowed") + ")";
    }
    if (a instanceof Event.Borrow b) {
      return b.loan().kind() == Loan.Kind.MUT ? "mutable borrow occurs here" : "borrow occurs here";
    }
    if (a instanceof Event.Move m) {
      return MoveDiagnostics.moveLabel(m.cause(), MoveDiagnostics.Qualifier.NONE, a.place());
    }
    return "use of `" + a.place().name() + "` occurs here";
  }

  private static String mutationLabel(MutationCause cause) {
    return switch (cause.kind()) {
      case MUT_METHOD -> "mutated here (`" + cause.name() + "` is @Mut)";
      case MUT_ARGUMENT -> "mutated here (" + MoveDiagnostics.parameter(cause.name()) + " of `" + cause.callee() + "` is @Mut)";
      case MUT_IN_CALLEE -> "mutated here: `" + cause.callee() + "` changes it (`" + cause.name() + "` is @Mut)";
      case MUT_LOCAL -> "borrowed as @Mut here by `" + cause.name() + "`";
      case FIELD_ASSIGNMENT -> "field `" + cause.name() + "` assigned here";
      case ASSIGNMENT -> "`" + cause.name() + "` is assigned here while borrowed";
    };
  }

  /** Secondary labels: where the loan was created and where it is used later. */
  public static List<Label> labels(Conflict c) {
    List<Label> labels = new ArrayList<>();
    if (c.other() != null && c.kind() == PlacesConflict.Kind.CHANGED_WHILE_RUNNING_IN_PLACE) {
      // rustc's E0502 with a closure: "immutable borrow occurs here", "immutable borrow later used by call".
      Event.Operand o = (Event.Operand) c.other();
      labels.add(
          new Label(
              Span.of(o.at()),
              Label.Kind.LOAN,
              "`" + o.place().name() + "` borrowed here"
                  + (o.through().isEmpty() ? "" : ", through `" + o.through().get(o.through().size() - 1).name() + "`")));
      labels.add(
          new Label(
              calleeSpan(o), Label.Kind.LATER_USE, "borrow later used by the call, which runs the lambda while it reads `"
                  + o.place().name() + "`"));
    } else if (c.other() != null) {
      Event o = c.other();
      labels.add(
          new Label(
              Span.of(o.at()),
              Label.Kind.OTHER_ARGUMENT,
              (isMutable(o) ? "mutable borrow" : "borrow") + " of `" + o.place().name() + "` here (" + operandName(o) + ")"));
      if (c.kind() != PlacesConflict.Kind.CONFLICTING_ARGUMENTS) {
        // The other operand's borrow lasts until the callee has run (rustc: "later used by call").
        labels.add(new Label(calleeSpan(o), Label.Kind.LATER_USE, (isMutable(o) ? "mutable borrow" : "borrow") + " later used by the call"));
      }
    }
    Loan loan = c.loan();
    if (loan != null) {
      // A loan taken through a borrow is shown as borrowing that borrow (`st`, not the connection).
      org.borrowck4j.analyzer.cfg.Variable shown =
          loan.through().contains(c.access().place()) ? c.access().place() : loan.root();
      labels.add(new Label(loanSpan(loan), Label.Kind.LOAN, loanLabel(loan, shown)));
      LaterUse later = c.laterUse();
      if (later != null) {
        labels.add(new Label(laterSpan(later), Label.Kind.LATER_USE, laterLabel(later, loan)));
      }
    }
    return labels;
  }

  /** The name of the method an operand is passed to, or the whole creation for a constructor. */
  private static Span calleeSpan(Event operand) {
    Node call =
        operand instanceof Event.ArgumentBorrow a
            ? a.call()
            : operand instanceof Event.Operand o ? o.call() : operand.at(); // a receiver's mutation is at its call
    return call instanceof MethodCallExpr m ? Span.of(m.getName()) : Span.of(call);
  }

  private static String callee(Event operand) {
    return operand instanceof Event.ArgumentBorrow a ? a.callee() : ((Event.Operand) operand).callee();
  }

  private static boolean isReceiver(Event operand) {
    return operand instanceof Event.Operand o && o.parameter() == null;
  }

  private static boolean isMutable(Event operand) {
    return (operand instanceof Event.ArgumentBorrow a && a.kind() == Loan.Kind.MUT) || operand instanceof Event.Mutate;
  }

  /** What an operand is to its call: {@code parameter `p`}, or the receiver. */
  private static String operandName(Event operand) {
    if (operand instanceof Event.ArgumentBorrow a) {
      return MoveDiagnostics.parameter(a.parameter());
    }
    if (operand instanceof Event.Mutate m) {
      return "the receiver of @Mut `" + m.cause().name() + "`";
    }
    Event.Operand o = (Event.Operand) operand;
    return o.parameter() == null ? "the receiver" : MoveDiagnostics.parameter(o.parameter());
  }

  private static Span loanSpan(Loan loan) {
    if (loan.createdAt() instanceof MethodCallExpr call && loan.origin() == Loan.Origin.METHOD) {
      return Span.between(call.getName(), call);
    }
    return Span.of(loan.createdAt());
  }

  static String loanLabel(Loan loan, org.borrowck4j.analyzer.cfg.Variable shown) {
    String root =
        "`" + shown.name() + "`"
            + (shown == loan.root() && !loan.through().isEmpty()
                ? " (through `" + loan.through().get(loan.through().size() - 1).name() + "`)"
                : "");
    String how = loan.kind() == Loan.Kind.MUT ? " mutably borrowed here" : " borrowed here";
    return switch (loan.origin()) {
      case FOR_EACH -> root + how + " by the for-each loop";
      case METHOD -> root + how + " by `" + loan.via() + "()`";
      case DERIVED -> root + how + ": `" + loan.via() + "()` derives a value from it";
      case EXPLICIT -> root + how;
    };
  }

  private static Span laterSpan(LaterUse later) {
    if (later.byLoop() && later.at() instanceof ForEachStmt loop) {
      return Span.of(loop.getVariable());
    }
    return Span.of(later.at());
  }

  private static String laterLabel(LaterUse later, Loan loan) {
    String what = loan.kind() == Loan.Kind.MUT ? "mutable borrow later used here" : "borrow later used here";
    if (later.byLoop()) {
      return what + ", by the next iteration";
    }
    return later.nextIteration() ? what + ", in the next iteration" : what;
  }

  public static List<Note> notes(Conflict c) {
    List<Note> notes = new ArrayList<>();
    Loan loan = c.loan();
    switch (c.kind()) {
      case MUTATION_WHILE_BORROWED -> {
        String root = "`" + loan.root().name() + "`";
        boolean throughAnotherBorrow = c.access() instanceof Event.Mutate m && m.through() != null;
        if (loan.origin() == Loan.Origin.FOR_EACH && throughAnotherBorrow) {
          notes.add(
              Note.help(
                  "the for-each loop is still iterating " + root + ": iterate with the iterator that makes the"
                      + " change instead of a for-each loop, or make the change after the loop"));
        } else if (loan.origin() == Loan.Origin.FOR_EACH) {
          notes.add(
              Note.help(
                  "remove through an explicit `Iterator` (`it.remove()`) or use `removeIf`; otherwise collect the"
                      + " changes and apply them after the loop, or `break` right after the change"));
        } else if (isStream(loan)) {
          notes.add(
              Note.help(
                  "finish the stream (run its terminal operation) before changing " + root + ", or stream over a copy"));
        } else if (isIterator(loan)) {
          notes.add(
              Note.help(
                  "change " + root + " through the iterator (`" + holderName(c) + ".remove()`), or stop using `"
                      + holderName(c) + "` before changing it"));
        } else if (loan.writeThrough()) {
          notes.add(Note.help("change " + root + " through the view, or finish using the view before changing it"));
        } else {
          notes.add(Note.help("finish using the borrow before mutating " + root));
        }
        if (loan.writeThrough() && (loan.origin() == Loan.Origin.FOR_EACH || isIterator(loan))) {
          notes.add(Note.note("at run time this fails with ConcurrentModificationException when the iteration goes on"));
        }
      }
      case USE_WHILE_MUTABLY_BORROWED ->
          notes.add(Note.help("use the value through the mutable borrow while it is in use, or after its last use"));
      case MUTABLE_BORROW_WHILE_BORROWED, SHARED_BORROW_WHILE_MUTABLY_BORROWED ->
          notes.add(Note.help("end the earlier borrow (its last use is later) before borrowing `" + c.access().place().name() + "` again"));
      case CONFLICTING_ARGUMENTS -> notes.add(Note.help("pass a copy as one of the arguments"));
      case CHANGED_WHILE_RUNNING_IN_PLACE -> {
        String root = "`" + c.access().place().name() + "`";
        notes.add(
            Note.help(
                "collect the changes in the lambda and make them after the call returns, or run the call over a copy of "
                    + root));
        notes.add(
            Note.note("the lambda runs during the call, while it reads " + root + ": at run time this fails with"
                + " ConcurrentModificationException"));
      }
      case ACTIVATION_WHILE_BORROWED ->
          notes.add(
              Note.help(
                  "pass a copy of `" + c.access().place().name() + "` (or of what the argument reads from it), or compute"
                      + " the argument into a value that does not borrow it before the call"));
      case ASSIGNMENT_WHILE_BORROWED ->
          notes.add(
              Note.help(
                  "finish using the borrow before `" + c.access().place().name() + "` gets a new value, or keep the new"
                      + " value in another variable"));
      case MUTATION_THROUGH_SHARED ->
          notes.add(
              Note.help(
                  "a @Borrowed reference may only read: declare it @Mut if it must mutate, or mutate the owner itself"));
      case MOVE_WHILE_BORROWED ->
          notes.add(
              c.other() != null
                  ? Note.help(
                      "the call still uses the borrow when `" + c.access().place().name() + "` is "
                          + (((Event.Move) c.access()).cause().isConsumption() ? "consumed" : "moved")
                          + ": pass a copy of what is borrowed, or borrow after the move")
                  : Note.help(
                  "finish using the borrow before `" + c.access().place().name() + "` is "
                      + (((Event.Move) c.access()).cause().isConsumption() ? "consumed" : "moved")
                      + ", or keep `" + c.access().place().name() + "` until then"));
    }
    return notes;
  }

  private static final java.util.Set<String> ITERATORS =
      java.util.Set.of("iterator", "listIterator", "spliterator", "descendingIterator", "subList");
  private static final java.util.Set<String> STREAMS = java.util.Set.of("stream", "parallelStream");

  private static boolean isIterator(Loan loan) {
    return loan.origin() == Loan.Origin.METHOD && ITERATORS.contains(loan.via());
  }

  private static boolean isStream(Loan loan) {
    return (loan.origin() == Loan.Origin.METHOD && STREAMS.contains(loan.via())) || loan.origin() == Loan.Origin.DERIVED;
  }

  private static String holderName(Conflict c) {
    LaterUse later = c.laterUse();
    if (later != null && later.at() instanceof com.github.javaparser.ast.expr.NameExpr n) {
      return n.getNameAsString();
    }
    return "the borrow";
  }
}
