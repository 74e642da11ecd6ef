package org.borrowck4j.rules.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.engine.DeclarationRule;
import org.borrowck4j.analyzer.facts.AnnotatedElement;
import org.borrowck4j.analyzer.facts.AnnotatedElement.Annotation;
import org.borrowck4j.analyzer.facts.AnnotatedElement.Kind;
import org.borrowck4j.analyzer.facts.DeclarationFacts;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.model.ContractModes;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.MethodContract.ParamMode;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.model.MethodContract.ReturnMode;
import org.borrowck4j.analyzer.model.MethodModes;
import org.borrowck4j.rules.diagnostics.AnnotationDiagnostics;
import org.borrowck4j.rules.diagnostics.AnnotationDiagnostics.Aspect;

/**
 * BC900: contract annotations that contradict each other or mean nothing where they are written
 * are reported, never silently ignored (DESIGN.md "Annotations"). What an annotation means is
 * asked of the one annotation→mode mapping ({@link ContractModes}, decision 44), so this check
 * reports exactly what the analysis would otherwise drop: a second mode for the same thing (one of
 * them is ignored), or an annotation the mapping reads nothing from. Beside that, what a Rust or
 * Java expert calls meaningless: owning or borrowing a primitive, a receiver mode on a method
 * without a receiver, {@code from} naming no parameter. Each annotation is reported once, for its
 * first problem in that order (decision 48).
 */
