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

  /**
   * Stub types that name nothing: a type missing from a package the JDK or the classpath has (a
   * misspelt class), or a type of a package nobody has where that means a typo — a package of the
   * JDK's namespaces, or any package when a classpath was given (the build's classpath is whole).
   * Without a classpath a library's model is legitimately of a package nobody has: models match
   * by name (DESIGN "Library models"), so those are not reported.
   *
   * @param knownPackage whether the JDK or the classpath has classes in a package
   * @param wholeClasspath whether a classpath was given
   */
  public static List<Problem> unknownTypes(
      List<Declared.FileDeclarations> stubs, List<ContractSource> reality, java.util.function.Predicate<String> knownPackage, boolean wholeClasspath) {
    List<Problem> problems = new ArrayList<>();
    for (Declared.FileDeclarations file : stubs) {
      for (Declared.TypeDeclaration type : file.types()) {
        String name = type.qualifiedName();
        if (known(name, reality)) {
          continue;
        }
        String pkg = knownPrefix(name, knownPackage);
        if (pkg != null) {
          problems.add(new Problem(file.file(), type.line(), "stub models `" + name + "`, which package `" + pkg + "` does not have"));
        } else if (wholeClasspath || name.startsWith("java.") || name.startsWith("jdk.")) {
          String owner = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
          problems.add(
              new Problem(
                  file.file(),
                  type.line(),
                  "stub models `" + name + "`, but package `" + owner + "` is "
                      + (wholeClasspath ? "neither on the classpath nor in the JDK" : "not in the JDK")));
        }
      }
    }
    return problems;
  }

  /** The longest package a type's name starts with that exists, or null. */
  private static String knownPrefix(String name, java.util.function.Predicate<String> knownPackage) {
    for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
      if (knownPackage.test(name.substring(0, dot))) {
        return name.substring(0, dot);
      }
    }
    return null;
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
