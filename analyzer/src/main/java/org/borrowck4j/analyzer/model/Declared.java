package org.borrowck4j.analyzer.model;

import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.types.ImportContext;

/**
 * Declarations as written in a source or stub file, before any name is resolved: what a file
 * contributes to the contract index. Kept instead of the AST, which is dropped after parsing.
 * Types are erased names as written ({@code List}, {@code java.util.Map.Entry}, {@code byte[]});
 * {@link ImportContext} resolves them.
 */
public final class Declared {
  private Declared() {}

  /** Where a declaration comes from, for messages and precedence. */
  public record Origin(Kind kind, String file, int line) {
    public enum Kind {
      SOURCE,
      USER_STUB,
      BUILTIN_MODEL,
      /** A class of the classpath given to the run (a dependency), read by reflection. */
      CLASSPATH,
      /** A class of the JDK itself, read by reflection: what its documentation says holds for it (decision 323). */
      JDK,
      /** Inferred from the body of a method of the analysed sources (D23). */
      INFERRED,
      /**
       * Inferred from a class file on the classpath: a static helper there that closes a
       * parameter on every normal path (decision 318). A library's code, read as D23 reads ours.
       */
      INFERRED_FROM_CLASS_FILE;

      /** Declared in, or inferred from, the analysed sources: not a library's word. */
      public boolean isSourceCode() {
        return this == SOURCE || this == INFERRED;
      }

      /** Inferred from code, the sources' or a class file's, rather than declared by anyone. */
      public boolean isInferred() {
        return this == INFERRED || this == INFERRED_FROM_CLASS_FILE;
      }
    }

    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "");
    }
  }

  /** An annotation as written: its name and its literal member values. */
  public record Annotation(String name, Map<String, String> values) {}

  public record Param(String name, String type, List<Annotation> annotations, boolean varargs) {}

  /**
   * @param thrown the types its {@code throws} clause names, as written; null where the
   *     declaration does not say: a model or user stub without a {@code throws} clause (the
   *     built-in models were written without them, so their silence is not "throws nothing"). A
   *     source declaration always says: no clause is an empty list.
   */
  public record Method(
      String name,
      boolean isConstructor,
      boolean isStatic,
      boolean isAbstract,
      List<String> typeVariables,
      List<Param> params,
      String returnType,
      List<Annotation> annotations,
      List<Annotation> receiverAnnotations,
      List<String> thrown,
      int line) {}

  /**
   * @param allocated the type its initializer allocates as written ({@code ArrayList} for {@code =
   *     new ArrayList<>()}), or null: what it holds when nothing else is known (decision 142)
   */
  public record Field(String name, String type, List<Annotation> annotations, String allocated) {
    public Field(String name, String type, List<Annotation> annotations) {
      this(name, type, annotations, null);
    }
  }

  /**
   * @param ownTypeVariables the type's own type parameters, in order
   * @param typeVariables every type variable in scope in the type (its own and enclosing ones)
   */
  public record TypeDeclaration(
      String qualifiedName,
      boolean isInterface,
      List<String> ownTypeVariables,
      List<String> typeVariables,
      List<String> supertypes,
      List<Annotation> annotations,
      List<Method> methods,
      List<Field> fields,
      int line) {}

  /** Everything one file declares, with the import context its names resolve in. */
  public record FileDeclarations(
      String file, Origin.Kind origin, ImportContext imports, List<TypeDeclaration> types) {}
}
