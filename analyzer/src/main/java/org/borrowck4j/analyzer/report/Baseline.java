package org.borrowck4j.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.io.AtomicWriter;

/**
 * Findings accepted for now: a JSON file of rule, file and stable fingerprint (no line numbers,
 * so moving code around does not invalidate it). A run with a baseline reports only new
 * findings, and lists the entries nothing matches any more, so the file can only shrink.
 */
public final class Baseline {
  /** One accepted finding; {@code message} is only there for people reading the file. */
  public record Entry(String rule, String file, String fingerprint, String message) {}

  /** A baseline file that cannot be used. */
  public static final class InvalidBaseline extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidBaseline(String message) {
      super(message);
    }
  }

  private final List<Entry> entries;
  private final Set<String> keys = new LinkedHashSet<>();
  private final Set<String> matched = new LinkedHashSet<>();

  private Baseline(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : entries) {
      keys.add(key(e.rule(), e.file(), e.fingerprint()));
    }
  }

  private static String key(String rule, String file, String fingerprint) {
    return rule + "\u0000" + file + "\u0000" + fingerprint;
  }

  /** Whether the finding is accepted; remembers the match. */
  public synchronized boolean accepts(String rule, String file, String fingerprint) {
    String k = key(rule, file, fingerprint);
    if (keys.contains(k)) {
      matched.add(k);
      return true;
    }
    return false;
  }

  /** The entries no finding matched. */
  public synchronized List<Entry> stale() {
    return stale(file -> true);
  }

  /**
   * The entries no finding matched, of the files this run is answerable for: one baseline serves
   * a whole reactor or repository, and a run over one module or directory says nothing about the
   * others' entries.
   *
   * @param inScope whether a file (as the baseline names it) was analysed, or is gone
   */
  public synchronized List<Entry> stale(java.util.function.Predicate<String> inScope) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (inScope.test(e.file()) && !matched.contains(key(e.rule(), e.file(), e.fingerprint()))) {
        out.add(e);
      }
    }
    return out;
  }

  public static Baseline read(Path file) throws InvalidBaseline {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidBaseline("cannot read baseline " + file + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidBaseline("cannot read baseline " + file + ": " + org.borrowck4j.analyzer.io.OsReason.of(e));
    }
    if (root == null || !root.path("findings").isArray() || root.path("version").asInt() != 1) {
      throw new InvalidBaseline("not a borrowck baseline (version 1): " + file);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode n : root.path("findings")) {
      if (!n.path("rule").isTextual() || !n.path("file").isTextual() || !n.path("fingerprint").isTextual()) {
        throw new InvalidBaseline("baseline entry without rule, file and fingerprint in " + file);
      }
      entries.add(new Entry(n.path("rule").asText(), n.path("file").asText(), n.path("fingerprint").asText(), n.path("message").asText("")));
    }
    return new Baseline(entries);
  }

  /**
   * Writes the findings of a report (all of them, accepted ones included) as a baseline, whole or
   * not at all.
   *
   * @throws org.borrowck4j.analyzer.io.CannotWrite when it cannot be written; a previous baseline is kept
   */
  public static void write(Report report, Path file, AtomicWriter writer) throws IOException {
    writeEntries(entries(report), file, writer);
  }

  /**
   * Writes a report's findings into a baseline other runs share (one file for a reactor's
   * modules): the entries of the files this run answers for are replaced, the others kept.
   *
   * @param replaced whether an entry's file is this run's
   * @return how many entries of other files were kept
   */
  public static int update(Report report, Path file, java.util.function.Predicate<String> replaced, AtomicWriter writer)
      throws IOException, InvalidBaseline {
    List<Entry> all = new ArrayList<>();
    if (Files.exists(file)) {
      read(file).entries.stream().filter(e -> !replaced.test(e.file())).forEach(all::add);
    }
    int kept = all.size();
    all.addAll(entries(report));
    writeEntries(all, file, writer);
    return kept;
  }

  private static List<Entry> entries(Report report) {
    List<Entry> out = new ArrayList<>();
    for (Report.Result r : report.results()) {
      out.add(new Entry(r.finding().rule().id(), r.uri(), r.fingerprint(), r.finding().message()));
    }
    return out;
  }

  private static void writeEntries(List<Entry> entries, Path file, AtomicWriter writer) throws IOException {
    ObjectNode root = JsonText.object();
    root.put("version", 1);
    root.put("tool", "borrowck");
    ArrayNode findings = root.putArray("findings");
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::file).thenComparing(Entry::rule).thenComparing(Entry::fingerprint));
    for (Entry e : sorted) {
      ObjectNode n = findings.addObject();
      n.put("rule", e.rule());
      n.put("file", e.file());
      n.put("fingerprint", e.fingerprint());
      n.put("message", e.message());
    }
    writer.replace(file, JsonText.indented(root));
  }

  /**
   * Whether a baseline entry's file is one a run answers for: analysed by it, or no longer there
   * (relative to the source root), so that deleted files' entries are reported too.
   */
  public static java.util.function.Predicate<String> scope(Path sourceRoot, java.util.Collection<String> analysedUris) {
    java.util.Set<String> analysed = new java.util.HashSet<>(analysedUris);
    return uri -> {
      if (analysed.contains(uri)) {
        return true;
      }
      try {
        java.net.URI parsed = java.net.URI.create(uri);
        Path file = parsed.isAbsolute() ? Path.of(parsed) : sourceRoot.resolve(parsed.getPath());
        return !Files.exists(file);
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return true;
      }
    };
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
