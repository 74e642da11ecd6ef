package org.borrowck4j.analyzer.model;

/**
 * How a call picks the body it runs, as far as the call site tells (D23's "target known"): a
 * virtual call runs an override of the receiver's static type or of one of its subtypes; a call on
 * {@code this} the same, and the body it runs finds {@code this} to be of that type; {@code
 * super.m()} runs exactly the declaration found, on a {@code this} of the calling class.
 *
 * @param receiverType the qualified name of the receiver's static type ({@code this}'s for {@link
 *     Kind#SUPER}), or null where it is not known
 */
public record Dispatch(Kind kind, String receiverType) {
  public enum Kind {
    VIRTUAL,
    ON_THIS,
    SUPER
  }

  public static Dispatch virtual(String receiverType) {
    return new Dispatch(Kind.VIRTUAL, receiverType);
  }

  public static Dispatch onThis(String receiverType) {
    return new Dispatch(Kind.ON_THIS, receiverType);
  }

  public static Dispatch exact(String thisType) {
    return new Dispatch(Kind.SUPER, thisType);
  }
}
