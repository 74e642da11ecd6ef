package cb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.TreeMap;

/**
 * A put of the current key while iterating a map's keys or entries replaces a value: no structural
 * modification, no finding (D24, decision 90). Any other key may add a mapping.
 */
public class ReplacedValues {
  private final Map<String, List<Integer>> byTopic = new HashMap<>();

  // Negative: the current key of a for-each over keySet().
  void increment(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.put(k, counts.get(k) + 1);
    }
  }

  // Positive: another key may be absent, and then the put adds a mapping.
  void addUpper(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.put(k.toUpperCase(), 0); // expect: conflicting-borrow
    }
  }

  // Negative: the current entry's key, on a field's map (kafka's Cluster).
  void freeze() {
    for (Map.Entry<String, List<Integer>> e : this.byTopic.entrySet()) {
      byTopic.put(e.getKey(), List.copyOf(e.getValue()));
    }
  }

  // Negative: the key read into a local first, also unboxed (the JDK's WindowController).
  void adjust(Map<Integer, Integer> streams, Map<String, List<Integer>> byName, int amount) {
    for (Map.Entry<Integer, Integer> entry : streams.entrySet()) {
      int streamId = entry.getKey();
      streams.put(streamId, entry.getValue() + amount);
    }
    for (Map.Entry<String, List<Integer>> entry : byName.entrySet()) {
      String name = entry.getKey();
      byName.put(name, List.copyOf(entry.getValue()));
    }
  }

  // Positive: the local was given another value before the put.
  void renameAll(Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String name = e.getKey();
      name = name + "'";
      counts.put(name, e.getValue()); // expect: conflicting-borrow
    }
  }

  // Positive: a value used as a key is no key of the map.
  void invertInPlace(Map<String, String> aliases) {
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      aliases.put(e.getValue(), e.getKey()); // expect: conflicting-borrow
    }
  }

  // Negative: an imported Entry, and putIfAbsent / computeIfAbsent of the current key.
  void fill(Map<String, List<String>> graph) {
    for (Entry<String, List<String>> e : graph.entrySet()) {
      graph.putIfAbsent(e.getKey(), new ArrayList<>());
      graph.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
    }
  }

  // Positive: compute removes the mapping when its function returns null: structural.
  void countDown(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.compute(k, (key, n) -> n == 1 ? null : n - 1); // expect: conflicting-borrow
    }
  }

  // Negative: the key view held in a local that is not assigned again; a navigable key set.
  void reset(TreeMap<Long, String> byTime) {
    Set<Long> keys = byTime.keySet();
    for (Long t : keys) {
      byTime.put(t, "");
    }
    for (Long t : byTime.descendingKeySet()) {
      byTime.put(t, "done");
    }
  }

  // Positive: the loop variable was given another value: no longer the current key.
  void trimKeys(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      k = k.trim();
      counts.put(k, 0); // expect: conflicting-borrow
    }
  }

  // Positive: the current key of a loop over another map's keys.
  void merge(Map<String, Integer> into, Map<String, Integer> from) {
    for (String a : into.keySet()) {
      for (String b : from.keySet()) {
        into.put(b, from.get(b)); // expect: conflicting-borrow
      }
    }
  }

  // Positive: a remove of the current key is structural.
  void dropAll(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.remove(k); // expect: conflicting-borrow
    }
  }
  // Negative (JGroups ProtocolConfiguration:117): the key of the entry an explicit iterator gave,
  // put back with a new value; removals go through the iterator (decision 289).
  void substitute(Map<String, String> properties) {
    for (Iterator<Map.Entry<String, String>> it = properties.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> entry = it.next();
      String key = entry.getKey();
      String replacement = entry.getValue().isEmpty() ? null : entry.getValue().trim();
      if (replacement != null) {
        properties.put(key, replacement);
      } else {
        it.remove();
      }
    }
  }

  // Negative: the key an explicit iterator over keySet() gave.
  void incrementAll(Map<String, Integer> counts) {
    Iterator<String> it = counts.keySet().iterator();
    while (it.hasNext()) {
      String k = it.next();
      counts.put(k, counts.get(k) + 1);
    }
  }

  // Positive, side by side: removed through the iterator first, the key is absent, and the put
  // adds it back while the iteration goes on.
  void moveToEnd(Map<String, Integer> counts) {
    Iterator<String> it = counts.keySet().iterator();
    while (it.hasNext()) {
      String k = it.next();
      Integer n = counts.get(k);
      it.remove();
      counts.put(k, n); // expect: conflicting-borrow
    }
  }

  // Positive: another key from the same iterator may be absent.
  void addUpperExplicit(Map<String, Integer> counts) {
    Iterator<String> it = counts.keySet().iterator();
    while (it.hasNext()) {
      counts.put(it.next().toUpperCase(), 0); // expect: conflicting-borrow
    }
  }
}
