package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithBody;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.parse.AstNodes;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * What a command-line program opens for reading once lives as long as the program (decision 271):
 * a {@code main} returns to the JVM, which exits, and the system closes what the process held. A
 * leak of an input resource (a stream, reader, zip file or file stream of lines) opened once in
 * {@code main}, or in a private method of its class that only {@code main} calls and not from a
 * loop, is not a bug a maintainer would fix. Output (buffered data is lost at exit) and anything
 * opened in a loop (a tool over many files runs out of descriptors) stay findings. One per file.
 */
final class ProgramLifetime {
  private static final Set<String> INPUTS =
      Set.of("java.io.InputStream", "java.io.Reader", "java.util.zip.ZipFile", "java.util.stream.BaseStream");

  private final FileFacts file;
  private final Map<Node, Boolean> runOnce = new IdentityHashMap<>();

  ProgramLifetime(FileFacts file) {
    this.file = file;
  }

  /** Whether a leak of a value of this type, opened at {@code at} in this body, ends with the program. */
  boolean endsWithTheProgram(Node body, Node at, TypeRef type) {
    return type.isKnown() && (isInput(type) || opensForReading(at)) && !inLoop(at, body) && runsOnceFromMain(body);
  }

  /**
   * A file opened for reading only, where its type does not say it (decision 316): {@code new
   * RandomAccessFile(f, "r")}, or the channel of one.
   */
  private boolean opensForReading(Node at) {
    Node value = at instanceof VariableDeclarator d ? d.getInitializer().orElse(null) : at;
    Expression e = value instanceof Expression expr ? AstNodes.unwrap(expr) : null;
    if (e instanceof MethodCallExpr call
        && call.getNameAsString().equals("getChannel")
        && call.getArguments().isEmpty()
        && call.getScope().isPresent()) {
      e = AstNodes.unwrap(call.getScope().get());
    }
    return e instanceof ObjectCreationExpr created
        && created.getArguments().size() == 2
        && "java.io.RandomAccessFile".equals(file.types.typeOf(created).name())
        && created.getArgument(1) instanceof StringLiteralExpr mode
        && mode.getValue().equals("r");
  }

  private boolean isInput(TypeRef type) {
    for (String input : INPUTS) {
      if (file.index.isSubtype(type.name(), input)) {
        return true;
      }
    }
    return false;
  }

  /** {@code main} itself, or a private method of its class that only such methods call, outside loops. */
  private boolean runsOnceFromMain(Node body) {
    Boolean known = runOnce.get(body);
    if (known != null) {
      return known;
    }
    runOnce.put(body, false); // a method calling itself is not run once
    boolean once = body instanceof MethodDeclaration m && (isMain(m) || calledOnlyOnceFromMain(m));
    runOnce.put(body, once);
    return once;
  }

  private static boolean isMain(MethodDeclaration m) {
    return m.getNameAsString().equals("main")
        && m.isStatic()
        && m.getType().isVoidType()
        && m.getParameters().size() == 1
        && m.getParameter(0).getType().asString().replace(" ", "").matches("String(\\[\\]|\\.\\.\\.)?")
        && (m.getParameter(0).isVarArgs() || m.getParameter(0).getType().isArrayType());
  }

  private boolean calledOnlyOnceFromMain(MethodDeclaration m) {
    if (!m.isPrivate() || !(m.getParentNode().orElse(null) instanceof TypeDeclaration<?> type)) {
      return false;
    }
    boolean called = false;
    for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
      if (!call.getNameAsString().equals(m.getNameAsString())
          || call.getArguments().size() != m.getParameters().size()
          || call.getScope().isPresent() && !call.getScope().get().isThisExpr() && !call.getScope().get().isNameExpr()) {
        continue;
      }
      Node caller = enclosingBody(call);
      if (caller == null || inLoop(call, caller) || !runsOnceFromMain(caller)) {
        return false;
      }
      called = true;
    }
    return called;
  }

  private static Node enclosingBody(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof LambdaExpr) {
        return null; // a lambda may run any number of times
      }
      if (p instanceof CallableDeclaration<?>) {
        return p;
      }
    }
    return null;
  }

  private static boolean inLoop(Node n, Node body) {
    for (Node p = n; p != null && p != body; p = p.getParentNode().orElse(null)) {
      if (p instanceof NodeWithBody<?> || p instanceof LambdaExpr) { // a loop, or a body run any number of times
        return true;
      }
    }
    return false;
  }
}
