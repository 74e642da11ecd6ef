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
 * or {@code Outer.java}), and files that import our annotations are read up front by {@link
 * #readIfAnnotated}, so contracts in non-public top-level types are found too. Each file is
 * parsed for its declarations at most once; the AST is not kept.
 */
public final class SourceIndex implements ContractSource {
  private final Map<String, List<Path>> filesByStem = new HashMap<>();
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
      String name = p.getFileName().toString();
      String stem = name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
      filesByStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(p);
    }
  }

  void setUniverse(TypeUniverse universe) {
    this.universe = universe;
  }

  /** Records the declarations of a file that was parsed anyway (for analysis). */
  public Declared.FileDeclarations register(Path file, CompilationUnit unit) {
    Declared.FileDeclarations d = files.get(file);
    if (d == null) {
      d = DeclarationReader.read(unit, file.toString(), Declared.Origin.Kind.SOURCE);
      Declared.FileDeclarations previous = files.putIfAbsent(file, d);
      if (previous != null) {
        d = previous;
      }
      for (Declared.TypeDeclaration t : d.types()) {
        fileOfType.putIfAbsent(t.qualifiedName(), d);
      }
    }
    return d;
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
   * Reads the declarations of a file now if its text mentions the contract annotations' packages,
   * so that contracts are found wherever they are declared.
   */
  public void readIfAnnotated(Path file, byte[] content, java.nio.charset.Charset encoding) {
    if (AnnotationNames.mayDeclareContracts(content, encoding)) {
      declarationsOf(file);
    }
  }

  private Declared.FileDeclarations find(String qualifiedName) {
    Declared.FileDeclarations known = fileOfType.get(qualifiedName);
    if (known != null) {
      return known;
    }
    String[] segments = qualifiedName.split("\\.");
    for (int i = segments.length - 1; i >= 0; i--) {
      List<Path> candidates = filesByStem.get(segments[i]);
      if (candidates == null) {
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
        known = fileOfType.get(qualifiedName);
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
