package org.borrowck4j.rules.diagnostics;

import org.borrowck4j.analyzer.facts.AnnotatedElement;
import org.borrowck4j.analyzer.facts.AnnotatedElement.Annotation;

/**
 * Every word a user reads about contract annotations that contradict each other or mean nothing
 * where they are written ({@code annotation-misuse}).
 */
public final class AnnotationDiagnostics {
  private AnnotationDiagnostics() {}

  /** What an annotation speaks about: the element's own value, a method's result or its receiver. */
  public enum Aspect {
    VALUE,
    RESULT,
    RECEIVER
  }

  /** An annotation as the user wrote it, by its simple name: {@code `@Owned`}. */
  static String shown(Annotation a) {
    String simple = a.name().substring(a.name().lastIndexOf('.') + 1);
    return a.from() == null ? "`@" + simple + "`" : "`@" + simple + "(from = \"" + a.from() + "\")`";
  }

  private static String element(AnnotatedElement e) {
    String what =
        switch (e.kind()) {
          case TYPE -> "type";
          case METHOD -> "method";
          case CONSTRUCTOR -> "constructor";
          case FIELD -> "field";
          case PARAMETER -> "parameter";
          case RECORD_COMPONENT -> "record component";
          case LAMBDA_PARAMETER -> "lambda parameter";
          case LOCAL -> "local";
        };
    return what + " `" + e.name() + "`";
  }

  public static String ignoredHere() {
    return "borrowck ignores it here";
  }

  // ---- two annotations that say different things about one aspect ----

  public static String contradiction(AnnotatedElement e, Aspect aspect, Annotation earlier, Annotation later) {
    String subject =
        switch (aspect) {
          case VALUE -> element(e);
          case RESULT -> "the result of " + element(e);
          case RECEIVER -> "the receiver of " + element(e);
        };
    return "contradictory annotations: " + subject + " cannot be both " + shown(earlier) + " and " + shown(later);
  }

  public static String contradictsLabel(Annotation earlier) {
    return "contradicts " + shown(earlier);
  }

  public static String writtenHereLabel(Annotation earlier) {
    return shown(earlier) + " written here";
  }

  public static String contradictionHelp() {
    return "keep the one you mean and remove the other: borrowck reads only one of them";
  }

  // ---- primitives ----

  public static String onPrimitive(AnnotatedElement e, Annotation a, Aspect aspect) {
    if (aspect == Aspect.VALUE) {
      return shown(a) + " on " + element(e) + ", a primitive `" + e.primitive() + "`";
    }
    return e.primitive().equals("void")
        ? shown(a) + " on " + element(e) + ", which has no result (`void`)"
        : shown(a) + " on " + element(e) + ", whose result is a primitive `" + e.primitive() + "`";
  }

  public static String onPrimitiveLabel(AnnotatedElement e, Aspect aspect) {
    if (aspect == Aspect.VALUE) {
      return "a primitive value cannot be owned, borrowed or kept";
    }
    return e.primitive().equals("void") ? "there is no result to own or borrow" : "a primitive result cannot be owned or borrowed";
  }

  public static String onPrimitiveHelp(Annotation a, Aspect aspect) {
    return aspect == Aspect.VALUE
        ? "remove " + shown(a) + ": a primitive is copied wherever it goes, so there is nothing to own, borrow or keep"
        : "remove " + shown(a) + ": only a reference can be owned or borrowed; to say what the method does to its receiver, "
            + "write `@Mut` or `@Consumes`";
  }

  // ---- a receiver that is not there ----

  public static String noReceiver(AnnotatedElement e, Annotation a) {
    return e.kind() == AnnotatedElement.Kind.CONSTRUCTOR
        ? shown(a) + " on " + element(e) + ": a constructor has no receiver to consume"
        : shown(a) + " on static " + element(e) + ", which has no receiver";
  }

  public static String noReceiverLabel(AnnotatedElement e, boolean consumes) {
    if (e.kind() == AnnotatedElement.Kind.CONSTRUCTOR) {
      return "a constructor creates its object; it cannot consume it";
    }
    return consumes ? "there is no receiver to consume" : "there is no receiver to mutate";
  }

  public static String noReceiverHelp(AnnotatedElement e, boolean consumes) {
    if (e.kind() == AnnotatedElement.Kind.CONSTRUCTOR) {
      return "put `@Consumes` on the method that ends the object's life (`close()`, `release()`); "
          + "a parameter the new object takes over is `@Owned`";
    }
    return consumes
        ? "make it an instance method, or declare the parameter it consumes `@Owned`"
        : "make it an instance method, or declare the parameter it mutates `@Mut`";
  }

  // ---- @Borrowed(from = ...) ----

  public static String fromNamesNoParameter(AnnotatedElement e, Annotation a) {
    return shown(a) + " names no parameter of " + element(e);
  }

  public static String noSuchParameterLabel(Annotation a) {
    return "there is no parameter `" + a.from() + "`";
  }

  public static String fromHelp(AnnotatedElement e) {
    String receiver = "leave `from` out if the result borrows from the receiver";
    if (e.parameters().isEmpty()) {
      return element(e) + " has no parameters: " + receiver;
    }
    return "name one of its parameters (`" + String.join("`, `", e.parameters()) + "`), or " + receiver;
  }

  // ---- an annotation where it means nothing ----

  public static String retainedOutsideParameter(AnnotatedElement e, Annotation a) {
    return shown(a) + " on " + element(e) + ": it means something only on a method's parameter";
  }

  public static String retainedHelp() {
    return "`@Retained` says that a method keeps an argument after it returns: put it on that method's parameter, or remove it";
  }

  public static String borrowOnType(AnnotatedElement e, Annotation a) {
    return shown(a) + " on " + element(e) + ": a type is owned or not, never borrowed";
  }

  public static String borrowOnTypeHelp(Annotation a) {
    return "put " + shown(a) + " on the parameters, variables or methods that borrow; "
        + "`@Owned` is the one annotation that speaks for every value of a type";
  }

  public static String consumesOutsideMethod(AnnotatedElement e, Annotation a) {
    return shown(a) + " on " + element(e) + ": it means something only on a method";
  }

  public static String consumesHelp() {
    return "put `@Consumes` on the method that consumes its receiver (`close()`, `release()`); "
        + "a parameter the callee takes over is `@Owned`";
  }
}
