package parity;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/**
 * E0596, "cannot borrow as mutable" (through a shared reference), translated from rustc's
 * error-code docs and borrowck UI tests: a {@code @Borrowed} parameter, local or result is Rust's
 * {@code &}. Reported as conflicting-borrow (BC003).
 */
public class E0596 {
  @Borrowed private Vec shared = Vec.of(1);

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0596.md: `let x = 1; let y = &mut x;`,
  // `x` only lent to us
  void mutableLocalFromShared(@Borrowed Vec x) {
    @Mut Vec y = x; // expect: conflicting-borrow
    y.push(1);
  }

  // mirrors: tests/ui/borrowck/borrowck-access-permissions.rs ("borrow of deref to reference"):
  // `let ref_x = &x; let _y1 = &mut *ref_x;`, handed to a `&mut` parameter
  void sharedLocalPassedAsMutable(Vec x) {
    @Borrowed Vec refX = x;
    Vecs.bar(refX); // expect: conflicting-borrow
  }

  // mirrors: tests/ui/borrowck/mutability-errors.rs (named_ref): `fn named_ref(x: &(i32,)) { x.0 = 1; }`
  void assignFieldThroughShared(@Borrowed Vec x) {
    x.tag = 1; // expect: conflicting-borrow
  }

  // mirrors: tests/ui/borrowck/borrowck-auto-mut-ref-to-immut-var.rs: `x.printme()` with
  // `printme(&mut self)` on a value we may only read
  void mutableMethodOnShared(@Borrowed Vec x) {
    x.push(3); // expect: conflicting-borrow
  }

  // mirrors: tests/ui/borrowck/mutability-errors.rs (named_ref): `&mut *x` passed on, with `x: &_`
  void sharedParameterPassedAsMutable(@Borrowed Vec x) {
    Vecs.bar(x); // expect: conflicting-borrow
  }

  // mirrors: tests/ui/borrowck/mutability-errors.rs (unnamed_ref): `f().0 = 1` where `f()` returns a `&`
  void mutateThroughABorrowedResult(Vec v) {
    v.view().fill(0); // expect: conflicting-borrow
  }

  // mirrors: tests/ui/did_you_mean/issue-38147-2.rs: `self.s.push('x')` where the field `s` is a `&String`
  void mutateThroughASharedField() {
    this.shared.push(1); // expect: conflicting-borrow
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0596.md (fix: `let mut x`):
  // the parameter lent as @Mut
  void mutableLocalFromMutable(@Mut Vec x) {
    @Mut Vec y = x;
    y.push(1);
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-access-permissions.rs: `let _y2 = &mut x_mut; // No error`
  void mutableLocalFromOwned() {
    Vec xMut = Vec.of(1);
    @Mut Vec y = xMut;
    y.push(2);
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-access-permissions.rs: `let ref_x_mut = &mut x_mut;
  // let _y2 = &mut *ref_x_mut; // No error`
  void mutableLocalPassedAsMutable(Vec xMut) {
    @Mut Vec refXMut = xMut;
    Vecs.bar(refXMut);
  }

  // Negative. mirrors: tests/ui/borrowck/mutability-errors.rs: only reading through `x: &_`
  int readThroughShared(@Borrowed Vec x) {
    return x.len() + x.tag + x.view().get(0);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0596.md: mutate a copy that is ours
  void mutateACopy(@Borrowed Vec x) {
    Vec mine = x.copy();
    Vecs.bar(mine);
    mine.push(x.len());
  }
}
