package org.borrowck4j.analyzer.model;

import org.borrowck4j.analyzer.types.SamParameter;
import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.borrowck4j.analyzer.types.TypeUniverse;

/**
 * The types declared by the analysed sources. Files are read lazily: a type is looked for in the
 * files named after one of the segments of its name ({@code a.b.Outer.Inner} in {@code Inner.java}
 * or {@code Outer.java}), then in those whose text names it after {@code class}, {@code interface},
 * {@code enum} or {@code record} (a second top-level type), both known up front ({@link
 * #readUpFront}); files that import our annotations are read up front too. Which files hold a type
 * never depends on which ones the workers happen to have parsed already (decision 254). Each file
 * is parsed for its declarations at most once; the AST is not kept.
 */
public final class SourceIndex implements ContractSource {
  private final Map<String, List<Path>> filesByStem = new HashMap<>();
  /** Files that declare types under other names than their own, by those names (read up front). */
  private final Map<String, List<Path>> filesByOtherName = new ConcurrentHashMap<>();
  private final Function<Path, CompilationUnit> parser;
  private final Map<Path, Declared.FileDeclarations> files = new ConcurrentHashMap<>();
  private final Map<String, Declared.FileDeclarations> fileOfType = new ConcurrentHashMap<>();
  private final Map<String, TypeContract> resolved = new ConcurrentHashMap<>();
  private TypeUniverse universe = name -> false;

  /**
   * @param sourceFiles every file under analysis
   * @param parser parses a file, or returns null when it cannot be read or parsed
   */
  public SourceIndex(List<Path> sourceFiles, Function<Path, CompilationUnit> parser) {
    this.parser = parser;
    for (Path p : sourceFiles) {
      filesByStem.computeIfAbsent(stem(p), k -> new ArrayList<>()).add(p);
    }
  }

  void setUniverse(TypeUniverse universe) {
    this.universe = universe;
  }

  /**
   * Records the declarations of a file that was parsed anyway (for analysis). A file is published
   * with its types at once (decision 254): had it been seen before its types were, a worker
   * looking for one of them at that moment would have been told the sources do not declare it,
   * and that answer is cached.
   */
  public Declared.FileDeclarations register(Path file, CompilationUnit unit) {
    Declared.FileDeclarations d = files.get(file);
    if (d != null) {
      return d;
    }
    return files.computeIfAbsent(file, f -> {
      Declared.FileDeclarations read = DeclarationReader.read(unit, f.toString(), Declared.Origin.Kind.SOURCE);
      for (Declared.TypeDeclaration t : read.types()) {
        // Two files declaring one name (a type copied into two source roots): the first path wins.
        fileOfType.merge(t.qualifiedName(), read, (a, b) -> a.file().compareTo(b.file()) <= 0 ? a : b);
      }
      return read;
    });
  }

  /** The declarations of a file of the sources, parsed the first time they are asked for. */
  public Declared.FileDeclarations declarationsOf(Path file) {
    Declared.FileDeclarations d = files.get(file);
    if (d != null) {
      return d;
    }
    CompilationUnit unit = parser.apply(file);
    if (unit == null) {
      Declared.FileDeclarations none =
          new Declared.FileDeclarations(
              file.toString(),
              Declared.Origin.Kind.SOURCE,
              new org.borrowck4j.analyzer.types.ImportContext(
                  "", Map.of(), List.of(), Map.of(), List.of(), java.util.Set.of()),
              List.of());
      Declared.FileDeclarations previous = files.putIfAbsent(file, none);
      return previous != null ? previous : none;
    }
    return register(file, unit);
  }

  /**
   * What is known of a file before any is parsed: the names its text may declare types under, and,
   * if its text mentions the contract annotations' packages, its declarations, so that contracts
   * are found wherever they are declared. Called for every file, in order, before any lookup.
   */
  public void readUpFront(Path file, byte[] content, java.nio.charset.Charset encoding) {
    String own = stem(file);
    for (String name : DeclaredTypeNames.in(content, encoding)) {
      if (!name.equals(own)) {
        filesByOtherName.merge(name, List.of(file), (a, b) -> a.contains(file) ? a : concat(a, b));
      }
    }
    if (AnnotationNames.mayDeclareContracts(content, encoding)) {
      declarationsOf(file);
    }
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
  }

  /**
   * The file declaring the type: every candidate file is read before the answer is given (first
   * those where the package says the type is, then the others), so the answer is the same
   * whichever files were parsed before.
   */
  private Declared.FileDeclarations find(String qualifiedName) {
    String[] segments = qualifiedName.split("\\.");
    for (int i = segments.length - 1; i >= 0; i--) {
      List<Path> candidates = filesByStem.getOrDefault(segments[i], List.of());
      List<Path> named = filesByOtherName.getOrDefault(segments[i], List.of());
      if (candidates.isEmpty() && named.isEmpty()) {
        continue;
      }
      // The file where the package says it is comes first: a project has many Builder.java, and
      // reading all of them to find one would parse files long before their turn.
      String expected = String.join("/", java.util.Arrays.copyOf(segments, i + 1)) + ".java";
      for (boolean inPlace : new boolean[] {true, false}) {
        for (Path p : candidates) {
          if (p.toString().replace('\\', '/').endsWith("/" + expected) == inPlace) {
            declarationsOf(p);
          }
        }
        if (!inPlace) {
          named.forEach(this::declarationsOf);
        }
        Declared.FileDeclarations known = fileOfType.get(qualifiedName);
        if (known != null) {
          return known;
        }
      }
    }
    return null;
  }

  @Override
  public boolean declares(String qualifiedName) {
    return find(qualifiedName) != null;
  }

  @Override
  public List<SamParameter> functionalParameters(String qualifiedName) {
    Declared.FileDeclarations file = find(qualifiedName);
    if (file == null) {
      return null;
    }
    for (Declared.TypeDeclaration t : file.types()) {
      if (t.qualifiedName().equals(qualifiedName)) {
        return DeclaredContracts.functionalParameters(file, t, universe);
      }
    }
    return null;
  }

  @Override
  public TypeContract type(String qualifiedName) {
    TypeContract c = resolved.get(qualifiedName);
    if (c != null) {
      return c;
    }
    Declared.FileDeclarations file = find(qualifiedName);
    if (file == null) {
      return null;
    }
    for (Declared.TypeDeclaration t : file.types()) {
      if (t.qualifiedName().equals(qualifiedName)) {
        c = DeclaredContracts.contractOf(file, t, universe);
        TypeContract previous = resolved.putIfAbsent(qualifiedName, c);
        return previous != null ? previous : c;
      }
    }
    return null;
  }
}
