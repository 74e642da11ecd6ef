package cb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.annotations.Borrowed;

/**
 * A collection's mutators that return whether they changed it ("true if this collection changed
 * as a result of the call": `remove(Object)`, `removeAll`, `retainAll`, `add` of a set, `offer`…,
 * `@TrueIfChanged`, decision 284) change it only on the branch taken when they return true. A loop
 * that leaves at once on that branch is correct: the next for-each makes a new iterator.
 */
public class ChangesReportedByResult {

  // Negative (javassist, the first held-out set's G7): the list changes only when the removal
  // returns true, and then the loop is left.
  static String take(List<String> names, String prefix) {
    for (String n : names) {
      if (n.startsWith(prefix)) {
        if (names.remove(n)) {
          return n;
        }
      }
    }
    return null;
  }

  // Positive, side by side: the removal's true branch goes on iterating.
  static int takeAll(List<String> names, String prefix) {
    int taken = 0;
    for (String n : names) {
      if (n.startsWith(prefix)) {
        if (names.remove(n)) { // expect: conflicting-borrow
          taken++;
        }
      }
    }
    return taken;
  }

  // Negative (CFR InferredJavaType:432, the ninth set's R3): `removeAll` that changed the list
  // leaves the for-each at once; the do-while starts a new one.
  static List<String> mostDerived(Set<String> types, Map<String, Set<String>> supersOf) {
    List<String> poss = new ArrayList<>(types);
    boolean effect;
    do {
      effect = false;
      for (String pos : poss) {
        Set<String> supers = new HashSet<>(supersOf.getOrDefault(pos, Set.of()));
        supers.remove(pos);
        if (poss.removeAll(supers)) {
          effect = true;
          break;
        }
      }
    } while (effect);
    return poss;
  }

  // Positive, side by side: the same call whose result is not branched on changes the list
  // whatever it returns, and the loop goes on.
  static List<String> removeSupers(Set<String> types, Map<String, Set<String>> supersOf) {
    List<String> poss = new ArrayList<>(types);
    for (String pos : poss) {
      boolean changed = poss.retainAll(supersOf.getOrDefault(pos, Set.of())); // expect: conflicting-borrow
      if (changed) {
        System.out.println(pos);
      }
    }
    return poss;
  }

  // Negative: the change happens when the negated condition is false, and that branch returns.
  static String firstRemoved(List<String> names, Set<String> gone) {
    for (String n : names) {
      if (!gone.contains(n) || !names.remove(n)) {
        continue;
      }
      return n;
    }
    return null;
  }

  // Positive, side by side: the same negation, but the changed branch goes on.
  static int countRemoved(List<String> names, Set<String> gone) {
    int count = 0;
    for (String n : names) {
      if (!gone.contains(n) || !names.remove(n)) { // expect: conflicting-borrow
        continue;
      }
      count++;
    }
    return count;
  }

  // Negative: an insertion into a deque being iterated, the loop left when it succeeded.
  static void requeueOnce(Deque<String> queue, String extra) {
    for (String s : queue) {
      if (s.equals(extra) && queue.offerLast(extra + "'")) {
        break;
      }
    }
  }

  // Positive: a set's `add` that succeeded while the set is iterated, the loop going on.
  static void closeOver(Set<String> names) {
    for (String n : names) {
      if (names.add(n + "'")) { // expect: conflicting-borrow
        System.out.println(n);
      }
    }
  }

  // Positive: a removal through a shared borrow is still a mutation through it, whatever it
  // returned on the branch taken (D7).
  static boolean drop(@Borrowed List<String> names, String n) {
    if (names.remove(n)) { // expect: conflicting-borrow
      return true;
    }
    return false;
  }

  // Positive: `remove(int)` returns the element it removed, not whether it changed the list: it
  // changed it on both branches, and the false one goes on iterating.
  static int skipFalse(List<Boolean> flags) {
    int skipped = 0;
    for (Boolean f : flags) {
      if (!flags.remove(0)) { // expect: conflicting-borrow
        skipped++;
        continue;
      }
      return skipped;
    }
    return skipped;
  }

  static Deque<String> queue() {
    return new ArrayDeque<>();
  }
}
