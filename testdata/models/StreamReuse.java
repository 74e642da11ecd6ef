package models;

import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** java.util.stream: a stream can be operated upon once ("stream has already been operated upon or closed"). */
public class StreamReuse {

  // A stream reused after its terminal operation.
  List<String> countThenCollect(List<String> raw) {
    Stream<String> names = raw.stream().map(String::trim);
    long count = names.count();
    System.out.println("found " + count + " names");
    return names.collect(Collectors.toList()); // expect: use-after-move
  }

  // filter() consumes its receiver: the discarded result was the live stream.
  long filterResultDiscarded(List<String> lines) {
    Stream<String> s = lines.stream();
    s.filter(l -> !l.isBlank());
    return s.count(); // expect: use-after-move
  }

  // A stream from list.stream() is a borrow, yet still consumed by its terminal operation (D15).
  boolean validate(List<String> emails) {
    Stream<String> stream = emails.stream();
    if (stream.anyMatch(String::isEmpty)) {
      return false;
    }
    return stream.allMatch(e -> e.contains("@")); // expect: use-after-move
  }

  // A stream over a map's values (a borrow of a borrow) reused.
  double averageScore(Map<String, Integer> scores) {
    Stream<Integer> values = scores.values().stream();
    int total = values.mapToInt(Integer::intValue).sum();
    long n = values.count(); // expect: use-after-move
    return n == 0 ? 0 : (double) total / n;
  }

  // An IntStream reused for a second aggregate.
  double averageAndMax(int[] latencies) {
    IntStream values = IntStream.of(latencies);
    double avg = values.average().orElse(0);
    int max = values.max().orElse(0); // expect: use-after-move
    return Math.max(avg, max);
  }

  // A LongStream consumed by an intermediate operation, then summed again.
  long sumWithEvens(long limit) {
    LongStream range = LongStream.rangeClosed(1, limit);
    LongStream evens = range.filter(n -> n % 2 == 0);
    long evenSum = evens.sum();
    return evenSum + range.sum(); // expect: use-after-move
  }

  // A DoubleStream summarised, then iterated again.
  void printStats(double[] samples) {
    DoubleStream ds = DoubleStream.of(samples);
    DoubleSummaryStatistics stats = ds.summaryStatistics();
    System.out.println(stats);
    ds.forEach(d -> System.out.println(d)); // expect: use-after-move
  }

  // Consumed on one path only: still a possible use after move (D10).
  long logAndCount(List<String> events, boolean verbose) {
    Stream<String> errors = events.stream().filter(e -> e.startsWith("ERROR"));
    if (verbose) {
      errors.forEach(System.err::println);
    }
    return errors.count(); // expect: use-after-move
  }

  // The same stream consumed in every iteration of a loop.
  Map<String, Long> countPerPrefix(List<String> words, List<String> prefixes) {
    Map<String, Long> counts = new HashMap<>();
    Stream<String> all = words.stream();
    for (String prefix : prefixes) {
      counts.put(prefix, all.filter(w -> w.startsWith(prefix)).count()); // expect: use-after-move
    }
    return counts;
  }

  // iterator() is a terminal operation; an unannotated stream parameter is still consumed (D16).
  String firstAndRest(Stream<String> tokens) {
    Iterator<String> it = tokens.iterator();
    String first = it.hasNext() ? it.next() : "";
    long rest = tokens.count(); // expect: use-after-move
    return first + " +" + rest;
  }

  // An IntStream parameter boxed, then summed.
  static int boxAndSum(IntStream values) {
    List<Integer> boxed = values.boxed().toList();
    int total = values.sum(); // expect: use-after-move
    return total + boxed.size();
  }

  // Negative: a stream stored in a variable and used once.
  List<String> normalise(List<String> raw) {
    Stream<String> trimmed = raw.stream().map(String::trim);
    return trimmed.filter(s -> !s.isEmpty()).distinct().sorted().toList();
  }

  // Negative: chained pipelines, including primitive streams.
  int sumOfSquares(int n) {
    return IntStream.rangeClosed(1, n).map(i -> i * i).sum();
  }

  // Negative: close() after the terminal operation is harmless (D5).
  long countAndClose(List<String> items) {
    Stream<String> s = items.stream().filter(i -> i.length() > 3);
    try {
      return s.count();
    } finally {
      s.close();
    }
  }

  // Negative: re-assigning the variable to the derived stream, then using it.
  List<String> applyFilters(List<String> items, boolean dropBlank, int max) {
    Stream<String> s = items.stream();
    if (dropBlank) {
      s = s.filter(x -> !x.isBlank());
    }
    s = s.limit(max);
    return s.toList();
  }

  // Negative: re-assigned in every iteration of a loop, used once after it.
  long excluding(List<String> words, List<String> stopWords) {
    Stream<String> s = words.stream();
    for (String stop : stopWords) {
      s = s.filter(w -> !w.equals(stop));
    }
    return s.count();
  }

  // Negative: a fresh stream per aggregate and per iteration.
  Map<String, Long> summary(List<String> words, List<String> prefixes) {
    Map<String, Long> counts = new HashMap<>();
    counts.put("*", words.stream().count());
    for (String prefix : prefixes) {
      counts.put(prefix, words.stream().filter(w -> w.startsWith(prefix)).count());
    }
    return counts;
  }

  // Negative: the terminal operation on each path exactly once.
  long printOrCount(Stream<String> s, boolean print) {
    if (print) {
      s.forEach(System.out::println);
      return -1;
    }
    return s.count();
  }

  // Negative: the iterator taken from a stream is used; the stream is not touched again.
  String joinFirstThree(List<String> parts) {
    Stream<String> s = parts.stream().limit(3);
    Iterator<String> it = s.iterator();
    StringBuilder sb = new StringBuilder();
    while (it.hasNext()) {
      sb.append(it.next());
    }
    return sb.toString();
  }

  // Negative: onClose() handler on a stream in try-with-resources, used once inside.
  long withCloseHandler(List<String> items) {
    try (Stream<String> s = items.stream().onClose(() -> System.out.println("done"))) {
      return s.mapToInt(String::length).asLongStream().sum();
    }
  }

  // Stream.concat takes both streams: using one afterwards is a use after move.
  long concatThenReuse() {
    Stream<String> first = Stream.of("a", "b");
    Stream<String> second = Stream.of("c");
    long both = Stream.concat(first, second).count();
    return both + first.count(); // expect: use-after-move
  }
}
