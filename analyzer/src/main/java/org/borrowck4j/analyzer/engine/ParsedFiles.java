package org.borrowck4j.analyzer.engine;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.borrowck4j.analyzer.parse.TokenRanges;

/**
 * Hands out the input files for analysis so that each is parsed once. Analysing one file can need
 * the declarations of another (a supertype, a called method's contract); that file is then parsed
 * early, and its tree is kept for its own analysis, which is handed out next. A file being parsed
 * by one thread is waited for by any other that needs it, never parsed twice; a thread that waits
 * parses the next files meanwhile. Trees kept are bounded by {@code capacityChars} of source text,
 * so memory does not grow with the number of files: past the bound a tree is dropped and the file
 * is parsed again when its turn comes.
 *
 * <p>Thread-safe; every method may be called from any worker.
 */
final class ParsedFiles {
  /**
   * About 200,000 lines of kept source; trees without their tokens ({@link TokenRanges}) cost
   * roughly 10 to 20 times their text. Inference
   * (D23) asks for the declarations of many files before their turn (supertypes, overrides,
   * callees): with room for fewer, a third of guava's files were parsed twice.
   */
  static final long DEFAULT_CAPACITY_CHARS = 8_000_000;

  private final List<InputFile> inputs;
  private final Map<Path, Integer> indexOf = new HashMap<>();
  private final JavaSourceParser parser;
  private final Charset encoding;
  private final long capacityChars;
  /** 0: waiting, 1: handed out for analysis. */
  private final AtomicIntegerArray claimed;
  private final AtomicInteger cursor = new AtomicInteger();
  /** The parse of each file, once some thread has started it; cleared when the tree is dropped. */
  private final AtomicReferenceArray<CompletableFuture<ParsedFile>> parses;
  /** The characters counted against the capacity for a kept tree, per file (0: none). */
  private final AtomicIntegerArray keptChars;
  /** Files parsed early whose tree is kept, in the order they were parsed. */
  private final ConcurrentLinkedQueue<Integer> ready = new ConcurrentLinkedQueue<>();
  private final AtomicLong heldChars = new AtomicLong();
  private final AtomicInteger parseCount = new AtomicInteger();
  /**
   * Trees of files whose analysis is over, the most recently used first, up to a quarter of the
   * capacity: inference reads the bodies of files analysed long before (a helper's file), and
   * without them a run parsed one file in fourteen twice (guava).
   */
  private final RecentTrees analysed;
  /** 1: the file's analysis is over. */
  private final AtomicIntegerArray finished;
  /** 1: a thread has parsed the file ahead of its turn (once at most, even if it was dropped). */
  private final AtomicIntegerArray triedAhead;

  ParsedFiles(List<InputFile> inputs, JavaSourceParser parser, Charset encoding, long capacityChars) {
    this.inputs = inputs;
    this.parser = parser;
    this.encoding = encoding;
    this.capacityChars = capacityChars;
    this.claimed = new AtomicIntegerArray(inputs.size());
    this.parses = new AtomicReferenceArray<>(inputs.size());
    this.keptChars = new AtomicIntegerArray(inputs.size());
    this.triedAhead = new AtomicIntegerArray(inputs.size());
    this.finished = new AtomicIntegerArray(inputs.size());
    this.analysed = new RecentTrees(capacityChars / 4);
    for (int i = 0; i < inputs.size(); i++) {
      indexOf.putIfAbsent(inputs.get(i).path(), i);
    }
  }

