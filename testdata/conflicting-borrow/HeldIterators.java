package cb;

import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Iterators over unannotated collections kept in variables. */
public class HeldIterators {

  // Adding while an iterator that is used afterwards is live.
  String addThenNext(List<String> names) {
    Iterator<String> it = names.iterator();
    names.add("late"); // expect: conflicting-borrow
    return it.next();
  }

  // Removing through the list, not the iterator, inside the while loop that drives the iterator.
  void removeEmpty(List<String> names) {
    Iterator<String> it = names.iterator();
    while (it.hasNext()) {
      String s = it.next();
      if (s.isEmpty()) {
        names.remove(s); // expect: conflicting-borrow
      }
    }
  }

  // Two iterators over one list: removing through the first invalidates the second (D7).
  String twoIterators(List<String> names) {
    Iterator<String> a = names.iterator();
    Iterator<String> b = names.iterator();
    a.next();
    a.remove(); // expect: conflicting-borrow
    return b.next();
  }

  // Write-through inside a for-each over the same list: the for-each's loan is another live loan.
  void removeLaterCopies(List<String> names) {
    for (String n : names) {
      Iterator<String> it = names.iterator();
      while (it.hasNext()) {
        String m = it.next();
        if (m != n && m.equals(n)) {
          it.remove(); // expect: conflicting-borrow
        }
      }
    }
  }

  // An entry-set iterator is a loan on the map: putting into the map while it is used later.
  void rehash(Map<String, Integer> index) {
    Iterator<Map.Entry<String, Integer>> it = index.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Integer> e = it.next();
      index.put(e.getKey().toLowerCase(), e.getValue()); // expect: conflicting-borrow
    }
  }

  // Clearing the map under a held key iterator.
  String firstKeyAfterClear(Map<String, Integer> index) {
    Iterator<String> keys = index.keySet().iterator();
    index.clear(); // expect: conflicting-borrow
    return keys.hasNext() ? keys.next() : "";
  }

  // A descending iterator over a deque while polling it.
  int sumFromBack(Deque<Integer> stack) {
    Iterator<Integer> it = stack.descendingIterator();
    int total = 0;
    while (it.hasNext()) {
      total += it.next();
      stack.pollFirst(); // expect: conflicting-borrow
    }
    return total;
  }

  // A do-while loop: the iterator is used again at the next round.
  void growWhileScanning(Set<String> tags) {
    Iterator<String> it = tags.iterator();
    do {
      String t = it.next();
      tags.add(t + "*"); // expect: conflicting-borrow
    } while (it.hasNext());
  }

  // Negative: removing through the iterator itself (write-through).
  void removeBad(List<String> names) {
    Iterator<String> it = names.iterator();
    while (it.hasNext()) {
      if (it.next().startsWith("#")) {
        it.remove();
      }
    }
  }

  // Negative: the mutation follows the iterator's last use.
  String firstThenAdd(List<String> names) {
    Iterator<String> it = names.iterator();
    String first = it.hasNext() ? it.next() : "";
    names.add(first + "'");
    return first;
  }

  // Negative: the iterator is re-created after the mutation (re-assignment ends the old loan).
  String recreate(List<String> names) {
    Iterator<String> it = names.iterator();
    String first = it.next();
    names.add(first);
    it = names.iterator();
    return it.next();
  }

  // Negative: removing entries through the entry-set iterator.
  void dropZeros(Map<String, Integer> counts) {
    Iterator<Map.Entry<String, Integer>> it = counts.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue() == 0) {
        it.remove();
      }
    }
    counts.put("checked", 1);
  }

  // Negative: two iterators over different lists; mutate the other list.
  void merge(List<String> left, List<String> right) {
    Iterator<String> it = left.iterator();
    while (it.hasNext()) {
      right.add(it.next());
    }
  }

  // Negative: the mutation is on a path that leaves the loop for good.
  void addMarkerOnce(List<String> names) {
    Iterator<String> it = names.iterator();
    while (it.hasNext()) {
      if (it.next().equals("marker")) {
        return;
      }
      if (names.size() > 100) {
        names.add("marker");
        return;
      }
    }
  }

  // Negative: a fresh iterator per round; the list is modified at the end of each round.
  List<String> rounds(List<String> names, int n) {
    List<String> log = new ArrayList<>();
    for (int round = 0; round < n; round++) {
      Iterator<String> it = names.iterator();
      while (it.hasNext()) {
        log.add(it.next());
      }
      names.add("round " + round);
    }
    return log;
  }
}
