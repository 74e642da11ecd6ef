package cb;

import java.util.List;
import org.borrowck4j.annotations.Borrowed;

/**
 * Code no execution reaches is never reported, whatever else the method holds: the same rule for
 * a method with a loan elsewhere and one without.
 */
public class UnreachableCode {
  /** The nearest bug: the same mutation through a shared borrow, reached. */
  void reached(@Borrowed Buffer b) {
    b.write(1); // expect: conflicting-borrow
  }

  void neverRunWithoutLoans(@Borrowed Buffer b) {
    if (false) {
      b.write(1);
    }
  }

  int neverRunWithALoanElsewhere(@Borrowed Buffer b, List<String> names) {
    int n = 0;
    for (String name : names) {
      n += name.length();
    }
    if (false) {
      b.write(1);
    }
    return n;
  }
}
