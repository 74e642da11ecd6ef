package parity;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/**
 * E0499, "cannot borrow as mutable more than once at a time", translated from rustc's error-code
 * docs and borrowck UI tests (a @Mut local or parameter is Rust's {@code &mut}, a @Mut method
 * takes {@code &mut self}). Reported as conflicting-borrow (BC003). Each case cites its source.
 */
public class E0499 {

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0499.md (erroneous example) and
  // tests/ui/error-codes/E0499.rs: `let x = &mut i; let a = &mut i; x;`
  int twoMutableLocals(Vec i) {
    @Mut Vec x = i;
    @Mut Vec a = i; // expect: conflicting-borrow
    return x.len();
  }

  // mirrors: tests/ui/borrowck/two-phase-multi-mut.rs: `foo.method(&mut foo)`, `method(&mut self, &mut Foo)`
  void receiverAndArgumentBothMutable(Vec v) {
    v.append(v); // expect: conflicting-borrow
  }

  // mirrors: tests/ui/borrowck/mut-borrow-outside-loop.rs: the second `&mut` inside a loop
  void twoMutableLocalsInALoop(Vec v, int rounds) {
    for (int i = 0; i < rounds; i++) {
      @Mut Vec first = v;
      @Mut Vec second = v; // expect: conflicting-borrow
      second.push(i);
      first.push(i);
    }
  }

  // mirrors: tests/ui/borrowck/borrowck-borrow-mut-object-twice.rs: `let y = x.f1(); x.f2(); y.use_ref();`
  int mutableMethodWhileItsResultIsUsed(Vec x) {
    View y = x.grow();
    x.push(1); // expect: conflicting-borrow
    return y.len();
  }

  // mirrors: tests/ui/borrowck/two-phase-multi-mut.rs, through a @Mut parameter: both `&mut` borrows
  // of `foo` are the same call's
  void receiverAndMutableArgumentThroughAParameter(@Mut Vec v) {
    v.append(v); // expect: conflicting-borrow
  }

  // mirrors: tests/ui/borrowck/mut-borrow-outside-loop.rs (first case): one `&mut` passed on while
  // the other is still used
  void mutableLocalPassedAsMutableWhileAnotherIsUsed(Vec v) {
    @Mut Vec first = v;
    Vecs.bar(v); // expect: conflicting-borrow
    first.push(1);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0499.md (fixed example): one `&mut` only
  void oneMutableLocal(Vec v) {
    @Mut Vec x = v;
    x.push(1);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0499.md (fixed example): many `&` at once
  int manySharedLocals(Vec v) {
    @Borrowed Vec a = v;
    @Borrowed Vec b = v;
    return a.len() + b.len();
  }

  // Negative. mirrors: tests/ui/borrowck/mut-borrow-outside-loop.rs under NLL: the first borrow's
  // last use comes before the second
  void sequentialMutableLocals(Vec v) {
    @Mut Vec first = v;
    first.push(1);
    @Mut Vec second = v;
    second.push(2);
  }

  // Negative. mirrors: tests/ui/borrowck/two-phase-baseline.rs: `v.push(v.len())`
  void pushLength(Vec v) {
    v.push(v.len());
  }

  // Negative. mirrors: tests/ui/borrowck/two-phase-multi-mut.rs, fixed: another vector as the argument
  void appendOther(Vec v, Vec other) {
    v.append(other);
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-borrow-mut-object-twice.rs, fixed: the result's
  // last use comes before the second `&mut self` call
  int mutableMethodAfterItsResultIsUsed(Vec x) {
    View y = x.grow();
    int n = y.len();
    x.push(n);
    return n;
  }
}
