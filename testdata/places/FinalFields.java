package places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call on {@code this} forgets what was known about the fields it may assign (decision 140), but
 * no call can assign a {@code final} field (decision 173). Kafka's {@code TransactionManager}
 * iterated its final {@code partitionsWithUnresolvedSequences} map, called its own helpers, and
 * removed from the map inside the loop (KAFKA-6943).
 */
public class FinalFields {
  private final Map<String, Integer> unresolved = new HashMap<>();
  private List<String> pending = new ArrayList<>();

  private boolean isNext(String partition) {
    return unresolved.get(partition) == 0;
  }

  private void reset() {
    pending = new ArrayList<>();
  }

  // Positive: the helper cannot give the final field another map; the removal breaks the loop.
  void resolve() {
    for (String partition : unresolved.keySet()) {
      if (isNext(partition)) {
        unresolved.remove(partition); // expect: conflicting-borrow
      }
    }
  }

  // Negative: the fix, removing through the iterator.
  void resolveFixed() {
    java.util.Iterator<String> it = unresolved.keySet().iterator();
    while (it.hasNext()) {
      String partition = it.next();
      if (isNext(partition)) {
        it.remove();
      }
    }
  }

  // Negative: a field that is not final may be given a new list by the helper: nothing assumed.
  void drain() {
    for (String p : pending) {
      reset();
      pending.remove(p);
    }
  }

  // Negative: the loop is left right after the removal.
  void resolveOne() {
    for (String partition : unresolved.keySet()) {
      if (isNext(partition)) {
        unresolved.remove(partition);
        break;
      }
    }
  }
}
