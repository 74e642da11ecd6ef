package suppressions;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/** @SuppressWarnings("borrowck…") on every kind of declaration; unsuppressed twins are reported. */
public class Suppressed {
  /** A resource that is released once. */
  public static final class Lease {
    @Consumes
    public void release() {}

    public int id() {
      return 1;
    }
  }

  private Object kept;

  // On a method: everything inside is suppressed.
  @SuppressWarnings("borrowck")
  int methodWide(Lease lease) {
    lease.release();
    return lease.id();
  }

  // A rule named by its id suppresses only that rule.
  @SuppressWarnings("borrowck:use-after-move")
  int onlyThatRule(Lease lease) {
    lease.release();
    return lease.id();
  }

  // A rule named by its code works too, among other values.
  @SuppressWarnings({"unchecked", "borrowck:BC003"})
  void byCode(List<String> names) {
    for (String n : names) {
      names.remove(n);
    }
  }

  // Another rule's suppression does not hide this one.
  @SuppressWarnings("borrowck:conflicting-borrow")
  int otherRule(Lease lease) {
    lease.release();
    return lease.id(); // expect: use-after-move
  }

  // On a local: the findings about that variable.
  int onALocal(List<String> source) {
    @SuppressWarnings("borrowck") List<String> names = new ArrayList<>(source);
    for (String n : names) {
      names.add(n + "!");
    }
    return names.size();
  }

  // On a parameter: the findings about that parameter.
  void onAParameter(@SuppressWarnings("borrowck:borrow-escapes") @Borrowed Object value) {
    this.kept = value;
  }

  // The unsuppressed twin of the parameter case.
  void parameterNotSuppressed(@Borrowed Object value) {
    this.kept = value; // expect: borrow-escapes
  }

  // On a field: findings inside its initializer.
  @SuppressWarnings("borrowck")
  private final Runnable task = () -> {
    Lease lease = new Lease();
    lease.release();
    lease.release();
  };

  // The unsuppressed twin: the same code in a method.
  void releaseTwice() {
    Lease lease = new Lease();
    lease.release();
    lease.release(); // expect: use-after-move
  }

  /** On a class: everything in it. */
  @SuppressWarnings("borrowck")
  static final class Legacy {
    int reuse(@Owned Lease lease, Suppressed s) {
      s.take(lease);
      return lease.id();
    }
  }

  void take(@Owned Lease lease) {
    lease.release();
  }
}
