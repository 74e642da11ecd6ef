package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.MethodModes.KeyRole;
import org.borrowck4j.analyzer.parse.AstNodes;

/**
 * Keys a map surely contains where a call is made (D24, decision 90): the current key of a
 * for-each over one of the map's key views ({@code for (K k : map.keySet())}: {@code k}), or the
 * key of the current entry of a for-each over one of its entry views ({@code for (Map.Entry<K, V>
 * e : map.entrySet())}: {@code e.getKey()}). The models say which methods are such views and
 * which one is an entry's key ({@code @Keys}, {@code @Entries}, {@code @EntryKey}); the view may
 * be held in a local that is never assigned again. A loop variable that the body assigns is no
 * longer the current key. An explicit iterator over such a view gives the same keys: the local
 * its {@code next()} initialises ({@code @Current}, decision 289), until the iterator removes it.
 */
final class PresentKeys {
  /**
   * Whether a call that changes its receiver's structure only when given an absent key ({@code
   * map.put(k, v)}, {@code @ReplacesIfPresent}) is given a key of that receiver: it then replaces a
   * value in place, which is no structural modification.
   */
  static boolean replacesInPlace(MethodContract c, MethodCallExpr call, FileFacts file) {
    int key = c.replacingKeyParameter();
    if (key < 0 || key >= call.getArguments().size() || call.getScope().isEmpty()) {
      return false;
    }
    Variable map = file.bodies.variableOf(AstNodes.unwrap(call.getScope().get()));
    return map != null && new PresentKeys(file, call).isCurrentKeyOf(call.getArgument(key), map, 0);
  }

  private final FileFacts file;
  /** The call given the key: an iterator's removal before it takes the key out of the map. */
  private final MethodCallExpr use;

  private PresentKeys(FileFacts file, MethodCallExpr use) {
    this.file = file;
    this.use = use;
  }

  private boolean isCurrentKeyOf(Expression argument, Variable map, int depth) {
    Expression key = AstNodes.unwrap(argument);
    if (key instanceof NameExpr) {
      Variable v = file.bodies.variableOf(key);
      if (v != null
          && v.kind() == Variable.Kind.LOCAL
          && depth < 4
          && v.declaration() instanceof VariableDeclarator d
          && d.getInitializer().isPresent()
          && !assignedWithin(d.findAncestor(BlockStmt.class).map(Node.class::cast).orElse(d), v, file)) {
        // `String topic = e.getKey(); map.put(topic, …)`: the local is the key (an `int` unboxed
        // from it boxes back to an equal key).
        return isCurrentKeyOf(d.getInitializer().get(), map, depth + 1);
      }
      // `for (K k : map.keySet()) map.put(k, …)`, or `map.forEach((k, v) -> map.put(k, …))`
      return iterates(v, KeyRole.KEYS, map) || givenKeyOf(v, map);
    }
    if (key instanceof MethodCallExpr next && isCurrentOf(next, KeyRole.KEYS, map)) {
      // `K k = it.next(); map.put(k, …)` with `it = map.keySet().iterator()`
      return true;
    }
    if (key instanceof MethodCallExpr getKey && getKey.getScope().isPresent()) {
      // `for (Map.Entry<K, V> e : map.entrySet()) map.put(e.getKey(), …)`
      MethodContract c = file.calls.declaredContractOf(getKey);
      Expression entry = AstNodes.unwrap(getKey.getScope().get());
      return c != null
          && c.keyRole() == KeyRole.ENTRY_KEY
          && entry instanceof NameExpr
          && iterates(file.bodies.variableOf(entry), KeyRole.ENTRIES, map);
    }
    return false;
  }

  /**
   * Whether {@code element} is the variable of a for-each loop over a view of {@code map} with the
   * given role, and still holds the loop's current element (the loop body never assigns it); or a
   * local never assigned again that an explicit iterator's {@code next()} over such a view
   * initialised (decision 289).
   */
  private boolean iterates(Variable element, KeyRole role, Variable map) {
    if (element != null
        && element.kind() == Variable.Kind.LOCAL
        && element.declaration() instanceof VariableDeclarator d
        && d.getInitializer().map(AstNodes::unwrap).orElse(null) instanceof MethodCallExpr next
        && !assignedWithin(d.findAncestor(BlockStmt.class).map(Node.class::cast).orElse(d), element, file)) {
      // `Map.Entry<K, V> e = it.next();` over `map.entrySet().iterator()`
      return isCurrentOf(next, role, map);
    }
    if (element == null || element.kind() != Variable.Kind.FOREACH) {
      return false;
    }
    Node declarations = element.declaration().getParentNode().orElse(null);
    if (!(declarations instanceof VariableDeclarationExpr)
        || !(declarations.getParentNode().orElse(null) instanceof ForEachStmt loop)) {
      return false;
    }
    MethodCallExpr view = viewCall(loop.getIterable(), file);
    if (view == null || view.getScope().isEmpty()) {
      return false;
    }
    MethodContract c = file.calls.declaredContractOf(view);
    return c != null
        && c.keyRole() == role
        && file.bodies.variableOf(AstNodes.unwrap(view.getScope().get())) == map
        && !assignedWithin(loop.getBody(), element, file);
  }

