package misuse;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** annotation-misuse is suppressed like every other rule. */
public class Suppressed {
  // On the element itself.
  int onParameter(@SuppressWarnings("borrowck:annotation-misuse") @Mut int total) {
    return total;
  }

  // On the method, by code.
  @SuppressWarnings("borrowck:BC900")
  @Owned
  @Borrowed
  Buffer onMethod() {
    return new Buffer();
  }

  // On the class: everything inside.
  @SuppressWarnings("borrowck")
  static class Legacy {
    @Owned int count;
  }

  // Another rule's suppression does not hide it.
  @SuppressWarnings("borrowck:use-after-move")
  int otherRule(@Borrowed int n) { // expect: annotation-misuse
    return n;
  }
}