public final class AnnotationMisuse implements DeclarationRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "BC900",
          "annotation-misuse",
          Severity.ERROR,
          "Contract annotations contradict each other or mean nothing where they are written.",
          "very-high",
          List.of("correctness", "annotations"));

  /** Ours: the Checker Framework's own checker judges where its annotations belong. */
  private static final Set<Meaning> OURS =
      EnumSet.of(Meaning.OWNED, Meaning.BORROWED, Meaning.MUT, Meaning.CONSUMES, Meaning.RETAINED);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void checkDeclarations(DeclarationFacts file, Consumer<Finding> report) {
    for (AnnotatedElement e : file.annotated()) {
      for (int i = 0; i < e.annotations().size(); i++) {
        Finding f = problem(e, i);
        if (f != null) {
          report.accept(f);
        }
      }
    }
  }

  /** What an annotation declares on its element: a mode for one aspect of it. */
  private record Declares(Aspect aspect, Enum<?> mode) {}

  /** The first problem of the element's {@code i}-th annotation, or null. */
  private static Finding problem(AnnotatedElement e, int i) {
    Annotation a = e.annotations().get(i);
    Declares d = declares(e, a);
    if (d == null) {
      return a.onReceiver() || !OURS.contains(a.meaning()) ? null : misplaced(e, a);
    }
    if (d.aspect() == Aspect.RECEIVER && hasNoReceiver(e, d)) {
      boolean consumes = d.mode() == ReceiverMode.CONSUMES;
      return finding(
          a,
          AnnotationDiagnostics.noReceiver(e, a),
          AnnotationDiagnostics.noReceiverLabel(e, consumes),
          List.of(),
          AnnotationDiagnostics.noReceiverHelp(e, consumes));
    }
    if (d.aspect() != Aspect.RECEIVER && e.primitive() != null) {
      return finding(
          a,
          AnnotationDiagnostics.onPrimitive(e, a, d.aspect()),
          AnnotationDiagnostics.onPrimitiveLabel(e, d.aspect()),
          List.of(),
          AnnotationDiagnostics.onPrimitiveHelp(a, d.aspect()));
    }
    if (d.aspect() == Aspect.RESULT && a.from() != null && !a.from().isEmpty() && !e.parameters().contains(a.from())) {
      return finding(
          a,
          AnnotationDiagnostics.fromNamesNoParameter(e, a),
          AnnotationDiagnostics.noSuchParameterLabel(a),
          List.of(),
          AnnotationDiagnostics.fromHelp(e));
    }
    for (int j = 0; j < i; j++) {
      Annotation earlier = e.annotations().get(j);
      Declares before = declares(e, earlier);
      if (before != null && before.aspect() == d.aspect() && before.mode() != d.mode()) {
        return finding(
            a,
            AnnotationDiagnostics.contradiction(e, d.aspect(), earlier, a),
            AnnotationDiagnostics.contradictsLabel(earlier),
            List.of(new Label(Span.of(earlier.at()), Label.Kind.DECLARATION, AnnotationDiagnostics.writtenHereLabel(earlier))),
            AnnotationDiagnostics.contradictionHelp());
      }
    }
    return null;
  }

  /** A receiver mode where there is no receiver: a static method, or consuming in a constructor. */
  private static boolean hasNoReceiver(AnnotatedElement e, Declares d) {
    return (e.kind() == Kind.METHOD && e.isStatic()) || (e.kind() == Kind.CONSTRUCTOR && d.mode() == ReceiverMode.CONSUMES);
  }

  /** One of ours that the mapping reads nothing from where it is written. */
  private static Finding misplaced(AnnotatedElement e, Annotation a) {
    String message;
    String help;
    switch (a.meaning()) {
      case RETAINED -> {
        message = AnnotationDiagnostics.retainedOutsideParameter(e, a);
        help = AnnotationDiagnostics.retainedHelp();
      }
      case CONSUMES -> {
        message = AnnotationDiagnostics.consumesOutsideMethod(e, a);
        help = AnnotationDiagnostics.consumesHelp();
      }
      case BORROWED, MUT -> {
        message = AnnotationDiagnostics.borrowOnType(e, a);
        help = AnnotationDiagnostics.borrowOnTypeHelp(a);
      }
      default -> {
        return null; // @Owned means something on every element it can be written on
      }
    }
    return finding(a, message, AnnotationDiagnostics.ignoredHere(), List.of(), help);
  }

  private static Finding finding(Annotation a, String message, String label, List<Label> labels, String help) {
    return Finding.of(INFO, Span.of(a.at()), message, label, labels, List.of(Note.help(help)));
  }

  /** What one annotation declares on its element, or null when the mapping reads nothing from it there. */
  private static Declares declares(AnnotatedElement e, Annotation a) {
    List<Annotation> one = List.of(a);
    if (e.kind() == Kind.METHOD || e.kind() == Kind.CONSTRUCTOR) {
      Enum<?> result = a.onReceiver() ? ReturnMode.NONE : mode(e, one, Aspect.RESULT);
      if (result != ReturnMode.NONE) {
        return new Declares(Aspect.RESULT, result);
      }
      Enum<?> receiver = mode(e, one, Aspect.RECEIVER);
      return receiver == ReceiverMode.NONE ? null : new Declares(Aspect.RECEIVER, receiver);
    }
    Enum<?> value = mode(e, one, Aspect.VALUE);
    return value == VariableMode.NONE || value == ParamMode.NONE ? null : new Declares(Aspect.VALUE, value);
  }

  /** The mode the mapping reads from some of an element's annotations for one aspect. */
  private static Enum<?> mode(AnnotatedElement e, List<Annotation> annotations, Aspect aspect) {
    List<Meaning> meanings = annotations.stream().filter(a -> !a.onReceiver()).map(Annotation::meaning).toList();
    return switch (e.kind()) {
      case TYPE -> ContractModes.isOwned(meanings) ? VariableMode.OWNED : VariableMode.NONE;
      case FIELD, LOCAL, LAMBDA_PARAMETER -> ContractModes.ofVariable(meanings);
      // A parameter is read so by its callers; inside its method by ofVariable, which reads less.
      // @Consumes on a parameter is stub vocabulary (decision 64); written in source it means nothing.
      case PARAMETER, RECORD_COMPONENT ->
          ContractModes.ofParameter(
                  meanings.stream().filter(m -> m != Meaning.CONSUMES).map(ContractModes.Written::of).toList())
              .mode();
      case METHOD, CONSTRUCTOR -> {
        List<ContractModes.Written> written = meanings.stream().map(ContractModes.Written::of).toList();
        List<Meaning> receiver = annotations.stream().filter(Annotation::onReceiver).map(Annotation::meaning).toList();
        MethodModes modes = ContractModes.ofMethod(written, receiver);
        yield aspect == Aspect.RESULT ? modes.returns() : modes.receiver();
      }
    };
  }
}
