package cb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Unannotated collections mutated inside a for-each loop over them (the implicit iterator loan). */
public class ForEachLoops {

  // The classic: removing from the list being iterated; the loop goes on to the next element.
  void removeBlank(List<String> names) {
    for (String n : names) {
      if (n.isBlank()) {
        names.remove(n); // expect: conflicting-borrow
      }
    }
  }

  // Adding to the list being iterated, unconditionally.
  void duplicate(List<String> names) {
    for (String n : names) {
      names.add(n + "'"); // expect: conflicting-borrow
    }
  }

  // Removing from a map while iterating its key set (the view's loan is on the map).
  void dropEmptyKeys(Map<String, Integer> counts) {
    for (String key : counts.keySet()) {
      if (counts.get(key) == 0) {
        counts.remove(key); // expect: conflicting-borrow
      }
    }
  }

  // Putting a new key while iterating the values.
  void addTotal(Map<String, Integer> counts) {
    for (Integer v : counts.values()) {
      counts.put("total:" + v, v); // expect: conflicting-borrow
    }
  }

  // Removing by entry key while iterating the entry set.
  void dropNegative(Map<String, Integer> balances) {
    for (Map.Entry<String, Integer> e : balances.entrySet()) {
      if (e.getValue() < 0) {
        balances.remove(e.getKey()); // expect: conflicting-borrow
      }
    }
  }

  // Nested loops over the same list: one finding at the removal, not one per loop (D18).
  void dedupe(List<String> items) {
    for (String a : items) {
      for (String b : items) {
        if (a != b && a.equals(b)) {
          items.remove(b); // expect: conflicting-borrow
        }
      }
    }
  }

  // Breaking out of the inner loop is not enough: the outer loop over the same list goes on.
  void dedupeBreakInner(List<String> items) {
    for (String a : items) {
      for (String b : items) {
        if (a != b && a.equals(b)) {
          items.remove(b); // expect: conflicting-borrow
          break;
        }
      }
    }
  }

  // `continue outer` resumes the outer loop over the list that was just modified.
  void pruneWithContinue(List<String> items, List<String> banned) {
    outer:
    for (String item : items) {
      for (String b : banned) {
        if (item.contains(b)) {
          items.remove(item); // expect: conflicting-borrow
          continue outer;
        }
      }
    }
  }

  // Growing a set while iterating it.
  void closeOver(Set<String> words) {
    for (String w : words) {
      words.addAll(Set.of(w.toLowerCase(), w.toUpperCase())); // expect: conflicting-borrow
    }
  }

  // Pushing onto a deque while iterating it.
  void expand(Deque<Integer> work) {
    for (int n : work) {
      if (n > 1) {
        work.push(n / 2); // expect: conflicting-borrow
      }
    }
  }

  // Sorting the list being iterated.
  void sortWhileScanning(List<String> names) {
    for (String n : names) {
      if (n.startsWith("!")) {
        names.sort(null); // expect: conflicting-borrow
      }
    }
  }

  // Clearing the list being iterated in a `continue` branch.
  int countUntilReset(List<String> events) {
    int n = 0;
    for (String e : events) {
      if (e.equals("reset")) {
        events.clear(); // expect: conflicting-borrow
        continue;
      }
      n++;
    }
    return n;
  }

  // Negative: remove then break: the iterator is never used after the removal (non-lexical lifetimes).
  void removeFirstBlank(List<String> names) {
    for (String n : names) {
      if (n.isBlank()) {
        names.remove(n);
        break;
      }
    }
  }

  // Negative: remove then return out of the loop.
  boolean removeFirst(List<String> names, String prefix) {
    for (String n : names) {
      if (n.startsWith(prefix)) {
        names.remove(n);
        return true;
      }
    }
    return false;
  }

  // Negative: nested loops over the same list, leaving both with `break outer` after the removal.
  void removeOneDuplicate(List<String> items) {
    outer:
    for (String a : items) {
      for (String b : items) {
        if (a != b && a.equals(b)) {
          items.remove(b);
          break outer;
        }
      }
    }
  }

  // Negative: the mutation comes after the loop has finished.
  void appendSummary(List<String> lines) {
    int total = 0;
    for (String l : lines) {
      total += l.length();
    }
    lines.add("total " + total);
  }

  // Negative: List.set is not a structural modification (D7).
  void trimAll(List<String> names) {
    int i = 0;
    for (String n : names) {
      names.set(i++, n.trim());
    }
  }

  // Negative: Map.Entry.setValue while iterating the entry set.
  void doubleAll(Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      e.setValue(e.getValue() * 2);
    }
  }

  // Negative: removeIf instead of a loop.
  void removeBlankProperly(List<String> names) {
    names.removeIf(String::isBlank);
  }

  // Negative: iterating a copy while mutating the original.
  void removeBlankFromCopy(List<String> names) {
    for (String n : new ArrayList<>(names)) {
      if (n.isBlank()) {
        names.remove(n);
      }
    }
  }

  // Negative: iterating one collection while mutating another.
  Set<String> distinct(List<String> names) {
    Set<String> seen = new HashSet<>();
    List<String> dups = new ArrayList<>();
    for (String n : names) {
      if (!seen.add(n)) {
        dups.add(n);
      }
    }
    seen.removeAll(dups);
    return seen;
  }

  // Negative: reads of the iterated map inside the loop are fine.
  int sumKnown(Map<String, Integer> counts, Set<String> keys) {
    int total = 0;
    for (String k : counts.keySet()) {
      if (keys.contains(k) && counts.containsKey(k)) {
        total += counts.get(k);
      }
    }
    return total;
  }

  // Negative: an index loop holds no iterator, so removing inside it is no borrow conflict.
  void removeEvenPositions(List<String> items) {
    for (int i = items.size() - 1; i >= 0; i -= 2) {
      items.remove(i);
    }
  }

  // Negative: draining a deque with poll; the for-each is over a different collection.
  List<Integer> drain(Deque<Integer> queue, List<Integer> extra) {
    List<Integer> out = new ArrayList<>();
    for (int e : extra) {
      queue.offer(e);
    }
    while (!queue.isEmpty()) {
      out.add(queue.poll());
    }
    Deque<Integer> copy = new ArrayDeque<>(out);
    copy.push(0);
    return out;
  }
}
