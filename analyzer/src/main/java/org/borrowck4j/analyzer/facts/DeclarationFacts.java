package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.facts.AnnotatedElement.Kind;
import org.borrowck4j.analyzer.model.AnnotationNames;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.types.ImportContext;

/**
 * What one file declares, as the checks of declarations read it (they run once per file, not per
 * body): every declaration that carries contract annotations — types, methods, constructors,
 * fields, parameters, record components, lambda parameters and locals, in source order. Gathered
 * here from the syntax tree so that the checks never read it.
 */
public record DeclarationFacts(List<AnnotatedElement> annotated) {

  public DeclarationFacts {
    annotated = List.copyOf(annotated);
  }

  /** The annotations that say something about ownership where they are written in source. */
  private static final Set<Meaning> CONTRACT =
      EnumSet.of(
          Meaning.OWNED,
          Meaning.BORROWED,
          Meaning.MUT,
          Meaning.CONSUMES,
          Meaning.RETAINED,
          Meaning.OWNING,
          Meaning.NOT_OWNING,
          Meaning.MUST_CALL_ALIAS);

  public static DeclarationFacts of(CompilationUnit unit, String text, ImportContext imports) {
    if (!AnnotationNames.mayDeclareContracts(text)) {
      // No annotation of ours can resolve without its package named in the file: most files.
      return new DeclarationFacts(List.of());
    }
    List<AnnotatedElement> out = new ArrayList<>();
    unit.walk(node -> read(node, imports, out));
    return new DeclarationFacts(out);
  }

  private static void read(Node node, ImportContext imports, List<AnnotatedElement> out) {
    if (node instanceof TypeDeclaration<?> t) {
      add(out, Kind.TYPE, t.getNameAsString(), null, false, List.of(), annotations(t.getAnnotations(), List.of(), imports));
    } else if (node instanceof MethodDeclaration m) {
      NodeList<AnnotationExpr> receiver =
          m.getReceiverParameter().map(r -> r.getAnnotations()).orElse(new NodeList<>());
      Type result = m.getType();
      String primitive = result.isPrimitiveType() || result.isVoidType() ? result.asString() : null;
      add(out, Kind.METHOD, m.getNameAsString(), primitive, m.isStatic(), names(m), annotations(m.getAnnotations(), receiver, imports));
    } else if (node instanceof ConstructorDeclaration c) {
      add(out, Kind.CONSTRUCTOR, c.getNameAsString(), null, false, names(c), annotations(c.getAnnotations(), List.of(), imports));
    } else if (node instanceof CompactConstructorDeclaration c) {
      add(out, Kind.CONSTRUCTOR, c.getNameAsString(), null, false, List.of(), annotations(c.getAnnotations(), List.of(), imports));
    } else if (node instanceof Parameter p) {
      String primitive = p.getType().isPrimitiveType() && !p.isVarArgs() ? p.getType().asString() : null;
      add(out, parameterKind(p), p.getNameAsString(), primitive, false, List.of(), annotations(p.getAnnotations(), List.of(), imports));
    } else if (node instanceof FieldDeclaration f) {
      variables(out, Kind.FIELD, f.getVariables(), annotations(f.getAnnotations(), List.of(), imports));
    } else if (node instanceof VariableDeclarationExpr v) {
      variables(out, Kind.LOCAL, v.getVariables(), annotations(v.getAnnotations(), List.of(), imports));
    }
  }

  private static Kind parameterKind(Parameter p) {
    Node parent = p.getParentNode().orElse(null);
    if (parent instanceof RecordDeclaration) {
      return Kind.RECORD_COMPONENT;
    }
    if (parent instanceof LambdaExpr) {
      return Kind.LAMBDA_PARAMETER;
    }
    // A catch clause's exception parameter is a local; a method's or constructor's is a parameter.
    return parent instanceof CallableDeclaration<?> ? Kind.PARAMETER : Kind.LOCAL;
  }

  /** One element for a declaration of several variables: the annotations are written once. */
  private static void variables(
      List<AnnotatedElement> out, Kind kind, NodeList<VariableDeclarator> variables, List<AnnotatedElement.Annotation> annotations) {
    if (annotations.isEmpty() || variables.isEmpty()) {
      return;
    }
    VariableDeclarator named = variables.get(0);
    for (VariableDeclarator d : variables) {
      if (d.getType().isPrimitiveType()) {
        named = d;
        break;
      }
    }
    String primitive = named.getType().isPrimitiveType() ? named.getType().asString() : null;
    add(out, kind, named.getNameAsString(), primitive, false, List.of(), annotations);
  }

  private static void add(
      List<AnnotatedElement> out,
      Kind kind,
      String name,
      String primitive,
      boolean isStatic,
      List<String> parameters,
      List<AnnotatedElement.Annotation> annotations) {
    if (!annotations.isEmpty()) {
      out.add(new AnnotatedElement(kind, name, primitive, isStatic, parameters, annotations));
    }
  }

  private static List<String> names(CallableDeclaration<?> c) {
    List<String> out = new ArrayList<>(c.getParameters().size());
    for (Parameter p : c.getParameters()) {
      out.add(p.getNameAsString());
    }
    return out;
  }

  /** The contract annotations of a declaration, then those of its receiver parameter. */
  private static List<AnnotatedElement.Annotation> annotations(
      List<AnnotationExpr> declaration, List<AnnotationExpr> receiver, ImportContext imports) {
    List<AnnotatedElement.Annotation> out = new ArrayList<>();
    for (AnnotationExpr a : declaration) {
      annotation(a, false, imports, out);
    }
    for (AnnotationExpr a : receiver) {
      annotation(a, true, imports, out);
    }
    return out;
  }

  private static void annotation(AnnotationExpr a, boolean onReceiver, ImportContext imports, List<AnnotatedElement.Annotation> out) {
    Meaning meaning = AnnotationNames.meaning(a.getNameAsString(), imports);
    if (CONTRACT.contains(meaning) && a.getRange().isPresent()) {
      out.add(new AnnotatedElement.Annotation(meaning, a.getNameAsString(), a, from(a), onReceiver));
    }
  }

  private static String from(AnnotationExpr a) {
    if (a instanceof NormalAnnotationExpr n) {
      for (MemberValuePair pair : n.getPairs()) {
        if (pair.getNameAsString().equals("from") && pair.getValue() instanceof StringLiteralExpr s) {
          return s.asString();
        }
      }
    }
    return null;
  }
}