  /**
   * Whether {@code key} is the first parameter of a lambda that a method of {@code map} runs in
   * place with the map's keys ({@code @RunsInPlace(keys = true)}: {@code map.forEach((k, v) ->
   * …)}), and the lambda never assigns it.
   */
  private boolean givenKeyOf(Variable key, Variable map) {
    if (key == null
        || key.kind() != Variable.Kind.LAMBDA_PARAMETER
        || !(key.declaration() instanceof com.github.javaparser.ast.body.Parameter p)
        || !(p.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.LambdaExpr lambda)
        || lambda.getParameters().indexOf(p) != 0
        || !(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call)
        || call.getScope().isEmpty()) {
      return false;
    }
    MethodContract c = file.calls.declaredContractOf(call);
    MethodContract.Param param = c == null ? null : c.paramFor(AstNodes.indexOf(call.getArguments(), lambda));
    return param != null
        && param.givesKeys()
        && file.bodies.variableOf(AstNodes.unwrap(call.getScope().get())) == map
        && !assignedWithin(lambda.getBody(), key, file);
  }

  /**
   * Whether {@code next} takes the current element of an iterator over a view of {@code map} with
   * the given role ({@code it.next()} with {@code it = map.keySet().iterator()}, {@code @Current}),
   * the iterator a local never assigned again, and no removal through it comes between the two
   * calls in the code (decision 289): {@code it.remove()} takes the key out of the map, and a
   * {@code put} of it after is structural again.
   */
  private boolean isCurrentOf(MethodCallExpr next, KeyRole role, Variable map) {
    MethodContract c = file.calls.declaredContractOf(next);
    if (c == null || c.keyRole() != KeyRole.CURRENT || next.getScope().isEmpty()) {
      return false;
    }
    Variable iterator = file.bodies.variableOf(AstNodes.unwrap(next.getScope().get()));
    MethodCallExpr made = iterator == null ? null : initialiserCall(iterator, file);
    if (made == null || made.getScope().isEmpty()) {
      return false;
    }
    MethodCallExpr view = viewCall(made.getScope().get(), file);
    MethodContract viewContract = view == null || view.getScope().isEmpty() ? null : file.calls.declaredContractOf(view);
    return viewContract != null
        && viewContract.keyRole() == role
        && file.bodies.variableOf(AstNodes.unwrap(view.getScope().get())) == map
        && !removedBetween(iterator, next, use);
  }

  /** Whether a changing call on {@code iterator} ({@code it.remove()}) lies between two calls in the code. */
  private boolean removedBetween(Variable iterator, Node from, Node to) {
    if (from.getBegin().isEmpty() || to.getBegin().isEmpty()) {
      return true;
    }
    Node code = iterator.declaration().findAncestor(BlockStmt.class).map(Node.class::cast).orElse(iterator.declaration());
    for (MethodCallExpr call : code.findAll(MethodCallExpr.class)) {
      if (call.getScope().isEmpty()
          || file.bodies.variableOf(AstNodes.unwrap(call.getScope().get())) != iterator
          || call.getBegin().isEmpty()) {
        continue;
      }
      MethodContract c = file.calls.declaredContractOf(call);
      boolean changes = c != null && c.receiver() == MethodContract.ReceiverMode.MUT;
      if (changes && call.getBegin().get().isAfter(from.getBegin().get()) && call.getBegin().get().isBefore(to.getBegin().get())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The call that made what a loop iterates: the iterable itself ({@code map.keySet()}), or the
   * initialiser of a local that holds it and is never assigned again ({@code Set<K> keys =
   * map.keySet(); for (K k : keys)}).
   */
  private static MethodCallExpr viewCall(Expression iterable, FileFacts file) {
    Expression e = AstNodes.unwrap(iterable);
    if (e instanceof MethodCallExpr call) {
      return call;
    }
    return e instanceof NameExpr ? initialiserCall(file.bodies.variableOf(e), file) : null;
  }

  /** The call a local never assigned again was initialised with ({@code it = keys.iterator()}), or null. */
  private static MethodCallExpr initialiserCall(Variable local, FileFacts file) {
    if (local == null
        || local.kind() != Variable.Kind.LOCAL
        || !(local.declaration() instanceof VariableDeclarator d)
        || !(d.getInitializer().map(AstNodes::unwrap).orElse(null) instanceof MethodCallExpr call)) {
      return null;
    }
    Node scope = d.findAncestor(BlockStmt.class).map(Node.class::cast).orElse(d);
    return assignedWithin(scope, local, file) ? null : call;
  }

  private static boolean assignedWithin(Node code, Variable v, FileFacts file) {
    for (AssignExpr assign : code.findAll(AssignExpr.class)) {
      if (file.bodies.variableOf(AstNodes.unwrap(assign.getTarget())) == v) {
        return true;
      }
    }
    return false;
  }
}
