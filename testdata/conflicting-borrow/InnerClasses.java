package cb;

import java.util.ArrayList;
import java.util.List;

/** `Outer.this.field` is the field itself (DESIGN, places), from inner classes and lambdas. */
public class InnerClasses {
  private final List<String> names = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();

  class Doubler {
    // The outer list changed while a for-each loop iterates over it.
    void doubleAll() {
      for (String n : InnerClasses.this.names) {
        InnerClasses.this.names.add(n + n); // expect: conflicting-borrow
      }
    }

    // Spelled once qualified, once not: one field.
    void doubleMixed() {
      for (String n : names) {
        InnerClasses.this.names.add(n); // expect: conflicting-borrow
      }
    }

    // Negative: iterating one field of the outer instance while adding to another.
    void remember() {
      for (String n : InnerClasses.this.names) {
        InnerClasses.this.seen.add(n);
      }
    }
  }
}
