package cb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Two-phase borrows (rustc): a call's @Mut receiver or argument is reserved while the operands
 * are evaluated and activated at the call, where what the other operands still borrow conflicts
 * with it; a use finished before the call does not.
 */
public class TwoPhaseCalls {

  // The receiver is mutated while it is also passed as an argument (E0502).
  void addToItself(int n) {
    Matrix m = Matrix.identity(n);
    m.addFrom(m); // expect: conflicting-borrow
  }

  // Negative: a different matrix as the argument.
  void addOther(int n) {
    Matrix m = Matrix.identity(n);
    Matrix other = Matrix.identity(n);
    m.addFrom(other);
  }

  // Negative: a copy passed, which borrows nothing.
  void addCopy(int n) {
    Matrix m = Matrix.identity(n);
    m.addFrom(m.copy());
  }

  // The receiver spelled `@Mut Matrix this`, passed as the argument too.
  void absorbItself(Matrix m) {
    m.absorb(m); // expect: conflicting-borrow
  }

  // Negative: absorbing a copy.
  void absorbCopy(Matrix m) {
    m.absorb(m.copy());
  }

  // The argument borrows the receiver (a row of it) while the call mutates the receiver.
  void appendOwnRow(Matrix t) {
    t.appendCopyOf(t.row(0)); // expect: conflicting-borrow
  }

  // Negative: a row of another matrix.
  void appendOtherRow(Matrix t, Matrix other) {
    t.appendCopyOf(other.row(0));
  }

  // Negative: the row's borrow ends when `first()` returns, before the call mutates `t`.
  void bumpByFirst(Matrix t) {
    t.bump(t.row(0).first());
  }

  // The receiver and a @Mut argument are one matrix (E0499).
  void swapWithItself(Matrix m) {
    m.swapFirstRow(m); // expect: conflicting-borrow
  }

  // Negative: two matrices.
  void swapAcross(Matrix a, Matrix b) {
    a.swapFirstRow(b);
  }

  // A matrix read as the receiver and mutated as the argument of the same call.
  void copyIntoItself(Matrix m) {
    m.copyInto(m); // expect: conflicting-borrow
  }

  // Negative: into another matrix.
  void copyIntoOther(Matrix m, Matrix target) {
    m.copyInto(target);
  }

  // A collection added to itself (undefined by Collection.addAll's contract).
  void doubleUp(List<String> names) {
    names.addAll(names); // expect: conflicting-borrow
  }

  // A view of the list passed to the list's own @Mut method.
  void appendHead(List<String> names) {
    names.addAll(names.subList(0, 1)); // expect: conflicting-borrow
  }

  // Negative: a copy of the view.
  void appendHeadCopy(List<String> names) {
    names.addAll(new ArrayList<>(names.subList(0, 1)));
  }

  // Negative: the read is finished before the mutation (rustc's `v.push(v.len())`).
  void appendSizes(List<Integer> values, Map<String, Integer> counts, String key, List<String> names) {
    values.add(values.size());
    counts.put(key, counts.get(key) + 1);
    names.add(names.get(0) + names.size());
  }

  // Negative: a mutation while the arguments are evaluated is no conflict with the receiver's
  // reservation in Java (`list.add(list.remove(0))` rotates a list).
  void rotate(List<String> names) {
    names.add(names.remove(0));
  }

  // Borrows taken in the arms of ?: are held by the iterator: modifying either list conflicts.
  String firstAfterAdd(boolean c, List<String> a, List<String> b) {
    Iterator<String> it = c ? a.iterator() : b.iterator();
    b.add("x"); // expect: conflicting-borrow
    return it.next();
  }

  // Negative: the iterator's last use comes before the change.
  String firstThenAdd(boolean c, List<String> a, List<String> b) {
    Iterator<String> it = c ? a.iterator() : b.iterator();
    String first = it.next();
    b.add("x");
    return first;
  }
}
