package parity;

import org.borrowck4j.annotations.Borrowed;

/**
 * E0505, "cannot move out of ... because it is borrowed", translated from rustc's error-code docs
 * and borrowck UI tests. A vector from {@code Vec.of} or {@code copy()} is an owner; {@code
 * Vecs.eat} takes it (@Owned). Reported as move-while-borrowed (BC002).
 */
public class E0505 {

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0505.md (erroneous example):
  // `let _ref_to_val = &x; eat(x); borrow(_ref_to_val);`
  int eatWhileBorrowed() {
    Vec x = Vec.of(1, 2);
    @Borrowed Vec refToVal = x;
    Vecs.eat(x); // expect: move-while-borrowed
    return Vecs.borrow(refToVal);
  }

  // mirrors: tests/ui/borrowck/borrowck-loan-blocks-move.rs: `let w = &v; take(v); w.use_ref();`
  int takeWhileViewed() {
    Vec v = Vec.of(3);
    View w = v.view();
    Vecs.eat(v); // expect: move-while-borrowed
    return w.len();
  }

  // mirrors: tests/ui/borrowck/borrowck-bad-nested-calls-move.rs: `add(&*a, a)`, the first
  // argument's borrow still used by the call that takes the second
  int borrowAndMoveInOneCall() {
    Vec a = Vec.of(1);
    return Vecs.add(a.view(), a); // expect: move-while-borrowed
  }

  // mirrors: tests/ui/borrowck/borrowck-loan-blocks-move-cc.rs: `let w = &v; thread::spawn(move || ..v..); w.use_ref();`
  int moveIntoClosureWhileBorrowed() {
    Vec v = Vec.of(3);
    View w = v.view();
    Runnable task = () -> Vecs.eat(v); // expect: move-while-borrowed
    new Thread(task).start();
    return w.len();
  }

  // mirrors: tests/ui/borrowck/borrowck-move-subcomponent.rs: `let pb = &a; let S { x: ax } = a; f(pb);`
  int moveByAssignmentWhileBorrowed() {
    Vec a = Vec.of(1);
    View pb = a.view();
    Vec ax = a; // expect: move-while-borrowed
    ax.push(2);
    return pb.len();
  }

  // mirrors: tests/ui/error-codes/E0505.rs: the borrow held in an inner block, used after the move
  int eatInsideABlock() {
    Vec x = Vec.of(5);
    {
      View refToVal = x.view();
      Vecs.eat(x); // expect: move-while-borrowed
      return refToVal.len();
    }
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0505.md (first fix): pass by
  // reference instead of moving
  int borrowInsteadOfEat() {
    Vec x = Vec.of(1, 2);
    @Borrowed Vec refToVal = x;
    Vecs.borrow(x);
    return Vecs.borrow(refToVal);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0505.md (second fix): the
  // borrow's last use before the move
  int borrowEndsBeforeTheMove() {
    Vec x = Vec.of(1, 2);
    @Borrowed Vec refToVal = x;
    int n = Vecs.borrow(refToVal);
    Vecs.eat(x);
    return n;
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0505.md (third fix): a copy is
  // what moves
  int eatACopy() {
    Vec x = Vec.of(1, 2);
    @Borrowed Vec refToVal = x;
    Vecs.eat(x.copy());
    return Vecs.borrow(refToVal);
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-bad-nested-calls-move.rs, fixed: the borrowed
  // argument is a view of a copy
  int borrowACopyAndMove() {
    Vec a = Vec.of(1);
    return Vecs.add(a.copy().view(), a);
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-loan-blocks-move-cc.rs, fixed: the borrow used
  // before the value moves into the closure
  int moveIntoClosureAfterTheBorrow() {
    Vec v = Vec.of(3);
    View w = v.view();
    int n = w.len();
    Runnable task = () -> Vecs.eat(v);
    new Thread(task).start();
    return n;
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-move-subcomponent.rs, fixed: `f(pb)` before the move
  int moveByAssignmentAfterTheBorrow() {
    Vec a = Vec.of(1);
    View pb = a.view();
    int n = pb.len();
    Vec ax = a;
    ax.push(n);
    return n;
  }
}
