package cb;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Streams over unannotated collections: a held stream is a loan on its source. */
public class Streams {

  // Adding to the list while a stream over it is used afterwards.
  long countAfterAdd(List<String> names) {
    Stream<String> s = names.stream();
    names.add("x"); // expect: conflicting-borrow
    return s.count();
  }

  // Clearing the set before the stream over it runs its terminal operation.
  void printAfterClear(Set<String> tags) {
    Stream<String> s = tags.stream();
    tags.clear(); // expect: conflicting-borrow
    s.forEach(System.out::println);
  }

  // An intermediate operation carries the loan on to the derived stream (D6).
  long filteredAfterRemove(List<String> names) {
    Stream<String> nonEmpty = names.stream().filter(n -> !n.isEmpty());
    names.remove(""); // expect: conflicting-borrow
    return nonEmpty.count();
  }

  // Negative: the stream is used up before the list is modified.
  List<String> appendUpperCase(List<String> names) {
    List<String> upper = names.stream().map(String::toUpperCase).collect(Collectors.toList());
    names.addAll(upper);
    return names;
  }

  // Negative: a held stream whose terminal operation runs before the mutation.
  long countThenAdd(List<String> names) {
    Stream<String> s = names.stream();
    long n = s.count();
    names.add("count=" + n);
    return n;
  }

  // Negative: the stream in one branch, the mutation in the other.
  long countOrAdd(List<String> names, boolean count) {
    if (count) {
      Stream<String> s = names.stream();
      return s.count();
    } else {
      names.add("none");
      return 0;
    }
  }

  // Negative: streaming one list while adding to another.
  void copyLong(List<String> from, List<String> to) {
    Stream<String> s = from.stream().filter(x -> x.length() > 3);
    to.add("header");
    s.forEach(to::add);
  }
}
