package org.borrowck4j.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.types.TypeRef;

/**
 * A contract written as the declaration a stub file would hold: {@code @Owned ByteBuf
 * heapBuffer(ByteBufAllocator alloc, int size)}, {@code void closeQuietly(@Consumes(idempotent =
 * true) Closeable c)}. What an inferred contract says reads the same in a diagnostic as in the
 * stub file {@code borrowck infer} writes, and reads back as the same contract.
 */
public final class ContractText {
  private ContractText() {}

  /** Whether a stub can say any of it (an inferred "sometimes takes" has no annotation). */
  public static boolean sayable(MethodContract c) {
    if (c.returns() != MethodContract.ReturnMode.NONE) {
      return true;
    }
    for (MethodContract.Param p : c.params()) {
      if (p.mode() != MethodContract.ParamMode.NONE && p.mode() != MethodContract.ParamMode.SOMETIMES_TAKEN) {
        return true;
      }
    }
    return false;
  }

  /** The declaration with simple type names, for messages. */
  public static String signature(MethodContract c) {
    return declaration(c, false);
  }

  /** The declaration with the types as resolved (qualified), for a stub file. */
  public static String stubDeclaration(MethodContract c) {
    return declaration(c, true) + ";";
  }

  private static String declaration(MethodContract c, boolean qualified) {
    StringBuilder sb = new StringBuilder();
    for (String a : resultAnnotations(c)) {
      sb.append(a).append(' ');
    }
    if (c.isStatic()) {
      sb.append(qualified ? "static " : "");
    }
    if (c.isConstructor()) {
      sb.append(TypeRef.of(c.declaringType()).simpleName());
    } else {
      sb.append(type(c.returnType(), qualified)).append(' ').append(c.name());
    }
    List<String> params = new ArrayList<>(c.params().size() + 1);
    if (c.resultAliasesReceiver()) {
      // `@MustCallAlias R m(@MustCallAlias T this)`: the result is a second handle on the receiver.
      params.add("@MustCallAlias " + type(TypeRef.of(c.declaringType()), qualified) + " this");
    }
    for (int i = 0; i < c.params().size(); i++) {
      MethodContract.Param p = c.params().get(i);
      String annotation = parameterAnnotation(p);
      boolean varargs = c.varargs() && i == c.params().size() - 1 && p.type().isArray();
      String t = varargs ? type(p.type().componentType(), qualified) + "..." : type(p.type(), qualified);
      // A class file compiled without -parameters names none: the type alone, as javadoc writes it.
      boolean unnamed = !p.name().isEmpty() && p.name().chars().allMatch(Character::isDigit);
      params.add((annotation.isEmpty() ? "" : annotation + " ") + t + (unnamed ? "" : " " + p.name()));
    }
    return sb.append('(').append(String.join(", ", params)).append(')').toString();
  }

  private static List<String> resultAnnotations(MethodContract c) {
    List<String> out = new ArrayList<>(2);
    switch (c.returns()) {
      case OWNED -> out.add(c.resultAliasesReceiver() ? "@MustCallAlias" : "@Owned");
      case BORROWED -> out.add(c.borrowedFrom() == null ? "@Borrowed" : "@Borrowed(from = \"" + c.borrowedFrom() + "\")");
      case NONE -> {}
    }
    if (c.returnsMustRelease()) {
      out.add("@MustRelease");
    }
    if (c.collectedWhenDropped() && c.origin() != null && c.origin().kind().isInferred()) {
      out.add("@CollectedWhenDropped"); // what a summary found (decision 345), for a stub to keep
    }
    return out;
  }

  private static String parameterAnnotation(MethodContract.Param p) {
    return switch (p.mode()) {
      case NONE, SOMETIMES_TAKEN -> "";
      case OWNED -> "@Owned";
      case BORROWED -> "@Borrowed";
      case MUT -> "@Mut";
      case RETAINED -> "@Retained";
      case CONSUMES -> p.idempotent() ? "@Consumes(idempotent = true)" : "@Consumes";
      case ALIAS -> "@MustCallAlias";
    };
  }

  private static String type(TypeRef t, boolean qualified) {
    if (!t.isKnown()) {
      return "Object";
    }
    return qualified ? t.name() : t.simpleName();
  }
}
