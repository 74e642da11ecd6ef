package cb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/** Views of unannotated maps and lists (keySet, values, entrySet, subList, headMap) held or iterated. */
public class MapViews {

  // A key-set view held in a variable is a loan on the map: iterating it while removing from the map.
  void dropPrefixed(Map<String, Integer> counts, String prefix) {
    Set<String> keys = counts.keySet();
    for (String k : keys) {
      if (k.startsWith(prefix)) {
        counts.remove(k); // expect: conflicting-borrow
      }
    }
  }

  // Negative (decision 278): a held values() view is backed by the map, valid after a put.
  int valuesAfterPut(Map<String, Integer> counts) {
    Collection<Integer> values = counts.values();
    counts.put("extra", 1);
    return values.size();
  }

  // A sub-list is a loan on its list: a structural change of the list invalidates it.
  String subListAfterAdd(List<String> items) {
    List<String> head = items.subList(0, 2);
    items.add("tail"); // expect: conflicting-borrow
    return head.get(0);
  }

  // Two sub-lists of one list: clearing through the first invalidates the second (D7).
  int twoSubLists(List<String> items) {
    List<String> front = items.subList(0, 2);
    List<String> back = items.subList(2, 4);
    front.clear(); // expect: conflicting-borrow
    return back.size();
  }

  // Clearing a sub-list inside a for-each over the whole list.
  void clearHeadWhileIterating(List<String> items) {
    List<String> head = items.subList(0, 1);
    for (String s : items) {
      if (s.isEmpty()) {
        head.clear(); // expect: conflicting-borrow
      }
    }
  }

  // Removing from a navigable map while iterating a head-map key view of it.
  void expire(NavigableMap<Long, String> byTime, long now) {
    for (Long t : byTime.headMap(now).keySet()) {
      byTime.remove(t); // expect: conflicting-borrow
    }
  }

  // computeIfAbsent is a structural modifier (it may insert) while iterating the entries.
  void link(Map<String, List<String>> graph) {
    for (Map.Entry<String, List<String>> e : graph.entrySet()) {
      for (String target : e.getValue()) {
        graph.computeIfAbsent(target, k -> new ArrayList<>()); // expect: conflicting-borrow
      }
    }
  }

  // merge while iterating the map's keys.
  void bump(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.merge(k.toUpperCase(), 1, Integer::sum); // expect: conflicting-borrow
    }
  }

  // Negative: removeIf on a key-set view (write-through).
  void dropEmpty(Map<String, Integer> counts) {
    counts.keySet().removeIf(String::isEmpty);
    counts.put("", 0);
  }

  // Negative: removeIf on the entry-set view.
  void dropZeros(Map<String, Integer> counts) {
    counts.entrySet().removeIf(e -> e.getValue() == 0);
  }

  // Negative: values().remove on a temporary view.
  void dropOne(Map<String, Integer> counts) {
    counts.values().remove(0);
    counts.putIfAbsent("one", 1);
  }

  // Negative: clearing a temporary sub-list, then using the list.
  void truncate(List<Integer> values, int keep) {
    if (values.size() > keep) {
      values.subList(keep, values.size()).clear();
    }
    values.add(values.size());
  }

  // Negative: the held view's last use comes before the mutation.
  int sizeThenPut(Map<String, Integer> counts) {
    Set<String> keys = counts.keySet();
    int n = keys.size();
    counts.put("n", n);
    return n;
  }

  // Negative: iterating a copy of the key set while removing from the map.
  void dropPrefixedProperly(Map<String, Integer> counts, String prefix) {
    for (String k : new ArrayList<>(counts.keySet())) {
      if (k.startsWith(prefix)) {
        counts.remove(k);
      }
    }
  }

  // Negative: iterating one map's entries while filling another.
  Map<Integer, String> invert(Map<String, Integer> counts) {
    Map<Integer, String> inverse = new HashMap<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      inverse.put(e.getValue(), e.getKey());
    }
    inverse.remove(0);
    return inverse;
  }

  // Negative: clearing the whole map after the value loop ended.
  int sumAndReset(Map<String, Integer> counts) {
    int total = 0;
    for (int v : counts.values()) {
      total += v;
    }
    counts.clear();
    return total;
  }

  // Negative (decision 153): removing through an iterator of a held key-set view writes through
  // the view as well; the view stays valid and is used again afterwards.
  int expireThroughView(Map<String, Long> blocklist, long now) {
    Set<String> keys = blocklist.keySet();
    keys.retainAll(List.of("a", "b"));
    for (Iterator<String> i = keys.iterator(); i.hasNext(); ) {
      String host = i.next();
      if (blocklist.get(host) < now) {
        i.remove();
      }
    }
    return keys.size();
  }

  // Positive: a second iterator over the same view is invalidated by the first one's removal.
  String twoIteratorsOverView(Map<String, Long> blocklist) {
    Set<String> keys = blocklist.keySet();
    Iterator<String> first = keys.iterator();
    Iterator<String> second = keys.iterator();
    first.next();
    first.remove(); // expect: conflicting-borrow
    return second.next();
  }
}
