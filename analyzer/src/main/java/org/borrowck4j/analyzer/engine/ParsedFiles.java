package org.borrowck4j.analyzer.engine;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.borrowck4j.analyzer.parse.SourceFile;

/**
 * Hands out the input files for analysis so that each is parsed once. Analysing one file can need
 * the declarations of another (a supertype, a called method's contract); that file is then parsed
 * early, and its tree is kept for its own analysis, which is handed out next. Trees kept this way
 * are bounded by {@link #capacityChars} of source text, so memory does not grow with the number of
 * files: past the bound a tree is dropped and the file is parsed again when its turn comes.
 *
 * <p>Thread-safe; every method may be called from any worker.
 */
final class ParsedFiles {
  /** About 40,000 lines of kept source; trees cost roughly 20 to 40 times their text. */
  static final long DEFAULT_CAPACITY_CHARS = Long.getLong("tmp.cap", 1_500_000);

  private final List<InputFile> inputs;
  private final Map<Path, Integer> indexOf = new HashMap<>();
  private final JavaSourceParser parser;
  private final Charset encoding;
  private final long capacityChars;
  private final AtomicIntegerArray claimed;
  private final AtomicInteger cursor = new AtomicInteger();
  private final Map<Integer, ParsedFile> early = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Integer> ready = new ConcurrentLinkedQueue<>();
  private final AtomicLong heldChars = new AtomicLong();
  private final AtomicInteger parses = new AtomicInteger();

  ParsedFiles(List<InputFile> inputs, JavaSourceParser parser, Charset encoding, long capacityChars) {
    this.inputs = inputs;
    this.parser = parser;
    this.encoding = encoding;
    this.capacityChars = capacityChars;
    this.claimed = new AtomicIntegerArray(inputs.size());
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

  /** Parses file {@code i} for its analysis, or returns the tree kept from an early parse. */
  ParsedFile parse(int i) throws IOException {
    ParsedFile kept = early.remove(i);
    if (kept != null) {
      heldChars.addAndGet(-kept.source().text().length());
      return kept;
    }
    InputFile input = inputs.get(i);
    return parse(SourceFile.read(input.path(), input.displayPath(), encoding));
  }

  /**
   * Parses a file only for its declarations, keeping the tree for the file's own analysis when
   * it is an input still waiting and there is room. Null when the file cannot be read or parsed.
   */
  ParsedFile parseEarly(Path path) {
    Integer i = indexOf.get(path);
    String display = i == null ? path.toString() : inputs.get(i).displayPath();
    ParsedFile parsed;
    try {
      parsed = parse(SourceFile.read(path, display, encoding));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null;
    }
    if (i != null && claimed.get(i) == 0 && reserve(parsed.source().text().length())) {
      if (early.putIfAbsent(i, parsed) == null) {
        ready.add(i);
        if (claimed.get(i) != 0 && early.remove(i, parsed)) {
          // Its analysis started meanwhile and parsed the file itself.
          heldChars.addAndGet(-parsed.source().text().length());
        }
      } else {
        heldChars.addAndGet(-parsed.source().text().length());
      }
    }
    return parsed.ok() ? parsed : null;
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
    parses.incrementAndGet();
    return parser.parse(source);
  }

  /** How many times a file was parsed, for the benchmark: ideally the number of inputs. */
  int parseCount() {
    return parses.get();
  }
}
