package misuse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;
import org.borrowck4j.annotations.Retained;

/** Annotations where the contract gives them no meaning. */
public class Misplaced {
  // @Retained says that a method keeps an argument: it is for method parameters.
  @Retained List<Buffer> kept = new ArrayList<>(); // expect: annotation-misuse

  @Retained List<Buffer> all() { // expect: annotation-misuse
    return kept;
  }

  void locals() {
    @Retained Buffer b = new Buffer(); // expect: annotation-misuse
    kept.add(b);
    try {
      b.read();
    } catch (@Retained RuntimeException e) { // expect: annotation-misuse
      throw e;
    }
  }

  Consumer<Buffer> adder = (@Retained Buffer b) -> kept.add(b); // expect: annotation-misuse

  // Negatives: a method parameter, and a record component (the canonical constructor's parameter).
  void register(@Retained Buffer b) {
    kept.add(b);
  }

  record Registration(@Retained Buffer buffer) {}

  // A type is owned or not; it is never borrowed as a whole.
  @Borrowed // expect: annotation-misuse
  static class View {}

  @Mut interface Sink {} // expect: annotation-misuse

  // Negative: an owned type.
  @Owned
  static class Handle {}
}
