package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnknownType;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.cfg.Frame.ScopeFrame;

/**
 * The names of one body: the scopes its locals are declared in, what each name resolves to, and
 * which locals of enclosing bodies it captures. Bodies nested in it (lambdas, local and anonymous
 * classes) look their free names up here.
 */
final class Names implements CfgBuilder.Environment {
  private final CfgBuilder file;
  private final CfgBuilder.Environment outer;
  private final FlowGraph graph;
  private final IdentityHashMap<Node, Variable> resolutions = new IdentityHashMap<>();
  private final Set<Variable> captured = new LinkedHashSet<>();

  /**
   * The locals in scope by name, innermost declaration first: one map for the whole body, so a
   * name costs the same however deeply it is nested (walking the scope frames made code nested
   * tens of thousands deep quadratic). Java forbids a local to shadow another, so a stack per name
   * only ever differs from the frames for invalid code.
   */
  private final Map<String, ArrayDeque<Variable>> visible = new HashMap<>();

  Names(CfgBuilder file, CfgBuilder.Environment outer, FlowGraph graph) {
    this.file = file;
    this.outer = outer;
    this.graph = graph;
  }

  IdentityHashMap<Node, Variable> resolutions() {
    return resolutions;
  }

  Set<Variable> captured() {
    return captured;
  }

  @Override
  public Variable lookup(String name) {
    ArrayDeque<Variable> declared = visible.get(name);
    if (declared != null && !declared.isEmpty()) {
      return declared.peek();
    }
    Variable v = outer.lookup(name);
    if (v != null && !v.isField()) {
      captured.add(v);
    }
    return v;
  }

  @Override
  public Variable lookupField(String name) {
    return outer.lookupField(name);
  }

  @Override
  public Variable lookupField(String type, String name) {
    return outer.lookupField(type, name);
  }

  /** What {@code node}, standing for {@code name}, denotes; recorded as its resolution. */
  Variable resolve(Node node, String name) {
    Variable v = lookup(name);
    if (v != null) {
      resolutions.put(node, v);
    }
    return v;
  }

  void resolveName(NameExpr name) {
    resolve(name, name.getNameAsString());
  }

  void resolveField(FieldAccessExpr access) {
    if (access.getScope() instanceof ThisExpr t) {
      // `this.items`, or `Outer.this.items`: the same place as `items` is in Outer (DESIGN, places).
      Variable v =
          t.getTypeName().isEmpty()
              ? lookupField(access.getNameAsString())
              : lookupField(t.getTypeName().get().getIdentifier(), access.getNameAsString());
      if (v != null) {
        resolutions.put(access, v);
      }
    } else if (access.getScope() instanceof NameExpr scope) {
      // `h.items`, `h` a local or parameter: the field of the object `h` holds is a place of its
      // own (DESIGN, places); `Type.FIELD` and fields of fields are not.
      Variable base = resolution(scope);
      if (base != null && !base.isField()) {
        resolutions.put(access, file.pathOf(base, access.getNameAsString()));
      }
    }
  }

  Variable resolution(Node node) {
    return resolutions.get(node);
  }

  Variable declare(Node declaration, Variable.Kind kind, NodeList<AnnotationExpr> annotations) {
    Variable v =
        file.variableFor(
            declaration,
            () -> {
              String name;
              Type type;
              if (declaration instanceof VariableDeclarator d) {
                name = d.getNameAsString();
                type = d.getType();
              } else if (declaration instanceof Parameter p) {
                name = p.getNameAsString();
                type = p.getType() instanceof UnknownType ? null : p.getType();
              } else if (declaration instanceof TypePatternExpr tp) {
                name = tp.getNameAsString();
                type = tp.getType();
              } else {
                throw new IllegalArgumentException("not a declaration: " + declaration);
              }
              return file.newVariable(name, kind, declaration, type, annotations, false);
            });
    for (Frame f = graph.frame(); f != null; f = f.parent) {
      if (f instanceof ScopeFrame sf) {
        if (sf.names.put(v.name(), v) != v) {
          visible.computeIfAbsent(v.name(), k -> new ArrayDeque<>()).push(v);
        }
        if (!sf.scope.variables().contains(v)) {
          sf.scope.add(v);
        }
        break;
      }
    }
    return v;
  }

  ScopeFrame pushScope(Node owner) {
    return graph.enter(new ScopeFrame(graph.frame(), new Scope(owner)));
  }

  void popScope(ScopeFrame sf) {
    graph.endScope(sf, null);
    hide(sf);
    graph.leave(sf);
  }

  /** The names a scope declared are no longer visible. */
  void hide(ScopeFrame sf) {
    for (Variable v : sf.names.values()) {
      ArrayDeque<Variable> declared = visible.get(v.name());
      if (declared != null) {
        declared.remove(v);
      }
    }
  }
}
