package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Variables that only ever hold weakly consistent collections (D24 extended to fields, decision
 * 91): every value assigned to them — the initialiser and every assignment — is an allocation of
 * a type the models mark {@code @WeaklyConsistent} ({@code new CopyOnWriteArrayList<>()}), a
 * static factory's result of such a type ({@code ConcurrentHashMap.newKeySet()}, decision 247),
 * a read of another such variable, or {@code null} (which cannot be iterated), and at least one is
 * an allocation. For a local the assignments are those in its block; for a field those in its
 * compilation unit, which holds them all only when the field is {@code private} (nested classes
 * share the file) or {@code final} (assigned in its own class's constructors or initialiser).
 * Other fields can be assigned by code elsewhere: a whole-program question, left alone unless the
 * declaration itself allocates the collection (as a local's does, D24). Whatever
 * the declared type ({@code List}), iterating such a variable tolerates modification.
 */
final class WeaklyConsistentPlaces {
  private final FileFacts file;
  private final Map<Node, Boolean> known = new IdentityHashMap<>();
  /** The assignments of the file, by the simple name they assign: collected on first use. */
  private Map<String, List<AssignExpr>> assignmentsByName;

  WeaklyConsistentPlaces(FileFacts file) {
    this.file = file;
  }

  /** Whether the variable only ever holds weakly consistent collections. */
  boolean holdsOnlyWeaklyConsistent(Variable v) {
    if (!(v.declaration() instanceof VariableDeclarator d)) {
      return false;
    }
    if (v.kind() == Variable.Kind.LOCAL) {
      return decide(d, () -> allWeaklyConsistent(d, () -> assignmentsWithin(d.findAncestor(BlockStmt.class).orElse(null), v)));
    }
    return v.isField() && field(d);
  }

  /**
   * Whether a path's field ({@code h.items}) is declared by a class of this file — the class of
   * the base's type, not a supertype — and holds no concurrent collection there (decision 142).
   */
  boolean isOrdinaryFieldOfThisFile(Variable path) {
    TypeRef owner = file.types.typeOf(path.base());
    if (!owner.isKnown()) {
      return false;
    }
    CompilationUnit unit = path.base().declaration().findCompilationUnit().orElse(null);
    if (unit == null) {
      return false;
    }
    for (TypeDeclaration<?> t : typesOf(unit)) {
      if (!owner.name().equals(file.types.typeName(t))) {
        continue;
      }
      FieldDeclaration f = t.getFieldByName(path.fieldName()).orElse(null);
      if (f == null || f.isStatic()) {
        return false;
      }
      for (VariableDeclarator d : f.getVariables()) {
        if (d.getNameAsString().equals(path.fieldName())) {
          return !field(d);
        }
      }
    }
    return false;
  }

  /**
   * A field declared in this file: is every value it is given here weakly consistent, and are they
   * all here? They are for a {@code private} or {@code final} field; for another one whose
   * declaration allocates the collection, code elsewhere replacing it is not guessed at.
   */
  private boolean field(VariableDeclarator d) {
    if (!(d.getParentNode().orElse(null) instanceof FieldDeclaration f)) {
      return false;
    }
    boolean allHere =
        f.isPrivate()
            || f.isFinal()
            || d.getInitializer().map(i -> source(i, 0) == Source.WEAKLY_CONSISTENT).orElse(false);
    return allHere && decide(d, () -> allWeaklyConsistent(d, () -> assignmentsOfField(d)));
  }

  /** Asks once per declaration; a cycle of variables assigned from each other holds nothing known. */
  private boolean decide(VariableDeclarator d, BooleanSupplier how) {
    Boolean answer = known.get(d);
    if (answer != null) {
      return answer;
    }
    known.put(d, false);
    boolean result = how.getAsBoolean();
    known.put(d, result);
    return result;
  }

  /** The initialiser first: most variables are told apart by it, without looking for assignments. */
  private boolean allWeaklyConsistent(VariableDeclarator d, Supplier<List<Expression>> assignments) {
    Source initial = d.getInitializer().map(i -> source(i, 0)).orElse(Source.NULL);
    if (initial == Source.OTHER) {
      return false;
    }
    List<Expression> assigned = assignments.get();
    if (assigned == null) {
      return false;
    }
    boolean allocated = initial == Source.WEAKLY_CONSISTENT;
    for (Expression value : assigned) {
      Source s = source(value, 0);
      if (s == Source.OTHER) {
        return false;
      }
      allocated |= s == Source.WEAKLY_CONSISTENT;
    }
    return allocated;
  }

  private enum Source {
    WEAKLY_CONSISTENT,
    NULL,
    OTHER
  }

  private Source source(Expression value, int depth) {
    Expression e = AstNodes.unwrap(value);
    if (e instanceof NullLiteralExpr) {
      return Source.NULL;
    }
    if (e instanceof ObjectCreationExpr created) {
      return created.getAnonymousClassBody().isEmpty() && file.index.isWeaklyConsistent(file.types.typeOf(created))
          ? Source.WEAKLY_CONSISTENT
          : Source.OTHER;
    }
    if (e instanceof MethodCallExpr call && call.getScope().map(s -> file.types.typeNamed(s).isKnown()).orElse(false)) {
      // A static factory whose declared result is weakly consistent: a new collection too
      // (`ConcurrentHashMap.newKeySet()`, decision 247).
      return file.index.isWeaklyConsistent(file.types.typeOf(call)) ? Source.WEAKLY_CONSISTENT : Source.OTHER;
    }
    if (e instanceof MethodCallExpr call && call.getScope().isPresent() && depth < 8) {
      // A view backed by a weakly consistent collection iterates as the collection does:
      // `Set<K> keys = concurrentMap.keySet()` (decision 331).
      MethodContract c = file.calls.contractOf(call);
      if (c == null || !c.liveView() || c.returns() != MethodContract.ReturnMode.BORROWED) {
        return Source.OTHER;
      }
      Expression scope = call.getScope().get();
      return file.index.isWeaklyConsistent(file.types.typeOf(scope)) || source(scope, depth + 1) == Source.WEAKLY_CONSISTENT
          ? Source.WEAKLY_CONSISTENT
          : Source.OTHER;
    }
    if (e instanceof ConditionalExpr c && depth < 8) {
      Source a = source(c.getThenExpr(), depth + 1);
      Source b = source(c.getElseExpr(), depth + 1);
      return a == Source.OTHER || b == Source.OTHER ? Source.OTHER : a == Source.WEAKLY_CONSISTENT ? a : b;
    }
    Variable v = file.bodies.variableOf(e);
    if (v != null) {
      return holdsOnlyWeaklyConsistent(v) ? Source.WEAKLY_CONSISTENT : Source.OTHER;
    }
    VariableDeclarator declared = e instanceof FieldAccessExpr access ? fieldOfThisFile(access) : null;
    return declared != null && field(declared) ? Source.WEAKLY_CONSISTENT : Source.OTHER;
  }

  /**
   * The field {@code x.f} names when the type of {@code x} is declared in this file ({@code
   * instance.userFactories} of a singleton), or null.
   */
  private VariableDeclarator fieldOfThisFile(FieldAccessExpr access) {
    TypeRef owner = file.types.typeOf(access.getScope());
    CompilationUnit unit = access.findCompilationUnit().orElse(null);
    if (!owner.isKnown() || owner.isArray() || unit == null) {
      return null;
    }
    for (TypeDeclaration<?> type : typesOf(unit)) {
      if (type.getFullyQualifiedName().map(owner.name()::equals).orElse(false)) {
        return type.getFieldByName(access.getNameAsString()).flatMap(f -> variableNamed(f, access.getNameAsString())).orElse(null);
      }
    }
    return null;
  }

  private static java.util.Optional<VariableDeclarator> variableNamed(FieldDeclaration f, String name) {
    return f.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst();
  }

  /** The values assigned to a local in its block. */
  private List<Expression> assignmentsWithin(Node block, Variable v) {
    if (block == null) {
      return null;
    }
    List<Expression> out = new ArrayList<>(0);
    for (AssignExpr a : block.findAll(AssignExpr.class)) {
      if (file.bodies.variableOf(AstNodes.unwrap(a.getTarget())) == v) {
        out.add(a.getValue());
      }
    }
    return out;
  }

  /**
   * The values assigned in the file to what may be the field: every assignment of that name that
   * is not known to assign another variable (a local, another field).
   */
  private List<Expression> assignmentsOfField(VariableDeclarator d) {
    List<Expression> out = new ArrayList<>(0);
    for (AssignExpr a : assignmentsByName(d).getOrDefault(d.getNameAsString(), List.of())) {
      Expression target = AstNodes.unwrap(a.getTarget());
      Variable v = file.bodies.variableOf(target);
      if (v != null ? v.declaration() == d : mayBe(target, d)) {
        out.add(a.getValue());
      }
    }
    return out;
  }

  /** An unresolved target of the field's name: the field, unless it names a field of another type here. */
  private boolean mayBe(Expression target, VariableDeclarator d) {
    if (target instanceof FieldAccessExpr access) {
      VariableDeclarator named = fieldOfThisFile(access);
      return named == null || named == d;
    }
    return true;
  }

  /** The file's type declarations, found once: asked about for every path and field access. */
  private List<TypeDeclaration<?>> typesOf(CompilationUnit unit) {
    if (types == null || typesUnit != unit) {
      List<TypeDeclaration<?>> found = new ArrayList<>();
      for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
        found.add(t);
      }
      types = found;
      typesUnit = unit;
    }
    return types;
  }

  private List<TypeDeclaration<?>> types;
  private CompilationUnit typesUnit;

  private Map<String, List<AssignExpr>> assignmentsByName(Node anywhere) {
    if (assignmentsByName == null) {
      assignmentsByName = new HashMap<>();
      Node unit = anywhere.findCompilationUnit().map(Node.class::cast).orElse(anywhere);
      // A visitor, not findAll: the tree iterator behind findAll made this walk a twentieth of the
      // analysis' own time (a stack and a list wrapper per node).
      unit.accept(
          new VoidVisitorAdapter<Void>() {
            @Override
            public void visit(AssignExpr a, Void arg) {
              Expression target = AstNodes.unwrap(a.getTarget());
              String name =
                  target instanceof NameExpr n ? n.getNameAsString() : target instanceof FieldAccessExpr f ? f.getNameAsString() : null;
              if (name != null) {
                assignmentsByName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(a);
              }
              super.visit(a, arg);
            }
          },
          null);
    }
    return assignmentsByName;
  }
}
