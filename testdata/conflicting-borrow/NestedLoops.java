package cb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * D20: a for-each loop's iterator is made each time the loop is entered and ends when the loop is
 * left. Modifying the collection after an inner loop over it finished is clean, inside an outer
 * loop too (Error Prone's ModifyCollectionInEnhancedForLoop, negative testNested); modifying it
 * while the inner loop can still take a step is the bug.
 */
public class NestedLoops {
  /** The idiom: sum over the list, then add to it, once per outer element. */
  int addAfterTheInnerLoop(List<Integer> outer, List<Integer> list) {
    int sum = 0;
    for (int a : outer) {
      for (int b : list) {
        sum += b;
      }
      if (sum > a) {
        list.add(a);
      }
    }
    return sum;
  }

  /** The nearest bug: the same addition inside the inner loop. */
  int addInsideTheInnerLoop(List<Integer> outer, List<Integer> list) {
    int sum = 0;
    for (int a : outer) {
      for (int b : list) {
        sum += b;
        if (sum > a) {
          list.add(a); // expect: conflicting-borrow
        }
      }
    }
    return sum;
  }

  /** Real code: drain a work list in rounds (`while (…) { for (x : list) use(x); list.clear(); }`). */
  void rounds(List<String> pending, List<String> done) {
    while (!pending.isEmpty()) {
      for (String p : pending) {
        done.add(p);
      }
      pending.clear();
    }
  }

  /** The nearest bug: clearing inside the loop over it. */
  void clearsWhileIterating(List<String> pending, List<String> done) {
    while (!pending.isEmpty()) {
      for (String p : pending) {
        done.add(p);
        pending.clear(); // expect: conflicting-borrow
      }
    }
  }

  /** Leaving the inner loop with `continue outer` abandons its iterator: the next round may add. */
  void continueOuter(List<String> names, List<String> seen) {
    outer:
    for (String n : names) {
      seen.add(n);
      for (String s : seen) {
        if (s.length() > 3) {
          continue outer;
        }
      }
    }
  }

  /** Two loops one after the other, each over a map's entries, with a put between them. */
  int twoLoops(Map<String, Integer> counts) {
    int total = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      total += e.getValue();
    }
    counts.put("total", total);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      total += e.getValue();
    }
    return total;
  }

  /** Three levels: only the innermost loop is over the list that changes, after it finished. */
  List<String> threeLevels(List<List<String>> groups, List<String> out) {
    for (List<String> g : groups) {
      for (String s : g) {
        for (String o : out) {
          if (o.equals(s)) {
            s = s + "'";
          }
        }
        out.add(s);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * log4j's DefaultMergeStrategy: find the element in the inner loop, remove it and leave that
   * loop; the next round of the outer loop (over another collection) makes a new iterator.
   */
  void removeThenBreakInner(List<String> names, List<String> list) {
    for (String n : names) {
      for (String t : list) {
        if (t.equals(n)) {
          list.remove(t);
          break;
        }
      }
    }
  }

  /** The nearest bug: without the `break`, the inner loop takes another step. */
  void removeWithoutBreakInner(List<String> names, List<String> list) {
    for (String n : names) {
      for (String t : list) {
        if (t.equals(n)) {
          list.remove(t); // expect: conflicting-borrow
        }
      }
    }
  }

  /** Leaving both loops' rounds with `continue outer` right after the removal: clean too. */
  void removeThenContinueOuter(List<String> names, List<String> list) {
    outer:
    for (String n : names) {
      for (String t : list) {
        if (t.equals(n)) {
          list.remove(t);
          continue outer;
        }
      }
    }
  }

  /** The nearest bug: the outer loop is over the same list, so its iterator goes on after the change. */
  void removeThenBreakInnerOfTheSameList(List<String> list) {
    for (String n : list) {
      for (String t : list) {
        if (t.equals(n + "'")) {
          list.remove(t); // expect: conflicting-borrow
          break;
        }
      }
    }
  }
}
