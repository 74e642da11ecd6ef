package org.borrowck4j.analyzer.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks stub files against the types they model where those types can be seen (the classpath,
 * the JDK, the analysed sources): a modelled method that does not exist is a typo that would
 * silently model nothing, so it is reported.
 */
public final class StubChecker {
  private StubChecker() {}

  /** A stub method that names no method of the real type. */
  public record Problem(String file, int line, String message) {}

  /**
   * @param reality the sources that say what really exists, without the stubs themselves
   */
  public static List<Problem> check(List<Declared.FileDeclarations> stubs, List<ContractSource> reality) {
    List<Problem> problems = new ArrayList<>();
    for (Declared.FileDeclarations file : stubs) {
      for (Declared.TypeDeclaration type : file.types()) {
        if (!known(type.qualifiedName(), reality)) {
          continue; // The library is not here: the model matches by name.
        }
        for (Declared.Method m : type.methods()) {
          if (!exists(type.qualifiedName(), m, reality)) {
            String what = m.isConstructor() ? "constructor" : "method `" + m.name() + "`";
            problems.add(
                new Problem(
                    file.file(),
                    m.line(),
                    "stub models a "
                        + what
                        + " with "
                        + m.params().size()
                        + " parameter"
                        + (m.params().size() == 1 ? "" : "s")
                        + " that `"
                        + type.qualifiedName()
                        + "` does not have"));
          }
        }
      }
    }
    return problems;
  }

  private static boolean known(String type, List<ContractSource> reality) {
    for (ContractSource s : reality) {
      if (s.type(type) != null) {
        return true;
      }
    }
    return false;
  }

  /** Whether the type or one of its supertypes really declares a method of that name and arity. */
  private static boolean exists(String type, Declared.Method m, List<ContractSource> reality) {
    Deque<String> work = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!work.isEmpty()) {
      String t = work.poll();
      if (!seen.add(t)) {
        continue;
      }
      for (ContractSource s : reality) {
        TypeContract c = s.type(t);
        if (c == null) {
          continue;
        }
        for (MethodContract candidate : c.methods(m.name())) {
          if (candidate.accepts(m.params().size())) {
            return true;
          }
        }
        if (m.isConstructor()) {
          continue;
        }
        work.addAll(c.supertypes());
      }
    }
    return false;
  }
}
