package cb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Loans across exceptions, labelled blocks, classic for loops, fields and var. */
public class ControlFlow {
  private final List<String> pending = new ArrayList<>();

  // A mutation in a catch block inside the loop: the loop goes on after the catch.
  void dropUnparsable(List<String> numbers) {
    for (String n : numbers) {
      try {
        Integer.parseInt(n);
      } catch (NumberFormatException e) {
        numbers.remove(n); // expect: conflicting-borrow
      }
    }
  }

  // A throw caught inside the loop body does not leave the loop.
  void removeAndRecover(List<String> names) {
    for (String n : names) {
      try {
        if (n.isEmpty()) {
          names.remove(n); // expect: conflicting-borrow
          throw new IllegalStateException("empty");
        }
      } catch (IllegalStateException e) {
        System.out.println(e.getMessage());
      }
    }
  }

  // Breaking out of a labelled block (not the loop) does not end the loop's loan.
  void labelledBlock(List<String> names) {
    for (String n : names) {
      check:
      {
        if (n.startsWith("#")) {
          names.remove(n); // expect: conflicting-borrow
          break check;
        }
      }
    }
  }

  // The classic for loop driving an iterator, removing through the list.
  void classicForIterator(List<String> names) {
    for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
      String s = it.next();
      if (s.isBlank()) {
        names.remove(s); // expect: conflicting-borrow
      }
    }
  }

  // A mutation before a conditional return: the loop may still continue.
  void removeThenMaybeReturn(List<String> names) {
    for (String n : names) {
      names.remove(n); // expect: conflicting-borrow
      if (n.isEmpty()) {
        return;
      }
    }
  }

  // A var-typed iterator is a loan like any other.
  String varIterator(List<String> names) {
    var it = names.iterator();
    names.add("x"); // expect: conflicting-borrow
    return it.next();
  }

  // A for-each over a field, removing through the same field.
  void drainPending() {
    for (String p : pending) {
      if (p.isEmpty()) {
        pending.remove(p); // expect: conflicting-borrow
      }
    }
  }

  // A for-each over a sub-list while adding to the backing list.
  void repeatHead(List<String> names) {
    for (String n : names.subList(0, 2)) {
      names.add(n); // expect: conflicting-borrow
    }
  }

  // The iterator is used in a finally block after the mutation.
  String nextInFinally(List<String> names) {
    Iterator<String> it = names.iterator();
    try {
      names.add("x"); // expect: conflicting-borrow
    } finally {
      System.out.println(it.hasNext());
    }
    return "";
  }

  // The structural change is the condition of an if inside the loop.
  int countRemoved(List<String> names, String victim) {
    int removed = 0;
    for (String n : names) {
      if (n.equals(victim) && names.remove(n)) { // expect: conflicting-borrow
        removed++;
      }
    }
    return removed;
  }

  // Negative: the classic for loop removing through the iterator.
  void classicForIteratorProperly(List<String> names) {
    for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
      if (it.next().isBlank()) {
        it.remove();
      }
    }
  }

  // Negative: mutating the value lists of a map while iterating its entries (other objects).
  void tagAll(Map<String, List<String>> index) {
    for (Map.Entry<String, List<String>> e : index.entrySet()) {
      e.getValue().add("tagged");
    }
    for (String k : index.keySet()) {
      index.get(k).removeIf(String::isEmpty);
    }
  }

  // Negative: a while(true) loop left with break right after the mutation.
  void addOnceAtMarker(List<String> names) {
    Iterator<String> it = names.iterator();
    while (true) {
      if (!it.hasNext()) {
        break;
      }
      if (it.next().equals("marker")) {
        names.add("after marker");
        break;
      }
    }
  }

  // Negative: a for-each over a field, filling a different list.
  List<String> nonEmptyPending() {
    List<String> out = new ArrayList<>();
    for (String p : pending) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    pending.clear();
    return out;
  }

  // Negative: the catch block leaves the loop with return.
  boolean removeFirstUnparsable(List<String> numbers) {
    for (String n : numbers) {
      try {
        Integer.parseInt(n);
      } catch (NumberFormatException e) {
        numbers.remove(n);
        return true;
      }
    }
    return false;
  }

  // Negative: reads of the list inside the loop (size, contains, get, indexOf).
  int positionsSum(List<String> names) {
    int sum = 0;
    for (String n : names) {
      if (names.contains(n.trim()) && names.size() > 1) {
        sum += names.indexOf(n) + names.get(0).length();
      }
    }
    return sum;
  }

  // Write-through on a temporary view conflicts with the enclosing for-each's loan (D7).
  void pruneWhileIterating(Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() == 0) {
        counts.keySet().remove(e.getKey()); // expect: conflicting-borrow
      }
    }
  }

  // Clearing a temporary sub-list inside a for-each over the same list.
  void dropHeadAtMarker(List<String> names) {
    for (String n : names) {
      if (n.equals("marker")) {
        names.subList(0, 1).clear(); // expect: conflicting-borrow
      }
    }
  }

  // Removing through a key-set iterator while a for-each over the map's values is live.
  void dropKeysWhileScanningValues(Map<String, Integer> counts) {
    for (int v : counts.values()) {
      Iterator<String> keys = counts.keySet().iterator();
      if (v < 0 && keys.hasNext()) {
        keys.next();
        keys.remove(); // expect: conflicting-borrow
      }
    }
  }

  // Negative: the iterator is re-created right after the mutation, before its next use.
  void restartAfterRemove(List<String> names) {
    Iterator<String> it = names.iterator();
    while (it.hasNext()) {
      if (it.next().isEmpty()) {
        names.remove("");
        it = names.iterator();
      }
    }
  }

  // Negative: a stream held over the list, the mutation on a path that returns.
  long countUnlessReset(List<String> names, boolean reset) {
    java.util.stream.Stream<String> s = names.stream();
    if (reset) {
      names.clear();
      return 0;
    }
    return s.count();
  }

  // Negative: an inner iterator over another list removes through itself inside the for-each.
  void subtract(List<String> names, List<String> other) {
    for (String n : names) {
      Iterator<String> it = other.iterator();
      while (it.hasNext()) {
        if (it.next().equals(n)) {
          it.remove();
        }
      }
    }
  }

  // Negative: the argument's temporary stream is used up before the receiver is mutated.
  void appendCount(List<String> names) {
    names.add(String.valueOf(names.stream().filter(String::isEmpty).count()));
  }
}
