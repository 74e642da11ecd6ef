package cb;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A map's views are backed by the map (`@LiveView`, decision 278): `keySet()`, `values()`,
 * `entrySet()` and a sorted or navigable map's `subMap`/`headMap`/`tailMap`/`descendingMap`/
 * `navigableKeySet`/`descendingKeySet` reflect the map's changes and stay valid across them. Only
 * an iteration over a view fails fast when the map is changed structurally while it goes on (D7).
 * `List.subList` is no such view: its semantics become undefined when the list is changed
 * otherwise than through it.
 */
public class LiveViews {

  // Negative (SpotBugs ProjectPackagePrefixes:178): the key set is held across the outer loop;
  // each iteration over it ends before the map is changed.
  static void prefixes(Map<String, Integer> count) {
    Set<String> packages = count.keySet();
    for (int j = 0; j < 3; j++) {
      Set<String> extra = new HashSet<>();
      for (String p1 : packages) {
        if (count.get(p1) < 3) {
          extra.add(p1 + "x");
        }
      }
      for (String p1 : extra) {
        count.put(p1, 0);
      }
    }
  }

  // Positive, side by side: the same held key set, but the map is changed inside the iteration
  // over it.
  static void prefixesInside(Map<String, Integer> count) {
    Set<String> packages = count.keySet();
    for (int j = 0; j < 3; j++) {
      for (String p1 : packages) {
        if (count.get(p1) < 3) {
          count.put(p1 + "x", 0); // expect: conflicting-borrow
        }
      }
    }
  }

  // Negative (SpotBugs ValueRangeAnalysisFactory:281): a head map taken before a removal from the
  // map, and read after it.
  static long add(TreeMap<Long, Long> map, long end) {
    SortedMap<Long, Long> headMap = map.headMap(end + 1);
    Long tailEnd = map.remove(end + 1);
    if (tailEnd != null) {
      end = tailEnd;
    }
    if (!headMap.isEmpty()) {
      end = Math.max(end, headMap.get(headMap.lastKey()));
    }
    return end;
  }

  // Negative: the held values view's size after a put.
  static int valuesAfterPut(Map<String, Integer> counts) {
    java.util.Collection<Integer> values = counts.values();
    counts.put("extra", 1);
    return values.size();
  }

  // Negative: contains on a held key set after a removal.
  static boolean containsAfterRemove(Map<String, Integer> counts, String key) {
    Set<String> keys = counts.keySet();
    counts.remove("old");
    return keys.contains(key);
  }

  // Negative: isEmpty on a held entry set after a clear.
  static boolean emptyAfterClear(Map<String, Integer> counts) {
    Set<Map.Entry<String, Integer>> entries = counts.entrySet();
    counts.clear();
    return entries.isEmpty();
  }

  // Negative: a tail map and a descending key set of a navigable map, read after puts.
  static Long firstAfter(NavigableMap<Long, Long> map, long from) {
    SortedMap<Long, Long> tail = map.tailMap(from);
    NavigableSet<Long> down = map.descendingKeySet();
    map.put(from, 0L);
    map.pollFirstEntry();
    return tail.isEmpty() ? down.first() : tail.firstKey();
  }

  // Negative: a removal through the held view while no iterator over it is live (write-through,
  // decision 18), then a change of the map, then the view read again.
  static int removeThroughView(Map<String, Integer> counts, String gone) {
    Set<String> keys = counts.keySet();
    keys.remove(gone);
    counts.put(gone + "'", 0);
    return keys.size();
  }

  // Negative: removeIf on a temporary key set (write-through, decision 18).
  static void dropEmpty(Map<String, Integer> counts) {
    counts.keySet().removeIf(String::isEmpty);
    counts.put("", 0);
  }

  // Positive: a for-each over the map's key set that puts into the map.
  static void putWhileIterating(Map<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.put(k + "'", 0); // expect: conflicting-borrow
    }
  }

  // Positive: a for-each over a held key set that removes from the map.
  static void removeWhileIteratingHeld(Map<String, Integer> counts) {
    Set<String> ks = counts.keySet();
    for (String k : ks) {
      counts.remove(k); // expect: conflicting-borrow
    }
  }

  // Positive: an iterator over a held key set, the map changed, the iterator used again.
  static String iteratorAcrossPut(Map<String, Integer> counts) {
    Set<String> ks = counts.keySet();
    Iterator<String> it = ks.iterator();
    counts.put("x", 1); // expect: conflicting-borrow
    return it.next();
  }

  // Positive: a for-each over the entry set that removes from the map.
  static void removeWhileIteratingEntries(Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() == 0) {
        counts.remove(e.getKey() + "'"); // expect: conflicting-borrow
      }
    }
  }

  // Positive: a for-each over a held head map's key set that puts into the map.
  static void putWhileIteratingHead(NavigableMap<Long, Long> map, long end) {
    SortedMap<Long, Long> head = map.headMap(end);
    for (Long k : head.keySet()) {
      map.put(k + end, k); // expect: conflicting-borrow
    }
  }

  // Positive: a sub-list is no live view; a structural change of its list invalidates it.
  static int subListAfterAdd(List<String> list, String x) {
    List<String> s = list.subList(0, 2);
    list.add(x); // expect: conflicting-borrow
    return s.size();
  }
}
