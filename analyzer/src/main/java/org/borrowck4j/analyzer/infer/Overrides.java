package org.borrowck4j.analyzer.infer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  /** Where an override is declared. */
  record Site(Declared.Origin origin, String name, int arity) {}

  /** An analysed type and the file that declares it. */
  private record Subtype(String name, String file, Declared.TypeDeclaration declaration) {}

  private final List<Path> files;
  private final Charset encoding;
  private final SourceIndex sources;
  private final ContractIndex index;
  private volatile Map<String, BitSet> filesNaming;
  /** Shared by the workers; two that search the same type at once find the same subtypes. */
  private final Map<String, List<Subtype>> subtypes = new ConcurrentHashMap<>();

  Overrides(List<Path> files, Charset encoding, SourceIndex sources, ContractIndex index) {
    this.files = List.copyOf(files);
    this.encoding = encoding;
    this.sources = sources;
    this.index = index;
  }

  /**
   * Per type, the methods its analysed subtypes declare, by name and arity: built once per type,
   * since the calls of one type's methods ask again and again (Netty's {@code ByteBuf} has dozens
   * of subtypes with dozens of methods each).
   */
  private final Map<String, Map<String, List<Site>>> sitesByType = new ConcurrentHashMap<>();

  /** The declarations of {@code name/arity} in the analysed subtypes of {@code type}. Thread-safe. */
  List<Site> of(String type, String name, int arity) {
    Map<String, List<Site>> byMethod = sitesByType.get(type);
    if (byMethod == null) {
      byMethod = sitesOf(type);
      Map<String, List<Site>> previous = sitesByType.putIfAbsent(type, byMethod);
      byMethod = previous != null ? previous : byMethod;
    }
    return byMethod.getOrDefault(name + '/' + arity, List.of());
  }

  private Map<String, List<Site>> sitesOf(String type) {
    Map<String, List<Site>> out = new HashMap<>();
    for (Subtype subtype : subtypesOf(type)) {
      for (Declared.Method m : subtype.declaration().methods()) {
        if (!m.isConstructor()) {
          out.computeIfAbsent(m.name() + '/' + m.params().size(), k -> new ArrayList<>())
              .add(new Site(new Declared.Origin(Declared.Origin.Kind.SOURCE, subtype.file(), m.line()), m.name(), m.params().size()));
        }
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /** Every analysed type below {@code type} (not itself), in a deterministic order. */
  private List<Subtype> subtypesOf(String type) {
    List<Subtype> known = subtypes.get(type);
    if (known != null) {
      return known;
    }
    Map<String, BitSet> naming = index();
    Set<String> namesFound = new HashSet<>();
    List<Subtype> found = new ArrayList<>();
    Deque<String> names = new ArrayDeque<>(List.of(simpleName(type)));
    Set<String> namesSeen = new HashSet<>(names);
    BitSet filesRead = new BitSet();
    while (!names.isEmpty()) {
      BitSet candidates = (BitSet) naming.getOrDefault(names.poll(), new BitSet()).clone();
      candidates.andNot(filesRead);
      filesRead.or(candidates);
      for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
        // Declarations are parsed at most once for the whole run: many searches read the same files.
        Declared.FileDeclarations d = sources.declarationsOf(files.get(i));
        for (Declared.TypeDeclaration t : d.types()) {
          String candidate = t.qualifiedName();
          if (!candidate.equals(type) && index.isSubtype(candidate, type)) {
            found.add(new Subtype(candidate, d.file(), t));
            if (namesFound.add(candidate) && namesSeen.add(simpleName(candidate))) {
              names.add(simpleName(candidate));
            }
          }
        }
      }
    }
    found.sort(Comparator.comparing(Subtype::name).thenComparing(Subtype::file).thenComparingInt(s -> s.declaration().line()));
    List<Subtype> ordered = List.copyOf(found);
    List<Subtype> previous = subtypes.putIfAbsent(type, ordered);
    return previous != null ? previous : ordered;
  }

  /** For each capitalised word, the files whose text contains it. */
  private Map<String, BitSet> index() {
    Map<String, BitSet> known = filesNaming;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (filesNaming != null) {
        return filesNaming;
      }
      Map<String, BitSet> naming = new HashMap<>();
      for (int i = 0; i < files.size(); i++) {
        String text;
        try {
          text = new String(Files.readAllBytes(files.get(i)), encoding);
        } catch (IOException | RuntimeException e) {
          continue; // reported when the file itself is analysed
        }
        for (String word : supertypeWords(text)) {
          naming.computeIfAbsent(word, k -> new BitSet()).set(i);
        }
      }
      filesNaming = naming;
      return naming;
    }
  }

  /**
   * The capitalised words after {@code extends} or {@code implements}, up to the body, a parameter
   * list or the end of a statement: only there can a file name a supertype of a type it declares
   * (type parameters' bounds match too, a few files read for nothing). A scan by hand: a regular
   * expression over every file's whole text cost a twentieth of a run.
   */
  static Set<String> supertypeWords(String text) {
    Set<String> words = new HashSet<>();
    int n = text.length();
    // The next clause of each keyword, found again only once the scan has passed it: looking for
    // both from every clause read the whole rest of a file that has only one of them, each time.
    int nextExtends = keyword(text, "extends", 0);
    int nextImplements = keyword(text, "implements", 0);
    int at = earliest(nextExtends, nextImplements);
    while (at >= 0) {
      int i = at;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '{' || c == ';' || c == '(' || c == '=') {
          break;
        }
        if (Character.isUpperCase(c) && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))) {
          int end = i + 1;
          while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
          }
          words.add(text.substring(i, end));
          i = end;
        } else {
          i++;
        }
      }
      // A keyword that ends at or before where the clause ends is passed (the one just read, even
      // when its clause is empty: `extends{` in a comment).
      if (nextExtends >= 0 && nextExtends <= i) {
        nextExtends = keyword(text, "extends", i);
      }
      if (nextImplements >= 0 && nextImplements <= i) {
        nextImplements = keyword(text, "implements", i);
      }
      at = earliest(nextExtends, nextImplements);
    }
    return words;
  }

  /** The smaller of two positions, where -1 is none. */
  private static int earliest(int a, int b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : Math.min(a, b);
  }

  private static int keyword(String text, String word, int from) {
    for (int at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      boolean startsWord = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
      boolean endsWord = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
      if (startsWord && endsWord) {
        return end;
      }
    }
    return -1;
  }

  private static String simpleName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }
}
