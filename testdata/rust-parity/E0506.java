package parity;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/**
 * E0506, "cannot assign to ... because it is borrowed", translated from rustc's error-code docs
 * and borrowck UI tests: an owner given a new value, or a field of it assigned, while a borrow of
 * it is used later. Reported as conflicting-borrow (BC003).
 */
public class E0506 {
  @Owned private Vec current = Vec.of(1);

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0506.md and tests/ui/error-codes/E0506.rs:
  // `let fancy_ref = &fancy_num; fancy_num = FancyNum { num: 6 }; fancy_ref.num`
  int assignWhileReferenced() {
    Vec fancyNum = Vec.of(5);
    @Borrowed Vec fancyRef = fancyNum;
    fancyNum = Vec.of(6); // expect: conflicting-borrow
    return fancyNum.len() + fancyRef.len();
  }

  // mirrors: tests/ui/borrowck/borrowck-assign-comp.rs (fn c): `let q = &p.y; p = Point {..}; *q;`
  int assignWhilePartIsBorrowed() {
    Vec p = Vec.of(3, 4);
    View q = p.view();
    p = Vec.of(5, 7); // expect: conflicting-borrow
    return q.get(0) + p.len();
  }

  // mirrors: tests/ui/borrowck/borrowck-assign-comp.rs (fn a): `let q = &p; p.x = 5; q.x;`
  int assignFieldWhileBorrowed() {
    Vec p = Vec.of(3, 4);
    @Borrowed Vec q = p;
    p.tag = 5; // expect: conflicting-borrow
    return q.tag;
  }

  // mirrors: tests/ui/higher-ranked/trait-bounds/hrtb-identity-fn-borrows.rs: `let y = f.call(&x); x = 5; drop(y);`
  int assignWhileACallResultBorrows() {
    Vec x = Vec.of(3);
    View y = Vecs.identity(x);
    x = Vec.of(5); // expect: conflicting-borrow
    return y.len() + x.len();
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0506.md, the owner a field: assigned while
  // a view of its old value is read
  int assignFieldOwnerWhileViewed() {
    View q = current.view();
    current = Vec.of(2); // expect: conflicting-borrow
    return q.len();
  }

  // mirrors: tests/ui/borrowck/borrowck-assign-comp.rs (fn d): `let q = &p.y; p.y = 5; *q;`
  int assignFieldWhileViewed() {
    Vec p = Vec.of(3, 4);
    View q = p.view();
    p.tag = 5; // expect: conflicting-borrow
    return q.get(0);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0506.md (fix: move out into a
  // second variable, then assign)
  int moveOutThenAssign() {
    Vec fancyNum = Vec.of(5);
    Vec movedNum = fancyNum;
    fancyNum = Vec.of(6);
    return fancyNum.len() + movedNum.len();
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0506.md (fix: limit the borrow
  // to a block)
  int borrowInABlockThenAssign() {
    Vec fancyNum = Vec.of(5);
    int n;
    {
      @Borrowed Vec fancyRef = fancyNum;
      n = fancyRef.len();
    }
    fancyNum = Vec.of(6);
    return n + fancyNum.len();
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0506.md (fix: the borrow moved
  // into a function whose borrow has ended)
  int borrowInACallThenAssign() {
    Vec fancyNum = Vec.of(5);
    int n = Vecs.borrow(fancyNum);
    fancyNum = Vec.of(6);
    return n + fancyNum.len();
  }

  // Negative. mirrors: tests/ui/higher-ranked/trait-bounds/hrtb-identity-fn-borrows.rs (second
  // half): the call's result not stored, so `x` can be assigned
  int assignAfterUnstoredCalls() {
    Vec x = Vec.of(3);
    Vecs.identity(x);
    Vecs.identity(x);
    x = Vec.of(5);
    return x.len();
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-assign-comp.rs, fixed: `q` read before the assignment
  int assignFieldAfterTheBorrow() {
    Vec p = Vec.of(3, 4);
    View q = p.view();
    int first = q.get(0);
    p.tag = 5;
    return first;
  }
}
