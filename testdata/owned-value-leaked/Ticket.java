package leaks;

import org.borrowck4j.annotations.Consumes;
import org.borrowck4j.annotations.Owned;

/**
 * A ticket (support type): a plain class, an owner where it comes from an @Owned factory or a
 * variable is declared @Owned. Redeeming is not idempotent.
 */
public class Ticket {
  @Owned
  public static Ticket issue(String event) {
    return new Ticket();
  }

  private static final java.util.Map<String, Ticket> BOOKED = new java.util.HashMap<>();

  /** A ticket booked earlier: the map keeps it, the caller only looks (inferred: no contract). */
  public static Ticket lookup(String event) {
    return BOOKED.get(event);
  }

  public String seat() {
    return "A1";
  }

  @Consumes
  public void redeem() {}
}
