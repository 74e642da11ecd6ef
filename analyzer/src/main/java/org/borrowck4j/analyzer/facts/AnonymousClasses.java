package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Which anonymous classes a value is known to be, read off the tree (decision 236): a field that
 * always holds one (final, or private and never assigned, initialised with {@code new T() {…}}),
 * and a method every {@code return} of which gives back such a field or such a class. No type
 * names an anonymous class, so no override index finds it: this is how a call on such a value
 * finds the body it runs.
 */
public final class AnonymousClasses {
  private AnonymousClasses() {}

  /**
   * The anonymous class a field always holds: the field is final, or private and assigned nowhere
   * in its file, and it is initialised with {@code new T(…) {…}}. Else null.
   */
  public static ObjectCreationExpr heldByField(VariableDeclarator field) {
    if (!(field.getParentNode().orElse(null) instanceof FieldDeclaration declaration)) {
      return null;
    }
    Expression init = field.getInitializer().map(AstNodes::unwrap).orElse(null);
    if (!(init instanceof ObjectCreationExpr creation) || creation.getAnonymousClassBody().isEmpty()) {
      return null;
    }
    if (declaration.isFinal() || (declaration.isPrivate() && !assignedInFile(field))) {
      return creation;
    }
    return null;
  }

  /** Whether any assignment of the file names the field's name as its target (a safe over-approximation). */
  private static boolean assignedInFile(VariableDeclarator field) {
    String name = field.getNameAsString();
    Node root = field.findRootNode();
    for (AssignExpr a : root.findAll(AssignExpr.class)) {
      Expression target = AstNodes.unwrap(a.getTarget());
      if ((target instanceof NameExpr n && n.getNameAsString().equals(name))
          || (target instanceof FieldAccessExpr f && f.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The anonymous classes a method gives back: every {@code return} of its own (not of a lambda
   * or class in it) returns {@code null}, {@code new T(…) {…}}, or a field of its own class that
   * always holds one ({@code return encoder;}, {@code return this.encoder;}); at least one does.
   * Else null: the method may return something else.
   */
  public static List<ObjectCreationExpr> returnedBy(CallableDeclaration<?> method) {
    if (!(method instanceof MethodDeclaration m) || m.getBody().isEmpty()) {
      return null;
    }
    List<ObjectCreationExpr> out = new ArrayList<>(1);
    for (ReturnStmt r : m.getBody().get().findAll(ReturnStmt.class)) {
      if (!AstNodes.returnsFrom(r, m)) {
        continue;
      }
      Expression e = r.getExpression().map(AstNodes::unwrap).orElse(null);
      if (e instanceof NullLiteralExpr) {
        continue;
      }
      ObjectCreationExpr anonymous = anonymousOf(e, m);
      if (anonymous == null) {
        return null;
      }
      if (!out.contains(anonymous)) {
        out.add(anonymous);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static ObjectCreationExpr anonymousOf(Expression e, MethodDeclaration m) {
    if (e instanceof ObjectCreationExpr c) {
      return c.getAnonymousClassBody().isPresent() ? c : null;
    }
    String field;
    if (e instanceof NameExpr n) {
      field = n.getNameAsString();
      if (declaresLocal(m, field)) {
        return null; // a parameter or local of that name hides the field
      }
    } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr t && t.getTypeName().isEmpty()) {
      field = f.getNameAsString();
    } else {
      return null;
    }
    VariableDeclarator declared = ownField(m, field);
    return declared == null ? null : heldByField(declared);
  }

  /** The field of that name the method's own class declares, or null. */
  private static VariableDeclarator ownField(MethodDeclaration m, String name) {
    Node owner = m.getParentNode().orElse(null);
    List<BodyDeclaration<?>> members;
    if (owner instanceof TypeDeclaration<?> t) {
      members = new ArrayList<>(t.getMembers());
    } else if (owner instanceof ObjectCreationExpr c && c.getAnonymousClassBody().isPresent()) {
      members = new ArrayList<>(c.getAnonymousClassBody().get());
    } else {
      return null;
    }
    for (BodyDeclaration<?> member : members) {
      if (member instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return v;
          }
        }
      }
    }
    return null;
  }

  private static boolean declaresLocal(MethodDeclaration m, String name) {
    for (Parameter p : m.findAll(Parameter.class)) {
      if (p.getNameAsString().equals(name)) {
        return true;
      }
    }
    for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
      if (v.getNameAsString().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
