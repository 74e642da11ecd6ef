package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.cfg.Variable;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.ContractModes.VariableMode;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.ExpressionTypes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * Parameters that own their value by the word of the method they override (decisions 190-192):
 * a handler's {@code channelRead(ctx, msg)} owns {@code msg} because the model of {@code
 * ChannelInboundHandler.channelRead} says so, and the locals that only ever name such a parameter
 * ({@code FullHttpRequest req = (FullHttpRequest) msg}). Their duty is to release or hand on the
 * value, not Rust's move. Not thread-safe: one per file, asked by {@link Owners}.
 */
final class InheritedOwnership {
  private final FileBodies bodies;
  private final ExpressionTypes types;
  private final ContractIndex index;
  private final Function<Variable, VariableMode> declaredMode;
  private final Function<Variable, List<Expression>> assignmentsTo;

  /**
   * @param declaredMode what a variable's own annotations declare
   * @param assignmentsTo the values a local is assigned after its declaration
   */
  InheritedOwnership(
      FileBodies bodies,
      ExpressionTypes types,
      ContractIndex index,
      Function<Variable, VariableMode> declaredMode,
      Function<Variable, List<Expression>> assignmentsTo) {
    this.bodies = bodies;
    this.types = types;
    this.index = index;
    this.declaredMode = declaredMode;
    this.assignmentsTo = assignmentsTo;
  }

  private final Map<Variable, Boolean> inherited = new IdentityHashMap<>();
  private final Map<Variable, Variable> aliased = new IdentityHashMap<>();
  private final Map<Variable, String> inheritedFrom = new IdentityHashMap<>();

  /**
   * Whether a parameter that declares no mode of its own inherits {@code @Owned} from a method
   * its method overrides (decision 190): {@code channelRead(ctx, msg)} of a handler, by the model
   * of {@code ChannelInboundHandler.channelRead}. Such a parameter must be released or handed on
   * (D11), but only that: it is not dropped at the method's end, assigning it moves nothing, and
   * handing it on ends the duty without making it unusable (decision 192).
   */
  boolean inheritsOwned(Variable v) {
    if (v.kind() != Variable.Kind.PARAMETER) {
      return false;
    }
    Boolean known = inherited.get(v);
    if (known == null) {
      known = declaredMode.apply(v) == VariableMode.NONE && overriddenOwns(v);
      inherited.put(v, known);
    }
    return known;
  }

  private boolean overriddenOwns(Variable v) {
    if (!(v.declaration() instanceof Parameter p)
        || !(p.getParentNode().orElse(null) instanceof MethodDeclaration m)
        || m.isStatic()
        || m.isPrivate()) {
      return false;
    }
    Node enclosing = m.getParentNode().orElse(null);
    String type;
    boolean includeType;
    if (enclosing instanceof TypeDeclaration<?> t) {
      type = types.typeName(t);
      includeType = false;
    } else if (enclosing instanceof ObjectCreationExpr anonymous) {
      TypeRef supertype = types.resolve(anonymous.getType(), anonymous);
      type = supertype.isKnown() ? supertype.name() : null;
      includeType = true;
    } else {
      return false;
    }
    if (type == null) {
      return false;
    }
    List<TypeRef> parameterTypes = new ArrayList<>(m.getParameters().size());
    for (Parameter q : m.getParameters()) {
      parameterTypes.add(q.isVarArgs() ? TypeRef.UNKNOWN : types.resolve(q.getType(), q));
    }
    int position = AstNodes.indexOf(m.getParameters(), p);
    MethodContract overridden =
        position < 0 ? null : index.overriddenWithParamMode(type, includeType, m.getNameAsString(), parameterTypes, position);
    if (overridden == null || overridden.params().get(position).mode() != MethodContract.ParamMode.OWNED) {
      return false;
    }
    inheritedFrom.put(v, overridden.displayName());
    return true;
  }

  /** The method a parameter inherits {@code @Owned} from ({@code ChannelInboundHandler.channelRead}), or null. */
  String ownedInheritedFrom(Variable v) {
    return inheritsOwned(v) ? inheritedFrom.get(v) : null;
  }

  /**
   * The parameter inheriting {@code @Owned} that a local only ever names ({@code
   * FullHttpRequest req = (FullHttpRequest) msg}, {@code msg instanceof ByteBuf buf}), or null:
   * releasing or handing on the local does it for the parameter (decision 192).
   */
  Variable aliasedParameter(Variable v) {
    if (v.kind() != Variable.Kind.LOCAL && v.kind() != Variable.Kind.PATTERN) {
      return null;
    }
    if (aliased.containsKey(v)) {
      return aliased.get(v);
    }
    aliased.put(v, null);
    if (!inheritingParameterInScope(v.declaration())) {
      return null; // a local names only what is in scope: no parameter there inherits @Owned
    }
    Variable found = null;
    if (v.kind() == Variable.Kind.PATTERN) {
      if (v.declaration().getParentNode().orElse(null) instanceof InstanceOfExpr test) {
        found = inheritingParameter(test.getExpression());
      }
    } else {
      List<Expression> stored = new ArrayList<>(assignmentsTo.apply(v));
      if (v.declaration() instanceof VariableDeclarator d && d.getInitializer().isPresent()) {
        stored.add(d.getInitializer().get());
      }
      for (Expression value : stored) {
        Variable p = inheritingParameter(value);
        if (p == null || (found != null && p != found)) {
          found = null;
          break;
        }
        found = p;
      }
    }
    aliased.put(v, found);
    return found;
  }

  private final Map<Node, Boolean> inheritingParameterIn = new IdentityHashMap<>();

  /**
   * Whether a method around {@code node} (the one it is in, or one around that method's class when
   * it is a local or anonymous class's) has a parameter inheriting {@code @Owned}: most have none,
   * and then no local can name one, so its assignments need not be looked at.
   */
  private boolean inheritingParameterInScope(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> callable) {
        Boolean known = inheritingParameterIn.get(callable);
        if (known == null) {
          known = false;
          for (Parameter p : callable.getParameters()) {
            Variable pv = bodies.declared(p);
            if (pv != null && inheritsOwned(pv)) {
              known = true;
              break;
            }
          }
          inheritingParameterIn.put(callable, known);
        }
        if (known) {
          return true;
        }
      }
    }
    return false;
  }

  /** The parameter inheriting {@code @Owned} a value names, directly or through another such local. */
  private Variable inheritingParameter(Expression value) {
    Variable p = bodies.variableOf(AstNodes.unwrap(value));
    if (p == null || p.isField()) {
      return null;
    }
    return inheritsOwned(p) ? p : aliasedParameter(p);
  }

  /** A parameter inheriting {@code @Owned}, or a local naming one: handing it on ends a duty, moves nothing. */
  boolean handsOnOnly(Variable v) {
    return inheritsOwned(v) || aliasedParameter(v) != null;
  }
}
