package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Lambdas run in place (D22): a lambda passed to a parameter the models mark {@code @RunsInPlace}
 * runs during the call, while the call reads its receiver — or, for a stream operation, the
 * collection the pipeline streams over, found by following the receiver back through the
 * stream's derivations and {@code stream()} to the collection's place (as a loan's root). Every
 * structural change of such a place in the lambda's own body is an {@link InPlaceChange}, and so is a
 * call in it of a helper of the class that changes such a field (decision 176). Lambdas
 * given to code without such a contract are not looked at (DESIGN: no finding from a guess), nor
 * are method references or lambdas nested in the lambda.
 */
final class InPlaceFunctions {
  private InPlaceFunctions() {}

  static List<InPlaceChange> of(MethodCallExpr call, MethodContract c, FileFacts file, LoanCollector loans) {
    if (c == null || call.getScope().isEmpty()) {
      return List.of();
    }
    List<InPlaceChange> out = List.of();
    Map<Variable, List<Variable>> roots = null;
    for (int i = 0; i < call.getArguments().size(); i++) {
      MethodContract.Param p = c.paramFor(i);
      if (p == null || !p.runsInPlace() || !(AstNodes.unwrap(call.getArgument(i)) instanceof LambdaExpr lambda)) {
        continue;
      }
      Body body = file.bodies.lambdaBody(lambda);
      if (body == null) {
        continue;
      }
      if (roots == null) {
        roots = loans.paths(call.getScope().get());
        if (roots.isEmpty()) {
          return List.of();
        }
      }
      List<Event.Mutate> changes = new ArrayList<>(0);
      structuralChanges(body, roots.keySet(), file, changes);
      Set<Variable> fields = fieldsOnly(roots.keySet());
      for (MethodCallExpr helperCall : fields.isEmpty() ? List.<MethodCallExpr>of() : lambda.getBody().findAll(MethodCallExpr.class)) {
        MethodDeclaration helper = ownHelper(helperCall);
        if (helper != null) {
          MethodCallExpr change = helperChange(helper, fields, file, new HashSet<>(List.of(helper)), 1);
          if (change != null) {
            // Reported at the helper's call in the lambda, naming what the helper does (decision 176).
            changes.add(
                new Event.Mutate(
                    file.bodies.variableOf(AstNodes.unwrap(change.getScope().get())),
                    helperCall,
                    null,
                    new MutationCause(MutationCause.Kind.MUT_IN_CALLEE, change.getNameAsString(), helper.getNameAsString())));
          }
        }
      }
      for (Event.Mutate m : changes) {
        if (out.isEmpty()) {
          out = new ArrayList<>(1);
        }
        Node from = borrowedAt(call.getScope().get(), m.place(), file);
        out.add(new InPlaceChange(m, new Event.Operand(m.place(), roots.get(m.place()), from, call, null, c.name())));
      }
    }
    return out;
  }

  /** Every structural change of one of {@code roots} in {@code body}'s own code. */
  private static void structuralChanges(Body body, Set<Variable> roots, FileFacts file, List<Event.Mutate> into) {
    BodyFacts facts = file.of(body);
    for (CfgNode node : body.cfg().nodes()) {
      for (Event e : facts.events(node)) {
        if (e instanceof Event.Mutate m && roots.contains(m.place()) && structural(m)) {
          into.add(m);
        }
      }
    }
  }

  /** How deep helpers calling helpers are followed. */
  private static final int HELPER_DEPTH = 3;

  /**
   * A structural change of one of {@code fields} in a helper of the class, or in the helpers it
   * calls in turn: a {@code @Mut} method called on the field ({@code nodes.put(k, v)}), read from
   * the helper's code and the contracts of its calls (not its facts: the helper may be the method
   * whose facts are being gathered). The first one found, or null.
   */
  private static MethodCallExpr helperChange(
      MethodDeclaration helper, Set<Variable> fields, FileFacts file, Set<MethodDeclaration> seen, int depth) {
    List<MethodCallExpr> calls = helper.getBody().map(b -> b.findAll(MethodCallExpr.class)).orElse(List.of());
    for (MethodCallExpr call : calls) {
      Expression scope = call.getScope().map(AstNodes::unwrap).orElse(null);
      if (scope != null && fields.contains(file.bodies.variableOf(scope))) {
        MethodContract c = file.calls.declaredContractOf(call);
        if (c != null && c.receiver() == MethodContract.ReceiverMode.MUT && !PresentKeys.replacesInPlace(c, call, file)) {
          return call;
        }
      }
    }
    if (depth >= HELPER_DEPTH) {
      return null;
    }
    for (MethodCallExpr call : calls) {
      MethodDeclaration next = ownHelper(call);
      if (next != null && seen.add(next)) {
        MethodCallExpr change = helperChange(next, fields, file, seen, depth + 1);
        if (change != null) {
          return change;
        }
      }
    }
    return null;
  }

  /** Only a field of the class is the same place inside another of its methods. */
  private static Set<Variable> fieldsOnly(Set<Variable> roots) {
    Set<Variable> fields = new HashSet<>();
    for (Variable v : roots) {
      if (v.isField() && !v.isPath()) {
        fields.add(v);
      }
    }
    return fields;
  }

  /**
   * The method of the enclosing class that a call on {@code this} runs, where no override can run
   * instead (private, static or final, or a final class's): the one declared with the call's name
   * and number of arguments, or null.
   */
  private static MethodDeclaration ownHelper(MethodCallExpr call) {
    Expression scope = call.getScope().map(AstNodes::unwrap).orElse(null);
    if (scope != null && !(scope instanceof ThisExpr t && t.getTypeName().isEmpty())) {
      return null;
    }
    ClassOrInterfaceDeclaration owner = call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
    if (owner == null || owner.isInterface()) {
      return null;
    }
    MethodDeclaration found = null;
    for (MethodDeclaration m : owner.getMethodsByName(call.getNameAsString())) {
      if (m.getParameters().size() == call.getArguments().size() && m.getParameters().stream().noneMatch(p -> p.isVarArgs())) {
        if (found != null) {
          return null; // overloads: which one runs is the compiler's to say
        }
        found = m;
      }
    }
    boolean known = found != null && (found.isPrivate() || found.isStatic() || found.isFinal() || owner.isFinal());
    return known && found.getBody().isPresent() ? found : null;
  }

  /** A change of the collection's structure: a {@code @Mut} method or parameter, not an assignment. */
  private static boolean structural(Event.Mutate m) {
    return m.cause().kind() == MutationCause.Kind.MUT_METHOD || m.cause().kind() == MutationCause.Kind.MUT_ARGUMENT;
  }

  /**
   * Where the call's borrow of {@code root} starts: the receiver itself when it names the root,
   * else the call made on the root's place ({@code list.stream()} of {@code
   * list.stream().filter(f).forEach(…)}), else the receiver (a local holding the stream).
   */
  private static Node borrowedAt(Expression receiver, Variable root, FileFacts file) {
    Expression e = AstNodes.unwrap(receiver);
    for (int depth = 0; depth < 16 && e instanceof MethodCallExpr call && call.getScope().isPresent(); depth++) {
      Expression scope = AstNodes.unwrap(call.getScope().get());
      if (file.bodies.variableOf(call) == null && file.bodies.variableOf(scope) == root) {
        return call;
      }
      e = scope;
    }
    return receiver;
  }
}
