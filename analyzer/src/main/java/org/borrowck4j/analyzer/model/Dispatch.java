package org.borrowck4j.analyzer.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a call picks the body it runs, as far as the call site tells (D23's "target known"): a
 * virtual call runs an override of the receiver's static type or of one of its subtypes; a call on
 * {@code this} the same, and the body it runs finds {@code this} to be of that type; {@code
 * super.m()} runs exactly the declaration found, on a {@code this} of the calling class. Where the
 * sources say which classes the receiver may be at run time (a final field holding an anonymous
 * class, a getter returning one: decision 236), the call runs one of their methods.
 *
 * @param receiverType the qualified name of the receiver's static type ({@code this}'s for {@link
 *     Kind#SUPER}), or null where it is not known
 * @param classes the classes the receiver may be at run time, worked out when first asked for
 *     (null inside: not known); not part of equality
 */
public record Dispatch(Kind kind, String receiverType, Supplier<List<RuntimeClass>> classes) {
  public enum Kind {
    VIRTUAL,
    ON_THIS,
    SUPER
  }

  private static final Supplier<List<RuntimeClass>> UNKNOWN = () -> null;

  public Dispatch(Kind kind, String receiverType) {
    this(kind, receiverType, UNKNOWN);
  }

  public static Dispatch virtual(String receiverType) {
    return new Dispatch(Kind.VIRTUAL, receiverType);
  }

  /** A virtual call whose receiver's run-time classes the supplier works out (null: not known). */
  public static Dispatch virtual(String receiverType, Supplier<List<RuntimeClass>> classes) {
    return new Dispatch(Kind.VIRTUAL, receiverType, classes);
  }

  public static Dispatch onThis(String receiverType) {
    return new Dispatch(Kind.ON_THIS, receiverType);
  }

  public static Dispatch exact(String thisType) {
    return new Dispatch(Kind.SUPER, thisType);
  }

  /** The classes the receiver may be at run time, or null where they are not known. */
  public List<RuntimeClass> receiverClasses() {
    return classes.get();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dispatch d && d.kind == kind && Objects.equals(d.receiverType, receiverType);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Objects.hashCode(receiverType);
  }
}
