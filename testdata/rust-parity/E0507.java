package parity;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/**
 * E0507, "cannot move out of a borrow", translated from rustc's error-code docs and UI tests: a
 * {@code @Borrowed}/{@code @Mut} parameter is only lent, and handing it to a parameter that takes
 * ownership ({@code @Owned}) gives away what the caller still owns. Reported as borrow-escapes
 * (BC004) at the argument.
 */
public class E0507 {
  /** A holder that takes ownership of the vector it is built with. */
  static final class Holder {
    @Owned private final Vec vec;

    Holder(@Owned Vec vec) {
      this.vec = vec;
    }
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0507.md: `x.borrow().nothing_is_true()`,
  // a method taking `self` by value called on a borrow
  void eatBorrowed(@Borrowed Vec v) {
    Vecs.eat(v); // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0507.md: `borrowed.knight.nothing_is_true()`
  // through `let borrowed = &mut cave`, a move out of a mutable borrow
  void eatMutablyBorrowed(@Mut Vec v) {
    v.push(1);
    Vecs.eat(v); // expect: borrow-escapes
  }

  // mirrors: tests/ui/borrowck/borrowck-issue-2657-2.rs: `Some(ref y) => { let _b = *y; }`, the
  // borrow moved out through another name
  void eatThroughALocal(@Borrowed Vec v) {
    Vec y = v;
    Vecs.eat(y); // expect: borrow-escapes
  }

  // mirrors: tests/ui/borrowck/borrowck-move-out-of-overloaded-deref.rs: `*Rc::new(..)`, moving out
  // of a handle shared with others
  Holder holdBorrowed(@Borrowed Vec v) {
    return new Holder(v); // expect: borrow-escapes
  }

  // mirrors: tests/ui/suggestions/option-content-move.rs: `selection.1.unwrap()` on one branch
  // of a condition over borrowed data
  void eatOnOneBranch(boolean fresh, @Borrowed Vec v) {
    Vec chosen = fresh ? Vec.of(1) : v;
    Vecs.eat(chosen); // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0507.md, the fix "implement Copy":
  // `#[derive(Clone, Copy)]`, a copy is moved, not the borrow
  void eatACopy(@Borrowed Vec v) {
    Vecs.eat(v.copy());
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0507.md, the fix "avoid moving":
  // `fn nothing_is_true(&self)`
  int readOnly(@Borrowed Vec v) {
    return Vecs.borrow(v);
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0507.md, the fix "reclaim the
  // ownership": `let x = x.into_inner(); x.nothing_is_true()`
  void eatOwned(@Owned Vec v) {
    Vecs.eat(v);
  }

  // mirrors: tests/ui/suggestions/option-content-move.rs, the fix `selection.1.as_ref()`: the
  // borrow lent on, a fresh value given away
  int lendTheBorrowGiveAFreshOne(@Borrowed Vec v) {
    return Vecs.add(v.view(), Vec.of(2));
  }

  // mirrors: tests/ui/borrowck/borrowck-issue-2657-2.rs, the fix `let _b = y.clone()`: a local's
  // own vector is given away
  Holder holdACopy(@Borrowed Vec v) {
    Vec mine = v.copy();
    return new Holder(mine);
  }
}
