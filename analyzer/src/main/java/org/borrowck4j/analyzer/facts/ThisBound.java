package org.borrowck4j.analyzer.facts;

/**
 * What {@code this} is known to be while a body is summarised for a call (D23): the methods of
 * {@code declaredIn} run on an instance of {@code runsOn}, a subtype, so their calls on {@code
 * this} resolve from {@code runsOn} (a template method called through {@code super.} from a
 * decoder runs that decoder's {@code extractFrame}).
 */
public record ThisBound(String declaredIn, String runsOn) {
  /** The type a call on {@code this} of {@code type} starts from. */
  String from(String type) {
    return declaredIn.equals(type) ? runsOn : type;
  }
}
