package org.borrowck4j.analyzer.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.cache.CodeDigest;
import org.borrowck4j.analyzer.cache.Digest;
import org.borrowck4j.analyzer.cache.EntryStore;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.model.AnnotationNames;
import org.borrowck4j.analyzer.model.DeclarationReader;
import org.borrowck4j.analyzer.model.DeclarationText;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;

/**
 * Results of earlier runs, per file (decisions 130–134). A file's result is reused when all it was
 * computed from is as it was:
 *
 * <ul>
 *   <li>the file's own text, path and displayed path;
 *   <li>the tool and the configuration: the jars or class directories of the analyser, the rules
 *       and the built-in models, the rules that run, language level, encoding, strictness,
 *       inference, budget, the classpath entries (size and time) and the user stubs (content);
 *   <li>the project's declarations: the set of files analysed or on the source path and what each
 *       declares (types, members, annotations, imports; not lines, not bodies). Any other file's
 *       declarations can reach a result through the contract index, so a change there re-analyses
 *       everything; an edit inside bodies, comments or formatting does not;
 *   <li>the code (comments left out, {@link CodeDigest}) of every other file whose method bodies
 *       its inferred contracts were summarised from (D23), as recorded while it was analysed:
 *       editing a helper's code re-analyses its callers, editing its comments does not.
 * </ul>
 *
 * A file's declaration digest is itself kept per code digest, so that a warm run reads and hashes the
 * files but parses only those that changed. Entries are immutable and named by what they depend
 * on ({@link EntryStore}); a run that finds many files without one (a cold cache) does not look
 * results up at all, and stores them at the end.
 */
final class ResultCache {
  private static final String RESULTS = "results";
  private static final String DECLARATIONS = "declarations";

  private final EntryStore store;
  private final String config;
  private final AnalyzerConfig analyzer;
  private final List<Path> universe;
  /** The digest of each readable file's text as the run began, by the path string the sources use. */
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  /** The same for the file's code without comments ({@link CodeDigest}). */
  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Map<String, String> stamps = new ConcurrentHashMap<>();
  private final Map<String, String> declarations = new ConcurrentHashMap<>();
  private final Set<String> newDeclarations = ConcurrentHashMap.newKeySet();
  private volatile boolean changedDuringRun;
  /** The digest of the project's declarations, or null while unknown (a cold cache). */
  private String project;
  private final ObjectMapper json = JsonMapper.builder().build();

  /** What is kept per file: the code digests of the files whose bodies it read, and its result. */
  record Stored(SortedMap<String, String> reads, List<Finding> findings, List<Notification> notifications) {}

  private ResultCache(AnalyzerConfig analyzer, List<Path> universe, Consumer<String> warnings) {
    this.analyzer = analyzer;
    this.universe = universe;
    this.store = new EntryStore(analyzer.cacheDir(), new AtomicWriter(warnings), warnings);
    this.config = configDigest(analyzer);
  }

  /**
   * Reads and hashes every file of the run, and the declaration digests kept for them. When few
   * are missing they are computed now (the files that changed) and results can be looked up.
   */
  static ResultCache open(AnalyzerConfig config, List<Path> universe, Consumer<String> warnings) {
    ResultCache cache = new ResultCache(config, universe, warnings);
    List<Path> missing = new ArrayList<>();
    for (Path p : universe) {
      String code = cache.hash(p);
      if (code == null) {
        continue;
      }
      byte[] kept = cache.store.read(DECLARATIONS, cache.declarationKey(code));
      if (kept != null) {
        cache.declarations.put(p.toString(), new String(kept, java.nio.charset.StandardCharsets.UTF_8));
      } else {
        missing.add(p);
      }
    }
    if (missing.size() <= Math.max(16, universe.size() / 8)) {
      for (Path p : missing) {
        cache.computeDeclarations(p);
      }
      cache.project = cache.projectDigest();
    }
    return cache;
  }

