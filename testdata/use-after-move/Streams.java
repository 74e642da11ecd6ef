package uam;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Streams are built-in owned types whose operations consume the receiver (models). */
public class Streams {

  // Reusing a stream after its terminal operation.
  long countThenIterate() {
    Stream<String> names = Stream.of("ada", "grace", "linus");
    long count = names.count();
    names.forEach(System.out::println); // expect: use-after-move
    return count;
  }

  // An intermediate operation consumes its receiver, too.
  int filterThenSumOriginal() {
    IntStream ports = IntStream.rangeClosed(8000, 8010);
    IntStream even = ports.filter(p -> p % 2 == 0);
    int total = even.sum();
    return total + ports.sum(); // expect: use-after-move
  }

  // A stream from a collection is a borrow, yet still consumed by its terminal operation.
  boolean borrowedStreamReused(List<String> hosts) {
    Stream<String> stream = hosts.stream();
    boolean any = stream.anyMatch(String::isEmpty);
    return any || stream.allMatch(String::isBlank); // expect: use-after-move
  }

  // Negative: a chained pipeline uses each stage once.
  long chainedPipeline(List<String> hosts) {
    return hosts.stream().filter(h -> h.endsWith(".org")).map(String::trim).count();
  }

  // Negative: close() after the terminal operation is harmless (D5).
  long closeAfterTerminal() {
    Stream<String> words = Stream.of("a", "b");
    long n = words.count();
    words.close();
    return n;
  }
}