  /**
   * The next file to analyse, preferring one whose tree is already kept; -1 when every file has
   * been handed out.
   */
  int next() {
    Integer i;
    while ((i = ready.poll()) != null) {
      if (claimed.compareAndSet(i, 0, 1)) {
        return i;
      }
    }
    int k;
    while ((k = cursor.getAndIncrement()) < inputs.size()) {
      if (claimed.compareAndSet(k, 0, 1)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * File {@code i} parsed for its analysis: the tree of an early parse when one was kept (or is
   * under way), else parsed now. Others asking for the file's declarations meanwhile share the
   * tree until {@link #done}.
   */
  ParsedFile parse(int i) throws IOException {
    CompletableFuture<ParsedFile> mine = new CompletableFuture<>();
    CompletableFuture<ParsedFile> existing = parses.compareAndExchange(i, null, mine);
    if (existing != null) {
      ParsedFile early = await(existing);
      heldChars.addAndGet(-keptChars.getAndSet(i, 0));
      if (early != null) {
        return early;
      }
      // The early parse could not read the file; read it again to report why.
      parses.set(i, mine);
    }
    InputFile input = inputs.get(i);
    try {
      ParsedFile parsed = parse(SourceFile.read(input.path(), input.displayPath(), encoding));
      mine.complete(parsed);
      return parsed;
    } catch (IOException | RuntimeException | Error e) {
      mine.complete(null);
      throw e;
    }
  }

  /** The analysis of file {@code i} is over (its declarations are known): its tree is let go. */
  void done(int i) {
    finished.set(i, 1);
    CompletableFuture<ParsedFile> own = parses.getAndSet(i, null);
    ParsedFile tree = own == null ? null : own.getNow(null);
    if (tree != null && tree.ok()) {
      analysed.keep(i, tree);
    }
  }

  /**
   * A file parsed for its declarations: an input's tree is kept for its own analysis when there
   * is room, or shared with the thread already parsing it. Null when the file cannot be read.
   */
  ParsedFile parseEarly(Path path) {
    Integer i = indexOf.get(path);
    if (i == null) {
      return readAndParse(path, path.toString());
    }
    if (finished.get(i) == 1) {
      ParsedFile kept = analysed.get(i);
      if (kept != null) {
        return kept;
      }
    }
    CompletableFuture<ParsedFile> mine = new CompletableFuture<>();
    CompletableFuture<ParsedFile> existing = parses.compareAndExchange(i, null, mine);
    if (existing != null) {
      return await(existing);
    }
    ParsedFile parsed = null;
    boolean kept = false;
    try {
      parsed = readAndParse(path, inputs.get(i).displayPath());
      // Decided before the parse is published, so that whoever takes the tree sees what to release.
      int chars = parsed == null ? 0 : parsed.source().text().length();
      kept = parsed != null && claimed.get(i) == 0 && reserve(chars);
      if (kept) {
        keptChars.set(i, chars);
      }
    } finally {
      mine.complete(parsed);
    }
    if (kept) {
      ready.add(i);
    } else if (claimed.get(i) == 0) {
      // No room: dropped, and parsed again when its turn comes.
      parses.compareAndSet(i, mine, null);
    } else if (finished.get(i) == 1) {
      // Its analysis is over: read again for inference, and kept with the analysed ones.
      parses.compareAndSet(i, mine, null);
      if (parsed != null && parsed.ok()) {
        analysed.keep(i, parsed);
      }
    }
    // Else its analysis has just been handed out, and takes this tree.
    return parsed;
  }

  private ParsedFile readAndParse(Path path, String display) {
    try {
      return parse(SourceFile.read(path, display, encoding));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * The tree another thread is parsing. Meanwhile this thread parses ahead, rather than leave its
   * core idle: files whose analysis comes next, kept for it (workers were blocked so for 0.1 to
   * 0.2 s of a run on the benchmark's corpora).
   */
  private ParsedFile await(CompletableFuture<ParsedFile> parse) {
    while (!parse.isDone() && parseAhead()) {
      // One more tree ready; look again.
    }
    return parse.join();
  }

  /**
   * For a thread that would otherwise wait: parses the next file nobody has started, when its tree
   * fits in the capacity (else it would be dropped and parsed again); false when there is none, or
   * the thread was interrupted. Any file still to come will do: looking only a few files past the
   * next one, a worker found them all started by inference's early parses and sat idle (netty:
   * a tenth of the workers' time).
   */
  boolean parseAhead() {
    if (Thread.currentThread().isInterrupted()) {
      return false; // the run was stopped: no more parsing
    }
    if (heldChars.get() >= capacityChars) {
      return false; // no room for another tree
    }
    // Files already started or tried are passed over for nothing; only the size of a file still
    // untouched is asked (a system call), and of a few at most: when none of them fits, the
    // kept trees are near the capacity, and the next call looks again.
    int sized = 0;
    for (int k = cursor.get(), end = inputs.size(); k < end && sized < SIZED_AT_MOST; k++) {
      if (claimed.get(k) != 0 || parses.get(k) != null || triedAhead.get(k) != 0) {
        continue;
      }
      sized++;
      if (fits(inputs.get(k).path()) && triedAhead.compareAndSet(k, 0, 1)) {
        parseEarly(inputs.get(k).path());
        return true;
      }
    }
    return false;
  }

  /** How many untouched files one {@link #parseAhead} asks the size of, at most. */
  private static final int SIZED_AT_MOST = 16;

  private boolean fits(Path file) {
    try {
      return heldChars.get() + java.nio.file.Files.size(file) <= capacityChars;
    } catch (IOException | RuntimeException e) {
      return false; // reported when its turn comes
    }
  }

  private boolean reserve(long chars) {
    long now;
    do {
      now = heldChars.get();
      if (now + chars > capacityChars) {
        return false;
      }
    } while (!heldChars.compareAndSet(now, now + chars));
    return true;
  }

  private ParsedFile parse(SourceFile source) {
    parseCount.incrementAndGet();
    ParsedFile parsed = parser.parse(source);
    if (parsed.unit() != null) {
      TokenRanges.drop(parsed.unit()); // trees wait here, some for long: the smaller the better
    }
    return parsed;
  }

  /** Trees kept up to a number of characters of their source, the least recently used let go first. */
  private static final class RecentTrees {
    private final long capacityChars;
    private long heldChars;
    private final java.util.LinkedHashMap<Integer, ParsedFile> trees = new java.util.LinkedHashMap<>(16, 0.75f, true);

    RecentTrees(long capacityChars) {
      this.capacityChars = capacityChars;
    }

    synchronized void keep(int i, ParsedFile tree) {
      long chars = tree.source().text().length();
      if (chars > capacityChars || trees.containsKey(i)) {
        return;
      }
      trees.put(i, tree);
      heldChars += chars;
      var eldest = trees.entrySet().iterator();
      while (heldChars > capacityChars && eldest.hasNext()) {
        heldChars -= eldest.next().getValue().source().text().length();
        eldest.remove();
      }
    }

    synchronized ParsedFile get(int i) {
      return trees.get(i);
    }
  }

  /** Whether some thread has started parsing file {@code i} and still holds its tree, for tests. */
  boolean started(int i) {
    return parses.get(i) != null;
  }

  /** How many times a file was parsed, for tests: ideally the number of inputs. */
  int parseCount() {
    return parseCount.get();
  }
}
