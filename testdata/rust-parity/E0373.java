package parity;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntUnaryOperator;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/**
 * E0373, "closure may outlive the current function, but it borrows ...", translated from rustc's
 * error-code docs and UI tests: a lambda capturing a {@code @Borrowed}/{@code @Mut} parameter
 * handed where it runs later. Reported as borrow-escapes (BC004).
 */
public class E0373 {
  private final Executor executor;
  private Runnable task;

  E0373(Executor executor) {
    this.executor = executor;
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md: `std::thread::spawn(|| x + y)`
  void spawnCapturingABorrow(@Borrowed Vec x) {
    new Thread(() -> System.out.println(x.len())).start(); // expect: borrow-escapes
  }

  // mirrors: tests/ui/borrowck/borrowck-escaping-closure-error-1.rs: `spawn(|| books.push(4))`
  void submitCapturingAMutableBorrow(@Mut Vec books) {
    executor.execute(() -> books.push(4)); // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md: `Box::new(|y| x + y)` returned
  IntUnaryOperator returnedClosure(@Borrowed Vec x) {
    return y -> x.len() + y; // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md (the `async` block handed to `spawn`)
  CompletableFuture<Void> asyncCapturingABorrow(@Borrowed Vec v) {
    return CompletableFuture.runAsync(() -> Vecs.borrow(v)); // expect: borrow-escapes
  }

  // mirrors: tests/ui/borrowck/borrowck-escaping-closure-error-1.rs, the closure stored where it
  // outlives the call
  void storeCapturingABorrow(@Borrowed Vec x) {
    this.task = () -> x.len(); // expect: borrow-escapes
  }

  // mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md, the closure held in a local, then spawned
  void spawnAHeldClosure(@Borrowed Vec x) {
    Runnable r = () -> x.len(); // expect: borrow-escapes
    executor.execute(r);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md (fix: a `move` closure
  // with its own copy)
  void spawnCapturingACopy(@Borrowed Vec x) {
    Vec mine = x.copy();
    executor.execute(() -> System.out.println(mine.len()));
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md (fix: `move |y| x + y`
  // where `x` is a copied number)
  IntUnaryOperator returnedClosureOverANumber(@Borrowed Vec x) {
    int n = x.len();
    return y -> n + y;
  }

  // Negative. mirrors: tests/ui/borrowck/borrowck-escaping-closure-error-1.rs, fixed: the closure
  // runs during the call (`for_each`), so it cannot outlive the borrow
  int runInPlace(List<Integer> indexes, @Borrowed Vec x) {
    int[] total = {0};
    indexes.forEach(i -> total[0] += x.get(i));
    return total[0];
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md: a closure called before
  // the function returns does not outlive it
  int runBeforeReturning(@Borrowed Vec x) {
    IntUnaryOperator plus = y -> x.len() + y;
    return plus.applyAsInt(1);
  }

  // Negative. mirrors: compiler/rustc_error_codes/src/error_codes/E0373.md (fix: the closure owns
  // what it captures): an @Owned parameter is the method's to hand on
  void spawnCapturingAnOwnedValue(@Owned Vec x) {
    executor.execute(() -> System.out.println(x.len()));
  }
}
