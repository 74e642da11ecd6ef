package leaks;

import org.borrowck4j.annotations.Owned;

/** Takes leases over or just looks at them (support type). */
public class Broker {
  /** Takes ownership: releases the lease later. */
  public void adopt(@Owned Lease lease) {
    lease.release();
  }

  /** Only looks at the lease (unannotated: a temporary borrow). */
  public void inspect(Lease lease) {
    System.out.println(lease.id());
  }

  /** Takes a ticket over. */
  public void collect(@Owned Ticket ticket) {
    ticket.redeem();
  }
}
