package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import java.util.List;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;

/**
 * One declaration with contract annotations written on it, as the checks of the annotations
 * themselves need it ({@code annotation-misuse}): what kind of element it is, whether its value is
 * primitive, and its annotations in source order with what each means and where it is written.
 *
 * @param name the element's name (a type's simple name for a constructor; the first variable of a
 *     declaration that declares several, or its first primitive one)
 * @param primitive the element's value type when it cannot be a reference: a primitive variable's
 *     type, or a method's primitive or {@code void} result; null for references and for types
 * @param isStatic a static method
 * @param parameters the names of a method's or constructor's parameters, in order
 */
public record AnnotatedElement(
    Kind kind, String name, String primitive, boolean isStatic, List<String> parameters, List<Annotation> annotations) {

  public AnnotatedElement {
    parameters = List.copyOf(parameters);
    annotations = List.copyOf(annotations);
  }

  public enum Kind {
    /** A class, interface, enum, record or annotation type. */
    TYPE,
    METHOD,
    CONSTRUCTOR,
    FIELD,
    /** A method's or constructor's parameter. */
    PARAMETER,
    /** A record component: the canonical constructor's parameter and the field at once (D12). */
    RECORD_COMPONENT,
    LAMBDA_PARAMETER,
    /** A local variable, a resource, a for or for-each variable, or an exception parameter. */
    LOCAL
  }

  /**
   * One contract annotation (ours or a Checker Framework equivalent).
   *
   * @param name the annotation's name as written ({@code Owned}, {@code org.borrowck4j.annotations.Owned})
   * @param at the annotation itself: where a finding about it points
   * @param from the {@code from} member of a {@code @Borrowed} written as a string literal, else null
   * @param onReceiver written on the method's receiver parameter ({@code void close(@Owned Foo this)})
   */
  public record Annotation(Meaning meaning, String name, Node at, String from, boolean onReceiver) {}
}
