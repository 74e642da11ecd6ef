package lambdas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lambdas run in place (D22): a lambda given to {@code forEach}, {@code removeIf}, {@code
 * replaceAll}, {@code sort}, {@code Map.forEach}/{@code compute*}/{@code merge}, or to the
 * operations of a stream runs during the call, while the call reads its receiver (or the
 * collection the stream reads). A structural change of that collection inside the lambda is the
 * closure form of E0502, and fails at run time with ConcurrentModificationException.
 */
public class InPlace {

  interface Listener {
    boolean done();
  }

  private final List<Listener> listeners = new ArrayList<>();

  // The listener list changed while forEach walks it.
  void fireAndPrune() {
    listeners.forEach(l -> {
      if (l.done()) {
        listeners.remove(l); // expect: conflicting-borrow
      }
    });
  }

  // Negative: the idiom, removeIf.
  void prune() {
    listeners.removeIf(Listener::done);
  }

  // A stream's terminal operation runs the lambda while the stream reads the list.
  void duplicate(List<String> names) {
    names.stream().forEach(n -> names.add(n + "'")); // expect: conflicting-borrow
  }

  // An intermediate operation's lambda runs when the terminal operation reads the list.
  List<String> takeLong(List<String> names) {
    return names.stream()
        .filter(n -> n.length() > 3 && names.remove(n.toLowerCase())) // expect: conflicting-borrow
        .collect(Collectors.toList());
  }

  // Negative: the lambda adds to another list.
  List<String> copyLong(List<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> {
      if (n.length() > 3) {
        out.add(n);
      }
    });
    return out;
  }

  // Negative: the list changed before the stream's terminal operation (streams bind late).
  long countWithDefault(List<String> names) {
    Stream<String> s = names.stream().filter(n -> !n.isEmpty());
    names.add("default");
    return s.count();
  }

  // Negative: the lambda only reads the list it is run over.
  void printWithSize(List<String> names) {
    names.forEach(n -> System.out.println(n + " of " + names.size()));
  }

  // A map changed while Map.forEach walks it.
  void dropZeros(Map<String, Integer> counts) {
    counts.forEach((k, v) -> {
      if (v == 0) {
        counts.remove(k); // expect: conflicting-borrow
      }
    });
  }

  // Negative: a put of the key forEach gives replaces a value in place (D24).
  void increment(Map<String, Integer> counts) {
    counts.forEach((k, v) -> counts.put(k, v + 1));
  }

  // Negative: the idiom for the removal, through the entry view.
  void dropZerosWithRemoveIf(Map<String, Integer> counts) {
    counts.values().removeIf(v -> v == 0);
  }

  // A mapping function that changes the map it computes for (HashMap: ConcurrentModificationException).
  int lengthOf(Map<String, Integer> cache, String key) {
    return cache.computeIfAbsent(key, k -> {
      cache.put(k.toUpperCase(), k.length()); // expect: conflicting-borrow
      return k.length();
    });
  }

  // Negative: the usual multimap idiom; the mapping function changes nothing.
  void index(Map<String, List<String>> byFirst, String word) {
    byFirst.computeIfAbsent(word.substring(0, 1), k -> new ArrayList<>()).add(word);
  }

  // A predicate that adds to the list removeIf walks.
  void renewExpired(List<String> tokens) {
    tokens.removeIf(t -> {
      if (t.startsWith("old:")) {
        tokens.add("new:" + t.substring(4)); // expect: conflicting-borrow
        return true;
      }
      return false;
    });
  }

  // Negative: removeIf is itself the change.
  void dropBlank(List<String> tokens) {
    tokens.removeIf(String::isBlank);
  }

  // Negative: a lambda given to code with no contract is not guessed at.
  void eachLater(List<String> names, Consumer<Consumer<String>> runner) {
    runner.accept(n -> names.add(n));
  }

  // Negative: Optional.ifPresent runs after the stream is done with the list.
  void removeFirstBlank(List<String> names) {
    Optional<String> blank = names.stream().filter(String::isBlank).findFirst();
    blank.ifPresent(b -> names.remove(b));
  }
}
