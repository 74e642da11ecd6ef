package org.borrowck4j.analyzer.model;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.types.ImportContext;
import org.borrowck4j.analyzer.types.TypeVariableBounds;

/**
 * Reads the declarations of a compilation unit (a source file, or one package section of a stub
 * file) into {@link Declared} records. Member, local and nested types are all read; anonymous
 * classes are not types anyone can name.
 */
public final class DeclarationReader {
  private DeclarationReader() {}

  public static Declared.FileDeclarations read(
      CompilationUnit unit, String file, Declared.Origin.Kind origin) {
    Map<TypeDeclaration<?>, String> names = new IdentityHashMap<>();
    List<TypeDeclaration<?>> all = new ArrayList<>();
    List<TypeDeclaration<?>> found = new ArrayList<>();
    collectTypes(unit, found);
    for (TypeDeclaration<?> t : found) {
      String name = qualifiedName(t, names);
      if (name != null) {
        names.put(t, name);
        all.add(t);
      }
    }
    ImportContext imports = ImportContext.of(unit, names.values());
    List<Declared.TypeDeclaration> types = new ArrayList<>();
    for (TypeDeclaration<?> t : all) {
      types.add(readType(t, names.get(t), imports, origin));
    }
    return new Declared.FileDeclarations(file, origin, imports, types);
  }

  /**
   * Every type declaration under {@code node}, outer before inner (the order of {@code findAll}),
   * without entering the parts of a tree that cannot declare a type: names, types, annotations,
   * modifiers and literals, which are most of its nodes. Every file is read so, hence the care.
   */
  private static void collectTypes(Node node, List<TypeDeclaration<?>> out) {
    for (Node child : node.getChildNodes()) {
      if (child instanceof TypeDeclaration<?> t) {
        out.add(t);
      }
      if (!(child instanceof Type
          || child instanceof Name
          || child instanceof SimpleName
          || child instanceof NameExpr
          || child instanceof Modifier
          || child instanceof AnnotationExpr
          || child instanceof LiteralExpr
          || child instanceof ImportDeclaration
          || child instanceof PackageDeclaration)) {
        collectTypes(child, out);
      }
    }
  }