  /**
   * Reads the file as the analysis reads it and keeps the digests of its text and of its code;
   * returns the latter, or null when it cannot be read.
   */
  private String hash(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      SourceFile source = SourceFile.read(p, p.toString(), analyzer.encoding());
      // Whether the text names the annotations decides whether the file is read up front, so it
      // is part of what its declarations are kept under.
      String code = CodeDigest.of(source.text()) + (AnnotationNames.mayDeclareContracts(source.text()) ? "+annotated" : "");
      texts.put(p.toString(), Digest.of(source.text()));
      codes.put(p.toString(), code);
      stamps.put(p.toString(), a.size() + ":" + a.lastModifiedTime().toMillis());
      return code;
    } catch (IOException | RuntimeException e) {
      return null; // the analysis reports it
    }
  }

  /** Declarations depend on the code only: a comment's edit finds them kept. */
  private String declarationKey(String codeDigest) {
    return new Digest().add(config).add(codeDigest).hex();
  }

  /** Parses a file for its declarations, as the sources index would. */
  private void computeDeclarations(Path p) {
    try {
      SourceFile source = SourceFile.read(p, p.toString(), analyzer.encoding());
      ParsedFile parsed = new JavaSourceParser(analyzer.languageLevel()).parse(source);
      Declared.FileDeclarations d =
          parsed.ok() ? DeclarationReader.read(parsed.unit(), p.toString(), Declared.Origin.Kind.SOURCE) : null;
      declared(p, d, source.text());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // Left without: nothing is stored that depends on it.
    }
  }

  /**
   * The declarations of a file, as the analysis read them (null: it does not parse), from the
   * text it read.
   */
  void declared(Path file, Declared.FileDeclarations d, String text) {
    String key = file.toString();
    String digest = Digest.of(text);
    if (!digest.equals(texts.get(key))) {
      changedDuringRun = true; // edited since the run began: nothing of this run is kept
      return;
    }
    String what =
        d == null ? "does not parse" : (AnnotationNames.mayDeclareContracts(text) ? "annotated\n" : "\n") + DeclarationText.of(d, false);
    if (declarations.putIfAbsent(key, Digest.of(what)) == null) {
      newDeclarations.add(key);
    }
  }

  private String projectDigest() {
    Digest d = new Digest().add(config);
    List<String> paths = new ArrayList<>();
    for (Path p : universe) {
      paths.add(p.toString());
    }
    paths.sort(String::compareTo);
    for (String p : paths) {
      String decl = declarations.get(p);
      if (decl == null) {
        return null; // a file that cannot be read or parsed now: nothing is looked up or kept
      }
      d.add(p).add(decl);
    }
    return d.hex();
  }

  private String primaryKey(InputFile input) {
    String text = texts.get(input.path().toString());
    return text == null ? null : new Digest().add(project).add(input.path().toString()).add(input.displayPath()).add(text).hex();
  }

  /** The result kept for the file, or null. */
  FileResult lookup(InputFile input) {
    if (project == null) {
      return null;
    }
    String primary = primaryKey(input);
    if (primary == null) {
      return null;
    }
    for (String name : store.names(RESULTS, primary + ".")) {
      byte[] payload = store.read(RESULTS, name);
      if (payload == null) {
        continue;
      }
      Stored stored;
      try {
        stored = json.readValue(payload, Stored.class);
      } catch (IOException | RuntimeException e) {
        continue; // a checked entry of a format this build does not read: a miss
      }
      if (stored.reads() != null && stillTheSame(stored.reads())) {
        return new FileResult(stored.findings(), stored.notifications());
      }
    }
    return null;
  }

  private boolean stillTheSame(Map<String, String> reads) {
    for (Map.Entry<String, String> e : reads.entrySet()) {
      if (!e.getValue().equals(codes.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps the results of the files analysed in this run, unless a file changed while it ran.
   *
   * @param reads per result, the files whose bodies its analysis read
   * @throws InterruptedIOException when interrupted: what is kept so far is complete
   */
  void store(List<InputFile> inputs, List<FileResult> results, List<Set<String>> reads) throws InterruptedIOException {
    if (results.isEmpty() && newDeclarations.isEmpty()) {
      return;
    }
    if (project == null) {
      for (Path p : universe) {
        if (texts.containsKey(p.toString()) && !declarations.containsKey(p.toString())) {
          computeDeclarations(p);
        }
      }
      project = projectDigest();
    }
    if (changedDuringRun || project == null || changedSince()) {
      return;
    }
    for (String file : newDeclarations) {
      store.write(DECLARATIONS, declarationKey(codes.get(file)), declarations.get(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    for (int i = 0; i < inputs.size(); i++) {
      FileResult r = results.get(i);
      String primary = primaryKey(inputs.get(i));
      if (r == null || !r.complete() || primary == null) {
        continue;
      }
      SortedMap<String, String> deps = new TreeMap<>();
      Set<String> read = new HashSet<>(reads.get(i));
      read.remove(inputs.get(i).path().toString());
      boolean known = true;
      for (String file : read) {
        String code = codes.get(file);
        known &= code != null;
        deps.put(file, code);
      }
      if (!known) {
        continue;
      }
      byte[] payload;
      try {
        payload = json.writeValueAsBytes(new Stored(deps, r.findings(), r.notifications()));
      } catch (IOException e) {
        continue;
      }
      Digest name = new Digest();
      deps.forEach((k, v) -> name.add(k).add(v));
      store.write(RESULTS, primary + "." + name.hex(), payload);
    }
  }

  /** Whether a file's size or time changed since the run began. */
  private boolean changedSince() {
    for (Path p : universe) {
      String before = stamps.get(p.toString());
      if (before == null) {
        continue;
      }
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (!before.equals(a.size() + ":" + a.lastModifiedTime().toMillis())) {
          return true;
        }
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }
    return false;
  }

  /** The tool and every setting that changes a result (not the number of threads). */
  static String configDigest(AnalyzerConfig c) {
    Digest d = new Digest().add("borrowck results 1");
    Set<String> code = new java.util.TreeSet<>();
    code.add(ToolIdentity.ofCode(Analyzer.class));
    code.add(ToolIdentity.ofCode(c.builtinModels().getClass()));
    for (Rule r : c.rules()) {
      d.add(r.info().id()).add(r.getClass().getName());
      code.add(ToolIdentity.ofCode(r.getClass()));
    }
    code.forEach(d::add);
    d.add(c.languageLevel().name()).add(c.encoding().name()).add(c.stepBudget());
    d.add((c.strict() ? "strict " : "") + (c.infer() ? "infer " : "") + (c.reportUnusedSuppressions() ? "unused" : ""));
    for (Path entry : c.classpath()) {
      d.add(ToolIdentity.of(entry));
    }
    for (Declared.FileDeclarations stub : c.userStubs()) {
      d.add(stub.file()).add(DeclarationText.of(stub, true));
    }
    return d.hex();
  }
}
