package misuse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;
import org.borrowck4j.annotations.Retained;
import org.checkerframework.checker.mustcall.qual.MustCallAlias;
import org.checkerframework.checker.mustcall.qual.NotOwning;
import org.checkerframework.checker.mustcall.qual.Owning;

/** Two annotations that say different things about one element: one of them would be ignored. */
public class Contradictions {
  private final List<Buffer> pool = new ArrayList<>();

  // A variable owns its value or borrows it, not both.
  @Owned @Borrowed Buffer current; // expect: annotation-misuse

  // Negative: one mode per variable.
  @Owned Buffer spare;

  void locals() {
    @Borrowed @Mut Buffer cursor = pool.get(0); // expect: annotation-misuse
    cursor.read();
    @Mut Buffer writer = pool.get(0); // negative
    writer.write(1);
  }

  // Parameters: each pair of modes contradicts, whichever is written first.
  int take(@Owned @Borrowed Buffer b) { // expect: annotation-misuse
    return b.read();
  }

  int lend(@Mut @Owned Buffer b) { // expect: annotation-misuse
    return b.read();
  }

  // @Retained: the callee keeps it; a borrow must not be kept.
  int keep(@Borrowed @Retained Buffer b) { // expect: annotation-misuse
    return b.read();
  }

  // The Checker Framework's @Owning reads as @Owned.
  int checker(@Owning @Mut Buffer b) { // expect: annotation-misuse
    return b.read();
  }

  // Negative: @Owned and @Owning say the same thing.
  void same(@Owned @Owning Buffer b) {
    b.release();
  }

  // Negative: the usual single modes.
  void single(@Owned Buffer a, @Borrowed Buffer b, @Mut Buffer c, @Retained Buffer d) {
    a.release();
    c.write(b.read());
    pool.add(d);
  }

  // Three modes: each later one contradicts the first.
  int three(@Owned @Borrowed @Mut Buffer b) { // expect: annotation-misuse
    return b.read();
  }

  // A lambda parameter is a variable too.
  Consumer<Buffer> printer = (@Owned @Mut Buffer b) -> b.read(); // expect: annotation-misuse

  // On a method, @Owned and @Borrowed both describe its result.
  @Owned @Borrowed Buffer next() { // expect: annotation-misuse
    return pool.get(0);
  }

  @MustCallAlias @NotOwning Buffer alias() { // expect: annotation-misuse
    return pool.get(0);
  }

  // @Consumes and @Mut both describe what a call does to the receiver.
  @Consumes @Mut void finish() {} // expect: annotation-misuse

  @Mut void reset(@Owned Contradictions this) {} // expect: annotation-misuse

  // Negatives: on a method @Mut speaks of the receiver, @Owned and @Borrowed of the result.
  @Mut @Owned Buffer pop() {
    return pool.remove(0);
  }

  @Mut @Borrowed Buffer peekForWrite() {
    return pool.get(0);
  }

  @Consumes @Owned Buffer build() {
    return new Buffer();
  }

  @Consumes void close(@Owned Contradictions this) {}

  // A record component is the canonical constructor's parameter and the field (D12).
  record Pair(@Owned @Borrowed Buffer left, @Owned Buffer right) {} // expect: annotation-misuse
}
