package leaks;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Owned;

/** User types with a non-idempotent @Consumes method must be released or moved. */
public class UserLeaks {
  private final Broker broker = new Broker();
  private final List<Lease> pending = new ArrayList<>();
  @Owned private Lease held;

  // Acquired, used, never released.
  int neverReleased() {
    Lease lease = Lease.acquire(); // expect: owned-value-leaked
    return lease.id();
  }

  // A constructed owner, never released.
  void constructedNeverReleased() {
    Lease lease = new Lease(7); // expect: owned-value-leaked
    System.out.println(lease.id());
  }

  // Released on one branch only.
  void releasedOnOneBranch(boolean done) {
    Lease lease = Lease.acquire(); // expect: owned-value-leaked
    if (done) {
      lease.release();
    }
  }

  // An early return skips the release.
  int earlyReturn(int n) {
    Lease lease = Lease.acquire(); // expect: owned-value-leaked
    if (n < 0) {
      return -1;
    }
    int id = lease.id() + n;
    lease.release();
    return id;
  }

  // `continue` skips the release in some iterations.
  void skippedInLoop(int n) {
    for (int i = 0; i < n; i++) {
      Lease lease = Lease.acquire(); // expect: owned-value-leaked
      if (i % 2 == 0) {
        continue;
      }
      lease.release();
    }
  }

  // Passing it to an unannotated method is only a temporary borrow.
  void onlyInspected() {
    Lease lease = Lease.acquire(); // expect: owned-value-leaked
    broker.inspect(lease);
  }

  // Overwritten by another lease while the first is unreleased.
  void overwritten() {
    Lease lease = Lease.acquire(); // expect: owned-value-leaked
    System.out.println(lease.id());
    lease = Lease.acquire();
    lease.release();
  }

  // A discarded @Owned result.
  void discarded() {
    Lease.acquire(); // expect: owned-value-leaked
  }

  // An @Owned parameter neither released nor moved.
  int ownedParameter(@Owned Lease lease) { // expect: owned-value-leaked
    return lease.id();
  }

  // A plain-class ticket from an @Owned factory, never redeemed.
  String ticketNeverRedeemed(String event) {
    Ticket t = Ticket.issue(event); // expect: owned-value-leaked
    return t.seat();
  }

  // An @Owned local of a plain class, never redeemed.
  String ownedLocalNeverRedeemed(String event) {
    @Owned Ticket t = Ticket.lookup(event); // expect: owned-value-leaked
    return t.seat();
  }

  // Negative: released exactly once on each path.
  int releasedOnEachPath(boolean fast) {
    Lease lease = Lease.acquire();
    if (fast) {
      lease.release();
      return 0;
    }
    int id = lease.id();
    lease.release();
    return id;
  }

  // Negative: moved to a new owner before the scope ends.
  void handedOver() {
    Lease lease = Lease.acquire();
    System.out.println(lease.id());
    broker.adopt(lease);
  }

  // Negative: returned to the caller.
  @Owned
  Lease returned() {
    Lease lease = Lease.acquire();
    System.out.println(lease.id());
    return lease;
  }

  // Negative: stored in an @Owned field.
  void storedInField() {
    Lease lease = Lease.acquire();
    held = lease;
  }

  // Negative: stored in a field's collection.
  void storedInCollection() {
    Lease lease = Lease.acquire();
    pending.add(lease);
  }

  // Negative: assigned to another variable, which releases it.
  void releasedThroughAlias() {
    Lease a = Lease.acquire();
    Lease b = a;
    b.release();
  }

  // Negative: released in finally.
  int releasedInFinally() {
    Lease lease = Lease.acquire();
    try {
      return lease.id();
    } finally {
      lease.release();
    }
  }

  // Negative: only an exceptional path (id() throwing) skips the release.
  int exceptionalPathOnly() {
    Lease lease = Lease.acquire();
    int id = lease.id();
    lease.release();
    return id;
  }

  // Negative: an @Owned parameter handed on.
  void forwardParameter(@Owned Lease lease) {
    broker.adopt(lease);
  }

  // Negative: an @Owned ticket parameter redeemed.
  void redeemParameter(@Owned Ticket ticket) {
    System.out.println(ticket.seat());
    ticket.redeem();
  }

  // Negative: a ticket from an unannotated lookup is not an owner.
  String lookedUp(String event) {
    Ticket t = Ticket.lookup(event);
    return t.seat();
  }

  // Negative: a type whose only consuming method is idempotent never leaks.
  int idempotentOnly() {
    Handle h = new Handle();
    return h.read();
  }

  // Negative: released in both branches of a switch.
  void releasedInSwitch(int mode) {
    Lease lease = Lease.acquire();
    switch (mode) {
      case 0:
        lease.release();
        break;
      default:
        broker.adopt(lease);
        break;
    }
  }
}
