package cb;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Streams over unannotated collections: a held stream is a loan on its source, but a stream over
 * a JDK collection binds late (D22): it reads the collection only when its terminal operation
 * runs, so what conflicts is a change made while that operation runs — from a lambda of the
 * pipeline (testdata/lambdas-in-place).
 */
public class Streams {

  // Negative (late binding): the list changed before the stream's terminal operation; the count
  // includes "x".
  long countAfterAdd(List<String> names) {
    Stream<String> s = names.stream();
    names.add("x");
    return s.count();
  }

  // Negative (late binding): the set cleared before the stream over it runs; it prints nothing.
  void printAfterClear(Set<String> tags) {
    Stream<String> s = tags.stream();
    tags.clear();
    s.forEach(System.out::println);
  }

  // Negative (late binding): an intermediate operation does not read the source either.
  long filteredAfterRemove(List<String> names) {
    Stream<String> nonEmpty = names.stream().filter(n -> !n.isEmpty());
    names.remove("");
    return nonEmpty.count();
  }

  // The held stream's terminal operation runs a lambda that adds to the list it reads.
  void echoWhileCounting(List<String> names) {
    Stream<String> s = names.stream().filter(n -> !n.isEmpty());
    s.forEach(n -> names.add(n + "!")); // expect: conflicting-borrow
  }

  // An iterator does not bind late: the list changed while it is in use.
  String firstAfterAdd(List<String> names) {
    java.util.Iterator<String> it = names.iterator();
    names.add("x"); // expect: conflicting-borrow
    return it.next();
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
