package org.borrowck4j.analyzer.types;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;

/**
 * The erasure of a method's bounded type variable (JLS 4.6: its leftmost bound), as the class file
 * says it: {@code <T extends Closeable> void safelyClose(T obj)} takes a {@code Closeable}
 * (decision 355). Only a method's or constructor's own type variables: a class's stay unknown,
 * since a subclass binds them (its override of {@code handle(T msg)} takes the bound's subtype).
 */
public final class TypeVariableBounds {
  private static final int MAX_DEPTH = 4;

  private TypeVariableBounds() {}

  /** The type as written, or the bound a method's type variable stands for there. */
  public static Type erasure(Type type) {
    return erasure(type, 0);
  }

  private static Type erasure(Type type, int depth) {
    if (type instanceof ArrayType a) {
      Type component = erasure(a.getComponentType(), depth);
      return component == a.getComponentType() ? type : new ArrayType(component);
    }
    if (!(type instanceof ClassOrInterfaceType c) || c.getScope().isPresent() || depth > MAX_DEPTH) {
      return type;
    }
    String name = c.getNameAsString();
    for (Node p = type.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (!(p instanceof CallableDeclaration<?> callable)) {
        if (p instanceof NodeWithTypeParameters<?> generic && declares(generic, name)) {
          return type; // a class's own type variable, which shadows any outer method's
        }
        continue;
      }
      for (TypeParameter tp : callable.getTypeParameters()) {
        if (tp.getNameAsString().equals(name)) {
          // The innermost declaration of the name decides; an unbounded one stays unknown.
          return tp.getTypeBound().isEmpty() ? type : erasure(tp.getTypeBound().get(0), depth + 1);
        }
      }
    }
    return type;
  }

  private static boolean declares(NodeWithTypeParameters<?> generic, String name) {
    for (TypeParameter tp : generic.getTypeParameters()) {
      if (tp.getNameAsString().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
