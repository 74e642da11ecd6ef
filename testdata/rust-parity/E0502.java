package parity;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/**
 * E0502, "cannot borrow as mutable because it is also borrowed as immutable", translated from
 * rustc's error-code docs and borrowck UI tests. Reported as conflicting-borrow (BC003).
 */
public class E0502 {

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0502.md and tests/ui/error-codes/E0502.rs:
  // `let y = &a; bar(a); y.use_ref();` with `fn bar(x: &mut i32)`
  int mutableArgumentWhileShared(Vec a) {
    @Borrowed Vec y = a;
    Vecs.bar(a); // expect: conflicting-borrow
    return y.len();
  }

  // mirrors: tests/ui/borrowck/borrowck-for-loop-head-linkage.rs: `for &x in &vector { vector.extend(..) }`
  void extendWhileIterating(List<Integer> vector) {
    for (int x : vector) {
      vector.add(x); // expect: conflicting-borrow
    }
  }

  // mirrors: tests/ui/borrowck/borrowck-loan-rcvr.rs (fn b): `let l = &mut p; p.impurem(); l.x += 1;`
  int sharedReceiverWhileMutablyBorrowed(Vec p) {
    @Mut Vec l = p;
    int n = p.len(); // expect: conflicting-borrow
    l.push(n);
    return n;
  }

  // mirrors: the two-phase borrows of rustc (tests/ui/borrowck/two-phase-cannot-nest-mut-self-calls.rs,
  // the shared borrow live at the activation): `v.extend_from_slice(&v)`
  void extendFromItself(Vec v) {
    v.extendFrom(v.view()); // expect: conflicting-borrow
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0502.md with the Book's vector example
  // (`let first = &v[0]; v.push(6); first`): a view taken, the owner mutated, the view read
  int pushWhileViewed(Vec v) {
    View first = v.view();
    v.push(1); // expect: conflicting-borrow
    return first.get(0);
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0502.md, the `&mut` taken as an explicit
  // local while the shared borrow is used later
  int mutableLocalWhileShared(Vec a) {
    View y = a.view();
    @Mut Vec m = a; // expect: conflicting-borrow
    m.push(1);
    return y.len();
  }

  // mirrors: the two-phase borrows of rustc (tests/ui/borrowck/two-phase-multi-mut.rs with `&foo`):
  // a free function `extend(&mut v, &v)`
  void extendWithItself(Vec v) {
    Vecs.extend(v, v.view()); // expect: conflicting-borrow
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0502.md (fixed example):
  // `bar(a); let y = &a;`
  int mutableArgumentThenShared(Vec a) {
    Vecs.bar(a);
    @Borrowed Vec y = a;
    return y.len();
  }

  // Negative. mirrors: tests/ui/borrowck/two-phase-baseline.rs: `v.push(v.len())`, the read done
  // before the call mutates
  void pushLength(Vec v) {
    v.push(v.len());
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-for-loop-head-linkage.rs, fixed: the changes
  // collected and applied after the loop
  void extendAfterIterating(List<Integer> vector) {
    List<Integer> more = new ArrayList<>();
    for (int x : vector) {
      more.add(x);
    }
    vector.addAll(more);
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-loan-rcvr.rs (fn a): `p.impurem()` with no
  // outstanding loan
  int sharedReceiverAlone(Vec p) {
    int n = p.len();
    p.push(n);
    return n;
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0502.md (fix: no other reference
  // to the vector when it is mutated): `v.extend_from_slice(&v.clone())`
  void extendFromCopy(Vec v) {
    Vec copy = v.copy();
    v.extendFrom(copy.view());
  }

  // Negative. mirrors: tests/ui/borrowck/two-phase-baseline.rs: a shared borrow taken while the
  // arguments are evaluated ends before the call's mutable borrow is activated
  void pushViewLength(Vec v) {
    v.push(v.view().len());
  }
}
