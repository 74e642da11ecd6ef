package cb;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Non-lexical lifetimes: loans end at their last use, so none of these conflict (plus contrasts). */
public class NllNegatives {

  // Negative: a loop over the list in one branch, the mutation in the other.
  void printOrAdd(List<String> names, boolean print) {
    if (print) {
      for (String n : names) {
        System.out.println(n);
      }
    } else {
      names.add("none");
    }
  }

  // Negative: an iterator created in one branch, the list cleared in the other.
  String firstOrClear(List<String> names, boolean first) {
    Iterator<String> it;
    if (first) {
      it = names.iterator();
      return it.hasNext() ? it.next() : "";
    } else {
      names.clear();
      return "";
    }
  }

  // Negative: after breaking out of the while loop, the iterator is dead.
  int countUntilStop(List<String> names) {
    Iterator<String> it = names.iterator();
    int n = 0;
    while (it.hasNext()) {
      if (it.next().equals("stop")) {
        break;
      }
      n++;
    }
    names.add("counted " + n);
    return n;
  }

  // Negative: a switch inside the loop whose mutating case leaves the method.
  void process(List<String> commands) {
    for (String c : commands) {
      switch (c) {
        case "reset":
          commands.clear();
          return;
        case "skip":
          continue;
        default:
          System.out.println(c);
      }
    }
  }

  // Negative: removal of the found key after the loop that found it.
  void removeLongest(Map<String, Integer> lengths) {
    String longest = null;
    for (Map.Entry<String, Integer> e : lengths.entrySet()) {
      if (longest == null || e.getValue() > lengths.get(longest)) {
        longest = e.getKey();
      }
    }
    if (longest != null) {
      lengths.remove(longest);
    }
  }

  // Negative: a throw leaves the loop for good, so the mutation before it is fine.
  void requireNoBlank(List<String> names) {
    for (String n : names) {
      if (n.isBlank()) {
        names.remove(n);
        throw new IllegalArgumentException("blank name removed");
      }
    }
  }

  // Negative: the sub-list's last use is before the list grows.
  int headSumThenAppend(List<Integer> values) {
    List<Integer> head = values.subList(0, Math.min(3, values.size()));
    int sum = 0;
    for (int v : head) {
      sum += v;
    }
    values.add(sum);
    return sum;
  }

  // Contrast with the above: the same removal with `continue` instead of `throw`.
  void removeBlanksWrongly(List<String> names) {
    for (String n : names) {
      if (n.isBlank()) {
        names.remove(n); // expect: conflicting-borrow
        continue;
      }
      System.out.println(n);
    }
  }

  // Contrast: the iterator created before the if is used after the branch that clears the list.
  String clearThenFirst(List<String> names, boolean reset) {
    Iterator<String> it = names.iterator();
    if (reset) {
      names.clear(); // expect: conflicting-borrow
    }
    return it.hasNext() ? it.next() : "";
  }
}
