package org.borrowck4j.analyzer.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borrowck4j.analyzer.engine.InferredContract;
import org.borrowck4j.analyzer.model.AnnotationNames;
import org.borrowck4j.analyzer.model.ContractText;

/**
 * Inferred contracts (D23) as a stub file ({@code .astub}, the Checker Framework's format, which
 * {@code --stubs} reads back): by package, then type, member types nested in their outer type,
 * each method as the declaration that states its contract, with the file it was inferred from. The
 * text depends only on the contracts, not on the order they were inferred in.
 */
public final class StubWriter {
  private StubWriter() {}

  public static String write(List<InferredContract> contracts) {
    Map<String, TypeNode> packages = new TreeMap<>();
    for (InferredContract c : contracts) {
      if (!ContractText.sayable(c.contract())) {
        continue; // "sometimes takes it": true of the body, but no annotation says it
      }
      TypeNode node = packages.computeIfAbsent(c.packageName(), p -> new TypeNode("", false));
      String[] names = c.typeName().split("\\.");
      for (int i = 0; i < names.length; i++) {
        boolean last = i == names.length - 1;
        node = node.members.computeIfAbsent(names[i], n -> new TypeNode(n, last && c.typeIsInterface()));
      }
      node.methods.put(
          String.format("%09d %s", c.contract().origin().line(), ContractText.stubDeclaration(c.contract())),
          "  // inferred from " + c.file() + ":" + c.contract().origin().line() + "\n  " + ContractText.stubDeclaration(c.contract()));
    }
    StringBuilder out = new StringBuilder();
    out.append("// Contracts borrowck inferred from the bodies of these methods (D23). Review them, keep\n")
        .append("// what is meant, and pass the file with --stubs: a stub's contract is declared, and wins.\n")
        .append("import ").append(AnnotationNames.PACKAGE).append(".*;\n")
        .append("import ").append(AnnotationNames.MODEL_PACKAGE).append(".*;\n")
        .append("import ").append(AnnotationNames.MUST_CALL_ALIAS).append(";\n");
    for (Map.Entry<String, TypeNode> p : packages.entrySet()) {
      out.append('\n');
      if (!p.getKey().isEmpty()) {
        out.append("package ").append(p.getKey()).append(";\n\n");
      }
      boolean first = true;
      for (TypeNode type : p.getValue().members.values()) {
        if (!first) {
          out.append('\n');
        }
        first = false;
        type.write(out, "");
      }
    }
    return out.toString();
  }

  private static final class TypeNode {
    final String name;
    final boolean isInterface;
    final Map<String, TypeNode> members = new TreeMap<>();
    /** Declarations in source order, each with the comment saying where it came from. */
    final Map<String, String> methods = new TreeMap<>();

    TypeNode(String name, boolean isInterface) {
      this.name = name;
      this.isInterface = isInterface;
    }

    void write(StringBuilder out, String indent) {
      out.append(indent).append(isInterface ? "interface " : "class ").append(name).append(" {\n");
      for (String m : methods.values()) {
        out.append(indent).append(m.replace("\n", "\n" + indent)).append('\n');
      }
      for (TypeNode member : members.values()) {
        member.write(out, indent + "  ");
      }
      out.append(indent).append("}\n");
    }
  }
}
