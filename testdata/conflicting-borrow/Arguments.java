package cb;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The same place passed to several parameters, and places passed to @Mut parameters while borrowed. */
public class Arguments {

  // One buffer as both the shared source and the @Mut target of a call.
  void copyToItself(Buffer a) {
    Buffers.copy(a, a); // expect: conflicting-borrow
  }

  // One buffer as both @Mut parameters.
  void swapWithItself(Buffer a) {
    Buffers.swapFirst(a, a); // expect: conflicting-borrow
  }

  // One list as both the @Mut target and the @Borrowed source.
  void appendToItself(List<String> names) {
    Lists.appendAll(names, names); // expect: conflicting-borrow
  }

  // Passing the iterated list to a @Mut parameter inside the for-each.
  void appendEach(List<String> names) {
    for (String n : names) {
      Lists.append(names, n + "'"); // expect: conflicting-borrow
    }
  }

  // Passing the list to a @Mut parameter while a held iterator over it is used later.
  String clearUnderIterator(List<String> names) {
    Iterator<String> it = names.iterator();
    Lists.clearAll(names); // expect: conflicting-borrow
    return it.hasNext() ? it.next() : "";
  }

  // Negative: the same buffer passed to two @Borrowed parameters.
  int compareToItself(Buffer a) {
    return Buffers.compare(a, a);
  }

  // Negative: the same list passed to two @Borrowed parameters.
  boolean sameAsItself(List<String> names) {
    return Lists.sameSize(names, names);
  }

  // Negative: distinct buffers as source and target.
  void copyAcross(Buffer a, Buffer b) {
    Buffers.copy(a, b);
    Buffers.swapFirst(a, b);
  }

  // Negative: two-phase borrows: the arguments are evaluated before the receiver is mutated.
  void appendSize(List<Integer> values, Map<String, Integer> counts, String key) {
    values.add(values.size());
    counts.put(key, counts.getOrDefault(key, 0) + 1);
  }

  // Negative: passing the iterated list to a @Borrowed parameter inside the loop.
  int countRepeats(List<String> names) {
    int repeats = 0;
    for (String n : names) {
      repeats += Lists.count(names, n) - 1;
    }
    return repeats;
  }

  // Negative: passing the list to a @Mut parameter after the loop ended.
  void appendAfterLoop(List<String> names) {
    String last = "";
    for (String n : names) {
      last = n;
    }
    Lists.append(names, last);
  }
}
