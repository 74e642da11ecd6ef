package org.borrowck4j.analyzer.infer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.SourceIndex;

/**
 * The overrides of a method among the analysed sources (D23: an overridable method's contract is
 * inferred only when all its analysed overrides agree). Subtypes are found without parsing every
 * file: a file can declare a subtype of {@code T} only if it names {@code T} or a subtype of it
 * after {@code extends} or {@code implements}, so the search follows type names through an index
 * of the capitalised words of those clauses in each file (built once, when the first override is
 * asked for), then reads the declarations of the files that name them there (each file once per
 * run). The answer depends only on the set of files, never on the order of analysis. Anonymous
 * classes are not types anyone can name: their overrides are not seen.
 */
final class Overrides {
  private static final Pattern TYPE_WORD = Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*\\b");

  /**
   * What follows {@code extends} or {@code implements} up to the body, a parameter list or the end
   * of a statement: only there can a file name a supertype of a type it declares (type
   * parameters' bounds match too, a few files read for nothing).
   */
  private static final Pattern SUPERTYPE_CLAUSE = Pattern.compile("\\b(?:extends|implements)\\b([^{;(=]*)");

  /** Where an override is declared. */
  record Site(Declared.Origin origin, String name, int arity) {}

  private final List<Path> files;
  private final Charset encoding;
  private final SourceIndex sources;
  private final ContractIndex index;
  private Map<String, BitSet> filesNaming;
  private final Map<String, List<String>> subtypes = new HashMap<>();

  Overrides(List<Path> files, Charset encoding, SourceIndex sources, ContractIndex index) {
    this.files = List.copyOf(files);
    this.encoding = encoding;
    this.sources = sources;
    this.index = index;
  }

  /** The declarations of {@code name/arity} in the analysed subtypes of {@code type}. */
  List<Site> of(String type, String name, int arity) {
    List<Site> out = new ArrayList<>();
    for (String subtype : subtypesOf(type)) {
      for (Declared.TypeDeclaration t : declarationsOf(subtype)) {
        for (Declared.Method m : t.methods()) {
          if (!m.isConstructor() && m.name().equals(name) && m.params().size() == arity) {
            out.add(new Site(new Declared.Origin(Declared.Origin.Kind.SOURCE, fileOf(subtype), m.line()), name, arity));
          }
        }
      }
    }
    return out;
  }

  /** Every analysed type below {@code type} (not itself), in a deterministic order. */
  private List<String> subtypesOf(String type) {
    List<String> known = subtypes.get(type);
    if (known != null) {
      return known;
    }
    Map<String, BitSet> naming = index();
    Set<String> found = new HashSet<>();
    List<String> ordered = new ArrayList<>();
    Deque<String> names = new ArrayDeque<>(List.of(simpleName(type)));
    Set<String> namesSeen = new HashSet<>(names);
    BitSet filesRead = new BitSet();
    while (!names.isEmpty()) {
      BitSet candidates = (BitSet) naming.getOrDefault(names.poll(), new BitSet()).clone();
      candidates.andNot(filesRead);
      filesRead.or(candidates);
      for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
        for (Declared.TypeDeclaration t : fileDeclarations(files.get(i))) {
          String candidate = t.qualifiedName();
          if (!candidate.equals(type) && index.isSubtype(candidate, type) && found.add(candidate)) {
            ordered.add(candidate);
            if (namesSeen.add(simpleName(candidate))) {
              names.add(simpleName(candidate));
            }
          }
        }
      }
    }
    ordered.sort(String::compareTo);
    subtypes.put(type, ordered);
    return ordered;
  }

  private final Set<Path> filesIndexed = new HashSet<>();
  private final Map<String, String> fileOfType = new HashMap<>();
  private final Map<String, List<Declared.TypeDeclaration>> typesOf = new HashMap<>();

  private List<Declared.TypeDeclaration> fileDeclarations(Path file) {
    // Parsed at most once for the whole run: many searches read the same files.
    Declared.FileDeclarations d = sources.declarationsOf(file);
    if (!filesIndexed.add(file)) {
      return d.types();
    }
    for (Declared.TypeDeclaration t : d.types()) {
      fileOfType.putIfAbsent(t.qualifiedName(), d.file());
      typesOf.computeIfAbsent(t.qualifiedName(), k -> new ArrayList<>()).add(t);
    }
    return d.types();
  }

  private List<Declared.TypeDeclaration> declarationsOf(String type) {
    return typesOf.getOrDefault(type, List.of());
  }

  private String fileOf(String type) {
    return fileOfType.get(type);
  }

  /** For each capitalised word, the files whose text contains it. */
  private Map<String, BitSet> index() {
    if (filesNaming == null) {
      filesNaming = new HashMap<>();
      for (int i = 0; i < files.size(); i++) {
        String text;
        try {
          text = new String(Files.readAllBytes(files.get(i)), encoding);
        } catch (IOException | RuntimeException e) {
          continue; // reported when the file itself is analysed
        }
        Matcher clause = SUPERTYPE_CLAUSE.matcher(text);
        while (clause.find()) {
          Matcher m = TYPE_WORD.matcher(clause.group(1));
          while (m.find()) {
            filesNaming.computeIfAbsent(m.group(), k -> new BitSet()).set(i);
          }
        }
      }
    }
    return filesNaming;
  }

  private static String simpleName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }
}
