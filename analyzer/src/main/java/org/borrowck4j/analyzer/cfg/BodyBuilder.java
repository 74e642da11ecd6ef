package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Frame.ScopeFrame;

/**
 * Builds the CFG of one body: the graph under construction ({@link FlowGraph}) and the body's
 * names ({@link Names}) hold its state; {@link Statements} and {@link Expressions} translate the
 * code into them.
 */
final class BodyBuilder {
  private final FlowGraph graph;
  private final Names names;
  private final Statements statements;

  BodyBuilder(CfgBuilder file, CfgBuilder.Environment outer, String typeName) {
    graph = new FlowGraph(this::inlineFinally);
    names = new Names(file, outer, graph);
    statements = new Statements(file, typeName, graph, names);
  }

  /** The graph unwinds through finally blocks, but only statement translation knows their code. */
  private void inlineFinally(BlockStmt finallyBlock) {
    statements.block(finallyBlock);
  }

  Body build(
      Body.Kind kind,
      Node declaration,
      Node enclosingType,
      String displayName,
      List<Parameter> parameters,
      Statement body,
      Expression expressionBody) {
    graph.start(declaration);
    ScopeFrame parameterScope = names.pushScope(declaration);
    List<Variable> params = new ArrayList<>();
    Variable.Kind paramKind =
        kind == Body.Kind.LAMBDA ? Variable.Kind.LAMBDA_PARAMETER : Variable.Kind.PARAMETER;
    for (Parameter p : parameters) {
      params.add(names.declare(p, paramKind, p.getAnnotations()));
    }
    if (expressionBody != null) {
      statements.expressionBody(expressionBody);
    } else if (body != null) {
      statements.stmt(body, null);
    }
    Cfg cfg = graph.finish();
    assert graph.frame() == parameterScope;
    return new Body(
        kind,
        declaration,
        enclosingType,
        displayName,
        params,
        cfg,
        names.resolutions(),
        names.captured());
  }
}
