package org.borrowck4j.analyzer.infer;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.facts.FileFacts;
import org.borrowck4j.analyzer.facts.ThisBound;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.RuntimeClass;
import org.borrowck4j.analyzer.model.SourceIndex;

/**
 * The bodies of the analysed sources' methods, for inference: a file is parsed when one of its
 * methods is asked for (the tree is the one its own analysis gets, when there is room to keep it).
 * What a call reaches — a method's declaration, a record's implicit constructor — is read off the
 * tree; the file's bodies and facts, apart from the file's own analysis, are built only when one of
 * its bodies is summarised (most calls ask for a summary already known, or decide from the
 * declaration alone that there is none). The last 256 files asked for are kept (with fewer, files
 * were parsed again and again on guava). Not thread-safe: each worker of the inference has its own
 * (decision 170).
 */
final class SourceBodies {
  private static final int FILES_KEPT = 256;

  /** A method's body, with the facts of its file. */
  record Found(Body body, FileFacts facts, CallableDeclaration<?> declaration) {}

  /** A file's bodies, built as they are asked for, and their facts. */
  private record Facts(FileBodies bodies, FileFacts facts) {}

  /**
   * One file read: its methods and constructors that have a body and its records whose canonical
   * constructor is written nowhere (neither in full nor compact), found by name, arity and line
   * when asked for; and, once a body of it is summarised, its bodies with their facts.
   */
  private static final class KeptFile {
    final CompilationUnit unit;
    final Map<String, Optional<Node>> declared = new HashMap<>();
    Facts facts;

    KeptFile(CompilationUnit unit) {
      this.unit = unit;
    }

    /** The declaration of this key, found once: only the nodes whose lines hold it are visited. */
    Node declared(String name, int arity, int line, boolean implicitCanonical) {
      return declared
          .computeIfAbsent(
              (implicitCanonical ? "record " : "") + keyOf(name, arity, line),
              k -> Optional.ofNullable(declaredAt(unit, name, arity, line, implicitCanonical)))
          .orElse(null);
    }
  }

