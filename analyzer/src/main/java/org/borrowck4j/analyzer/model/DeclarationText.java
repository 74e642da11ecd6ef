package org.borrowck4j.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borrowck4j.analyzer.types.ImportContext;

/**
 * Everything a file's declarations tell the analysis of other files, written out canonically: the
 * result cache keys every result by it (decision 132), so that an edit that leaves a file's
 * declarations as they were re-analyses only the files that read its bodies. Lines are left out
 * unless asked for: they identify a method within one run but never reach another file's output,
 * and an added line of comment must not invalidate the project.
 */
public final class DeclarationText {
  private DeclarationText() {}

  public static String of(Declared.FileDeclarations file, boolean withLines) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append(file.origin()).append('\n');
    imports(sb, file.imports());
    for (Declared.TypeDeclaration t : file.types()) {
      sb.append("type ").append(t.qualifiedName()).append(t.isInterface() ? " interface" : "");
      if (withLines) {
        sb.append(" @").append(t.line());
      }
      sb.append(" own").append(t.ownTypeVariables()).append(" vars").append(t.typeVariables());
      sb.append(" extends").append(t.supertypes());
      annotations(sb, t.annotations());
      sb.append('\n');
      for (Declared.Field f : t.fields()) {
        sb.append(" field ").append(f.name()).append(':').append(f.type());
        annotations(sb, f.annotations());
        sb.append('\n');
      }
      for (Declared.Method m : t.methods()) {
        sb.append(" method ").append(m.name())
            .append(m.isConstructor() ? " ctor" : "")
            .append(m.isStatic() ? " static" : "")
            .append(m.isAbstract() ? " abstract" : "");
        if (withLines) {
          sb.append(" @").append(m.line());
        }
        sb.append(" vars").append(m.typeVariables()).append(" returns ").append(m.returnType());
        annotations(sb, m.annotations());
        sb.append(" receiver");
        annotations(sb, m.receiverAnnotations());
        for (Declared.Param p : m.params()) {
          sb.append(" (").append(p.name()).append(':').append(p.type()).append(p.varargs() ? "..." : "");
          annotations(sb, p.annotations());
          sb.append(')');
        }
        // Which handlers a call reaches depends on it (D9).
        sb.append(m.thrown() == null ? " throws?" : " throws" + m.thrown());
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void imports(StringBuilder sb, ImportContext imports) {
    sb.append("package ").append(imports.packageName()).append('\n');
    sb.append("imports ").append(new TreeMap<>(imports.singleImports())).append('\n');
    sb.append("on-demand ").append(imports.onDemandImports()).append('\n');
    sb.append("static ").append(new TreeMap<>(imports.staticImports())).append('\n');
    sb.append("static-on-demand ").append(imports.staticOnDemandImports()).append('\n');
    sb.append("declares ").append(new TreeSet<>(imports.declaredTypes())).append('\n');
  }

  private static void annotations(StringBuilder sb, List<Declared.Annotation> annotations) {
    for (Declared.Annotation a : annotations) {
      sb.append(" @").append(a.name());
      Map<String, String> values = a.values();
      if (!values.isEmpty()) {
        sb.append(new TreeMap<>(values));
      }
    }
  }
}
