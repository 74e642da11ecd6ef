package org.borrowck4j.analyzer.infer;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.facts.FileFacts;
import org.borrowck4j.analyzer.facts.ThisBound;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.SourceIndex;

/**
 * The bodies of the analysed sources' methods, for inference: a file is parsed when one of its
 * methods is asked for (the tree is the one its own analysis gets, when there is room to keep it)
 * and its bodies and facts are built apart from the file's own analysis. The last 256 files asked
 * for are kept (with fewer, files were parsed again and again on guava).
 * Not thread-safe: each worker of the inference has its own (decision 170).
 */
final class SourceBodies {
  private static final int FILES_KEPT = 256;

  /** A method's body, with the facts of its file. */
  record Found(Body body, FileFacts facts, CallableDeclaration<?> declaration) {}

  /**
   * One kept file: its methods and constructors by name, arity and line, and its records whose
   * canonical constructor is written nowhere (neither in full nor compact) by arity and line.
   */
  private record Kept(Map<String, Found> methods, Map<String, RecordDeclaration> implicitCanonical) {}

  private final Function<Path, CompilationUnit> parser;
  private final SourceIndex sources;
  private final ContractIndex index;
  private final boolean strict;
  /** The kept files. */
  private final Map<String, Kept> files =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
          return size() > FILES_KEPT;
        }
      };

  SourceBodies(Function<Path, CompilationUnit> parser, SourceIndex sources, ContractIndex index, boolean strict) {
    this.parser = parser;
    this.sources = sources;
    this.index = index;
    this.strict = strict;
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
    Kept kept = kept(origin, bound);
    return kept == null ? null : kept.methods().get(keyOf(name, arity, origin.line()));
  }

  /**
   * The record whose canonical constructor is the one declared at {@code origin} and is written
   * nowhere, or null: that constructor stores every argument, as it is, in its component's field
   * (JLS 8.10.4). A compact one may store something else ({@code items = items.clone()}).
   */
  RecordDeclaration implicitCanonical(Declared.Origin origin, String name, int arity) {
    Kept kept = name.equals("<init>") ? kept(origin, null) : null;
    return kept == null ? null : kept.implicitCanonical().get(keyOf(name, arity, origin.line()));
  }

  private Kept kept(Declared.Origin origin, ThisBound bound) {
    if (origin == null || origin.kind() != Declared.Origin.Kind.SOURCE) {
      return null;
    }
    String key = bound == null ? origin.file() : origin.file() + '^' + bound.declaredIn() + '>' + bound.runsOn();
    Kept kept = files.get(key);
    if (kept == null) {
      CompilationUnit unit = parser.apply(Path.of(origin.file()));
      if (unit == null) {
        return null;
      }
      FileBodies fileBodies = FileBodies.of(unit);
      Declared.FileDeclarations declarations = sources.register(Path.of(origin.file()), unit);
      FileFacts facts = new FileFacts(fileBodies, declarations.imports(), index, strict, bound);
      Map<String, Found> methods = new HashMap<>();
      for (Body b : fileBodies.all()) {
        Node d = b.declaration();
        String named = d instanceof MethodDeclaration m ? m.getNameAsString() : d instanceof ConstructorDeclaration ? "<init>" : null;
        if (named != null) {
          CallableDeclaration<?> callable = (CallableDeclaration<?>) d;
          methods.putIfAbsent(
              keyOf(named, callable.getParameters().size(), d.getBegin().map(p -> p.line).orElse(0)), new Found(b, facts, callable));
        }
      }
      Map<String, RecordDeclaration> implicit = new HashMap<>(0);
      for (RecordDeclaration r : unit.findAll(RecordDeclaration.class)) {
        int arity = r.getParameters().size();
        if (r.getCompactConstructors().isEmpty() && r.getConstructors().stream().noneMatch(c -> c.getParameters().size() == arity)) {
          implicit.putIfAbsent(keyOf("<init>", arity, r.getBegin().map(p -> p.line).orElse(0)), r);
        }
      }
      kept = new Kept(methods, implicit);
      files.put(key, kept);
    }
    return kept;
  }

  private static String keyOf(String name, int arity, int line) {
    return name + '/' + arity + '@' + line;
  }
}
