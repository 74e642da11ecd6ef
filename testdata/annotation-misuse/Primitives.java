package misuse;

import java.util.function.IntUnaryOperator;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;
import org.borrowck4j.annotations.Retained;

/** A primitive is copied wherever it goes: nothing to own, borrow or keep. */
public class Primitives {
  @Owned int count; // expect: annotation-misuse

  // Negative: an array is a reference.
  @Owned int[] counts = new int[4];

  int add(@Mut int total, int step) { // expect: annotation-misuse
    return total + step;
  }

  void remember(@Retained long stamp) {} // expect: annotation-misuse

  int local() {
    @Borrowed double ratio = 0.5; // expect: annotation-misuse
    int sum = 0;
    for (@Mut int c : counts) { // expect: annotation-misuse
      sum += c;
    }
    return sum + (int) ratio;
  }

  IntUnaryOperator twice = (@Owned int x) -> 2 * x; // expect: annotation-misuse

  // A method's result: a primitive one, or none at all, cannot be owned or borrowed.
  @Owned int size() { // expect: annotation-misuse
    return count;
  }

  @Borrowed void clear() {} // expect: annotation-misuse

  // Negatives: on a method, @Mut and @Consumes speak of the receiver, whatever the result.
  @Mut int increment() {
    return ++count;
  }

  @Consumes boolean drain() {
    return true;
  }

  // Negative: a borrowed view of the counts is a reference.
  @Borrowed int[] view() {
    return counts;
  }

  record Point(@Owned int x, int y) {} // expect: annotation-misuse
}
