package outlives;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A stream variable given the stream derived from it (`s = s.distinct()`): the derivation consumed
 * the old value and the variable owns the new one, which borrows from nothing (decision 264).
 */
public class RederivedStreams {
  private boolean distinct;
  private long limit = Long.MAX_VALUE;

  // Negative: rdf4j's OrderIterator.sort, each optional stage stored back, the result returned.
  Stream<String> sorted(Collection<String> collection, Comparator<String> comparator) {
    String[] array = collection.toArray(new String[0]);
    Arrays.sort(array, comparator);
    Stream<String> stream = Stream.of(array);
    if (distinct) {
      stream = stream.distinct();
    }
    if (limit < Integer.MAX_VALUE) {
      stream = stream.limit(limit);
    }
    return stream;
  }

  // Negative: stored back in a loop, then returned.
  Stream<String> filtered(String[] words, List<Predicate<String>> filters) {
    Stream<String> s = Arrays.stream(words);
    for (Predicate<String> f : filters) {
      s = s.filter(f);
    }
    return s;
  }

  // Negative: a file's stream stored back hands the file over to the caller with it.
  Stream<String> nonEmptyLines(Path p) throws IOException {
    Stream<String> lines = Files.lines(p);
    lines = lines.filter(l -> !l.isEmpty());
    return lines;
  }

  // Negative: a primitive stream, and a conditional that keeps the stream or derives from it.
  IntStream evens(int n, boolean skipFirst) {
    IntStream s = IntStream.range(0, n);
    s = s.filter(i -> i % 2 == 0);
    s = skipFirst ? s.skip(1) : s;
    return s;
  }

  // Negative: the stored-back stream moved into another variable (no borrow of itself to move out of).
  Stream<String> movedOn(String[] words) {
    Stream<String> s = Stream.of(words);
    s = s.distinct();
    Stream<String> t = s;
    return t;
  }

  // Negative: derived through another variable and stored back.
  Stream<String> throughAnother(String[] words) {
    Stream<String> s = Stream.of(words);
    Stream<String> t = s.distinct();
    s = t.limit(3);
    return s;
  }

  // Negative: inside the try, the stored-back stream moved on and run before the file closes.
  long countedInside(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      Stream<String> s = lines.filter(l -> !l.isEmpty());
      s = s.distinct();
      Stream<String> t = s;
      return t.count();
    }
  }

  // The stream stored back still borrows the file of another local, which the try closes (D6).
  Stream<String> returnedFromTry(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      Stream<String> s = lines.filter(l -> !l.isEmpty());
      s = s.distinct();
      return s; // expect: outlives-owner
    }
  }

  // The same, stored back in a loop.
  Stream<String> filteredFromTry(Path p, List<Predicate<String>> filters) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      Stream<String> s = lines.map(String::trim);
      for (Predicate<String> f : filters) {
        s = s.filter(f);
      }
      return s; // expect: outlives-owner
    }
  }

  // Closing the file another local opened while the stream stored back is still to run.
  long closedUnderneath(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      Stream<String> s = lines.filter(l -> !l.isEmpty());
      s = s.distinct();
      lines.close(); // expect: move-while-borrowed
      return s.count();
    }
  }
}