  /** The name by which a type is found: the canonical name, or enclosing type + name for a local class. */
  private static String qualifiedName(TypeDeclaration<?> t, Map<TypeDeclaration<?>, String> known) {
    if (t.getFullyQualifiedName().isPresent()) {
      return t.getFullyQualifiedName().get();
    }
    for (Node p = t.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> outer) {
        String outerName = known.get(outer);
        return outerName == null ? null : outerName + "." + t.getNameAsString();
      }
      if (p instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
        return null;
      }
    }
    return null;
  }

  private static Declared.TypeDeclaration readType(
      TypeDeclaration<?> t, String name, ImportContext imports, Declared.Origin.Kind origin) {
    List<String> typeVariables = new ArrayList<>();
    for (Node n = t; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> generic) {
        for (TypeParameter tp : generic.getTypeParameters()) {
          typeVariables.add(tp.getNameAsString());
        }
      }
    }
    List<String> supertypes = new ArrayList<>();
    boolean isInterface = false;
    if (t instanceof ClassOrInterfaceDeclaration c) {
      isInterface = c.isInterface();
      for (ClassOrInterfaceType s : c.getExtendedTypes()) {
        supertypes.add(ImportContext.written(s));
      }
      for (ClassOrInterfaceType s : c.getImplementedTypes()) {
        supertypes.add(ImportContext.written(s));
      }
    } else if (t instanceof EnumDeclaration e) {
      supertypes.add("java.lang.Enum");
      for (ClassOrInterfaceType s : e.getImplementedTypes()) {
        supertypes.add(ImportContext.written(s));
      }
    } else if (t instanceof RecordDeclaration r) {
      supertypes.add("java.lang.Record");
      for (ClassOrInterfaceType s : r.getImplementedTypes()) {
        supertypes.add(ImportContext.written(s));
      }
    }
    List<Declared.Method> methods = new ArrayList<>();
    List<Declared.Field> fields = new ArrayList<>();
    boolean hasCanonicalConstructor = false;
    for (BodyDeclaration<?> member : t.getMembers()) {
      if (member instanceof MethodDeclaration m) {
        boolean isInterfaceType = t instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        boolean isAbstract =
            m.isAbstract() || (isInterfaceType && !m.isDefault() && !m.isStatic() && !m.isPrivate() && m.getBody().isEmpty());
        methods.add(
            new Declared.Method(
                m.getNameAsString(),
                false,
                m.isStatic(),
                isAbstract,
                typeParameterNames(m.getTypeParameters()),
                params(m.getParameters()),
                ImportContext.written(TypeVariableBounds.erasure(m.getType())),
                annotations(m.getAnnotations()),
                m.getReceiverParameter().map(r -> annotations(r.getAnnotations())).orElse(List.of()),
                thrown(m.getThrownExceptions(), origin),
                line(m)));
      } else if (member instanceof ConstructorDeclaration c) {
        if (t instanceof RecordDeclaration r && c.getParameters().size() == r.getParameters().size()) {
          hasCanonicalConstructor = true;
        }
        methods.add(
            new Declared.Method(
                "<init>",
                true,
                false,
                false,
                typeParameterNames(c.getTypeParameters()),
                params(c.getParameters()),
                name,
                annotations(c.getAnnotations()),
                List.of(),
                thrown(c.getThrownExceptions(), origin),
                line(c)));
      } else if (member instanceof FieldDeclaration f) {
        for (VariableDeclarator d : f.getVariables()) {
          fields.add(
              new Declared.Field(
                  d.getNameAsString(),
                  ImportContext.written(d.getType()),
                  annotations(f.getAnnotations()),
                  d.getInitializer()
                      .filter(i -> i instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o
                          && o.getAnonymousClassBody().isEmpty())
                      .map(i -> ImportContext.written(((com.github.javaparser.ast.expr.ObjectCreationExpr) i).getType()))
                      .orElse(null)));
        }
      }
    }
    if (t instanceof RecordDeclaration r) {
      readRecordComponents(r, name, imports, methods, fields, hasCanonicalConstructor, origin);
    }
    List<String> own =
        t instanceof NodeWithTypeParameters<?> generic ? typeParameterNames(generic.getTypeParameters()) : List.of();
    return new Declared.TypeDeclaration(
        name,
        isInterface,
        own,
        typeVariables,
        supertypes,
        annotations(t.getAnnotations()),
        methods,
        fields,
        line(t));
  }

  /**
   * D12: an annotation on a record component applies to the canonical constructor's
   * parameter and the field; the accessor returns a borrowed view of an owned component.
   */
  private static void readRecordComponents(
      RecordDeclaration r,
      String name,
      ImportContext imports,
      List<Declared.Method> methods,
      List<Declared.Field> fields,
      boolean hasCanonicalConstructor,
      Declared.Origin.Kind origin) {
    // The implicit members of a record throw nothing (JLS 8.10.3, 8.10.4): a source says so.
    List<String> implicitThrows = thrown(new NodeList<>(), origin);
    if (!hasCanonicalConstructor) {
      methods.add(
          new Declared.Method(
              "<init>",
              true,
              false,
              false,
              List.of(),
              params(r.getParameters()),
              name,
              List.of(),
              List.of(),
              implicitThrows,
              line(r)));
    }
    for (Parameter component : r.getParameters()) {
      List<Declared.Annotation> anns = annotations(component.getAnnotations());
      fields.add(
          new Declared.Field(component.getNameAsString(), ImportContext.written(component.getType()), anns));
      boolean declared =
          methods.stream()
              .anyMatch(m -> m.name().equals(component.getNameAsString()) && m.params().isEmpty());
      if (!declared) {
        List<Declared.Annotation> accessor = new ArrayList<>();
        for (Declared.Annotation a : anns) {
          AnnotationNames.Meaning meaning = AnnotationNames.meaning(a.name(), imports);
          if (meaning == AnnotationNames.Meaning.OWNED || meaning == AnnotationNames.Meaning.OWNING) {
            accessor.add(new Declared.Annotation(AnnotationNames.BORROWED, Map.of()));
          }
        }
        methods.add(
            new Declared.Method(
                component.getNameAsString(),
                false,
                false,
                false,
                List.of(),
                List.of(),
                ImportContext.written(component.getType()),
                accessor,
                List.of(),
                implicitThrows,
                line(component)));
      }
    }
  }

  /**
   * The types a {@code throws} clause names, as written. A source declaration without one throws
   * no checked exception; a stub's silence says nothing (null): the models were written without
   * throws clauses, and one that states a clause is trusted.
   */
  private static List<String> thrown(NodeList<ReferenceType> clause, Declared.Origin.Kind origin) {
    if (clause.isEmpty()) {
      return origin == Declared.Origin.Kind.SOURCE ? List.of() : null;
    }
    List<String> out = new ArrayList<>(clause.size());
    for (ReferenceType t : clause) {
      out.add(ImportContext.written(t));
    }
    return out;
  }

  private static List<String> typeParameterNames(NodeList<TypeParameter> params) {
    List<String> names = new ArrayList<>(params.size());
    for (TypeParameter tp : params) {
      names.add(tp.getNameAsString());
    }
    return names;
  }

  private static List<Declared.Param> params(NodeList<Parameter> params) {
    List<Declared.Param> out = new ArrayList<>(params.size());
    for (Parameter p : params) {
      String type = ImportContext.written(TypeVariableBounds.erasure(p.getType()));
      out.add(
          new Declared.Param(
              p.getNameAsString(),
              p.isVarArgs() && type != null ? type + "[]" : type,
              annotations(p.getAnnotations()),
              p.isVarArgs()));
    }
    return out;
  }

  static List<Declared.Annotation> annotations(NodeList<AnnotationExpr> annotations) {
    if (annotations.isEmpty()) {
      return List.of();
    }
    List<Declared.Annotation> out = new ArrayList<>(annotations.size());
    for (AnnotationExpr a : annotations) {
      Map<String, String> values = new LinkedHashMap<>();
      if (a instanceof SingleMemberAnnotationExpr s) {
        values.put("value", literal(s.getMemberValue()));
      } else if (a instanceof NormalAnnotationExpr n) {
        for (MemberValuePair pair : n.getPairs()) {
          values.put(pair.getNameAsString(), literal(pair.getValue()));
        }
      }
      out.add(new Declared.Annotation(a.getNameAsString(), values));
    }
    return out;
  }

  private static String literal(Expression e) {
    if (e instanceof StringLiteralExpr s) {
      return s.asString();
    }
    if (e instanceof BooleanLiteralExpr b) {
      return Boolean.toString(b.getValue());
    }
    return e.toString();
  }

  private static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }
}