  /** The first declaration that begins on {@code line} and matches, in source order. */
  private static Node declaredAt(Node node, String name, int arity, int line, boolean implicitCanonical) {
    for (Node child : node.getChildNodes()) {
      Range r = child.getRange().orElse(null);
      if (r == null || r.begin.line > line || r.end.line < line) {
        continue;
      }
      if (r.begin.line == line && (implicitCanonical ? isImplicitCanonical(child, arity) : hasBody(child, name, arity))) {
        return child;
      }
      Node inner = declaredAt(child, name, arity, line, implicitCanonical);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static boolean hasBody(Node n, String name, int arity) {
    return n instanceof CallableDeclaration<?> c
        && (c instanceof ConstructorDeclaration || (c instanceof MethodDeclaration m && m.getBody().isPresent()))
        && c.getParameters().size() == arity
        && nameOf(c).equals(name);
  }

  private static boolean isImplicitCanonical(Node n, int arity) {
    return n instanceof RecordDeclaration r
        && r.getParameters().size() == arity
        && r.getCompactConstructors().isEmpty()
        && r.getConstructors().stream().noneMatch(c -> c.getParameters().size() == arity);
  }

  private final Function<Path, CompilationUnit> parser;
  private final SourceIndex sources;
  private final ContractIndex index;
  private final boolean strict;
  /** The files read, by path. */
  private final Map<String, KeptFile> files = lastUsed();
  /** The bodies and facts of files for a {@code this} of a subtype, by path and bound. */
  private final Map<String, Facts> bound = lastUsed();

  SourceBodies(Function<Path, CompilationUnit> parser, SourceIndex sources, ContractIndex index, boolean strict) {
    this.parser = parser;
    this.sources = sources;
    this.index = index;
    this.strict = strict;
  }

  private static <V> Map<String, V> lastUsed() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > FILES_KEPT;
      }
    };
  }

  /** The method or constructor declared at {@code origin} with this name and arity that has a body, or null. */
  CallableDeclaration<?> declaration(Declared.Origin origin, String name, int arity) {
    KeptFile file = file(origin);
    return file == null ? null : (CallableDeclaration<?>) file.declared(name, arity, origin.line(), false);
  }

  /** The body declared at {@code origin} with this name and arity, or null. */
  Found find(Declared.Origin origin, String name, int arity) {
    return find(origin, name, arity, null);
  }

  /**
   * The body declared at {@code origin} with this name and arity, with the facts of its file for a
   * {@code this} known to be of a subtype ({@code bound}; null for the file as written), or null.
   * A bound file's bodies and facts are its own: what a call resolves to differs (decision 201).
   */
  Found find(Declared.Origin origin, String name, int arity, ThisBound bound) {
    CallableDeclaration<?> declaration = declaration(origin, name, arity);
    if (declaration == null) {
      return null;
    }
    KeptFile file = file(origin);
    Facts facts;
    if (bound == null) {
      if (file.facts == null) {
        file.facts = factsOf(origin.file(), file.unit, null);
      }
      facts = file.facts;
    } else {
      facts = this.bound.computeIfAbsent(origin.file() + '^' + bound.declaredIn() + '>' + bound.runsOn(), k -> factsOf(origin.file(), file.unit, bound));
    }
    Body body = facts.bodies().callableBody(declaration);
    return body == null ? null : new Found(body, facts.facts(), declaration);
  }

  /**
   * The line on which the anonymous class written at {@code c} declares the method of that name
   * and arity with a body, or null: no such class, or it inherits the method (decision 236).
   */
  Integer anonymousMethodLine(RuntimeClass c, String name, int arity) {
    KeptFile file = file(new Declared.Origin(Declared.Origin.Kind.SOURCE, c.file(), c.line()));
    if (file == null) {
      return null;
    }
    ObjectCreationExpr creation = anonymousAt(file.unit, c.line(), c.column());
    if (creation == null) {
      return null;
    }
    for (BodyDeclaration<?> member : creation.getAnonymousClassBody().get()) {
      if (hasBody(member, name, arity) && member instanceof MethodDeclaration) {
        return lineOf(member);
      }
    }
    return null;
  }

  /** The anonymous class whose {@code new} begins at that line and column, or null. */
  private static ObjectCreationExpr anonymousAt(Node node, int line, int column) {
    for (Node child : node.getChildNodes()) {
      Range r = child.getRange().orElse(null);
      if (r == null || r.begin.line > line || r.end.line < line) {
        continue;
      }
      if (r.begin.line == line
          && r.begin.column == column
          && child instanceof ObjectCreationExpr o
          && o.getAnonymousClassBody().isPresent()) {
        return o;
      }
      ObjectCreationExpr inner = anonymousAt(child, line, column);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /**
   * The record whose canonical constructor is the one declared at {@code origin} and is written
   * nowhere, or null: that constructor stores every argument, as it is, in its component's field
   * (JLS 8.10.4). A compact one may store something else ({@code items = items.clone()}).
   */
  RecordDeclaration implicitCanonical(Declared.Origin origin, String name, int arity) {
    KeptFile file = name.equals("<init>") ? file(origin) : null;
    return file == null ? null : (RecordDeclaration) file.declared(name, arity, origin.line(), true);
  }

  private KeptFile file(Declared.Origin origin) {
    if (origin == null || origin.kind() != Declared.Origin.Kind.SOURCE) {
      return null;
    }
    KeptFile file = files.get(origin.file());
    if (file == null) {
      CompilationUnit unit = parser.apply(Path.of(origin.file()));
      if (unit == null) {
        return null;
      }
      file = new KeptFile(unit);
      files.put(origin.file(), file);
    }
    return file;
  }

  /** The facts of a file (for a {@code this} of a subtype when bound), its bodies built as they are asked for. */
  private Facts factsOf(String path, CompilationUnit unit, ThisBound bound) {
    Declared.FileDeclarations declarations = sources.register(Path.of(path), unit);
    FileBodies bodies = FileBodies.lazilyOf(unit);
    return new Facts(bodies, new FileFacts(bodies, declarations.imports(), index, strict, bound));
  }

  private static String nameOf(CallableDeclaration<?> c) {
    return c instanceof ConstructorDeclaration ? "<init>" : c.getNameAsString();
  }

  private static int lineOf(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }

  private static String keyOf(String name, int arity, int line) {
    return name + '/' + arity + '@' + line;
  }
}
