package models;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** java.util collections: ordinary, correct use; nothing here is a use after move or a borrow conflict. */
public class CollectionsUsage {

  // Negative: adding after the loop over the same list has ended.
  List<String> withTotal(List<String> lines) {
    List<String> out = new ArrayList<>();
    int total = 0;
    for (String l : lines) {
      out.add(l.trim());
      total += l.length();
    }
    out.add("total " + total);
    return out;
  }

  // Negative: removing through the iterator (write-through, D7), then adding after the loop.
  void dropBlank(List<String> items) {
    Iterator<String> it = items.iterator();
    while (it.hasNext()) {
      if (it.next().isBlank()) {
        it.remove();
      }
    }
    items.add("end");
  }

  // Negative: a ListIterator that removes, sets and adds through itself.
  void normalise(List<String> items) {
    ListIterator<String> it = items.listIterator();
    while (it.hasNext()) {
      String s = it.next();
      if (s.isEmpty()) {
        it.remove();
      } else if (s.contains(",")) {
        String[] parts = s.split(",", 2);
        it.set(parts[0]);
        it.add(parts[1]);
      } else {
        it.set(s.trim());
      }
    }
  }

  // Negative: List.set() is not a structural modification (D7).
  void trimInPlace(List<String> names) {
    int i = 0;
    for (String n : names) {
      names.set(i++, n.trim());
    }
  }

  // Negative: remove then break; the iterator is never used after the removal (non-lexical lifetimes).
  boolean removeFirstMatch(List<String> users, String prefix) {
    for (String u : users) {
      if (u.startsWith(prefix)) {
        users.remove(u);
        return true;
      }
    }
    return false;
  }

  // Negative: map counting with merge, then iterating entries and updating values through them.
  Map<String, Integer> wordCounts(List<String> words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      counts.merge(w, 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      e.setValue(e.getValue() * 10);
    }
    counts.put("", 0);
    return counts;
  }

  // Negative: removeIf on a view, computeIfAbsent, and views written through (D7).
  void prune(Map<String, List<Integer>> index, NavigableMap<Integer, String> byTime, int cutoff) {
    index.keySet().removeIf(String::isEmpty);
    index.computeIfAbsent("default", k -> new ArrayList<>()).add(0);
    byTime.headMap(cutoff).clear();
    while (!byTime.isEmpty() && byTime.firstKey() < cutoff + 10) {
      byTime.pollFirstEntry();
    }
  }

  // Negative: a Deque used as a work stack: push and pop without a live iterator.
  List<Integer> depthFirst(Map<Integer, List<Integer>> graph, int start) {
    List<Integer> order = new ArrayList<>();
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(start);
    while (!stack.isEmpty()) {
      int node = stack.pop();
      if (order.contains(node)) {
        continue;
      }
      order.add(node);
      for (int next : graph.getOrDefault(node, List.of())) {
        stack.push(next);
      }
    }
    return order;
  }

  // Negative: sub-list cleared through itself, then the list used (two-phase borrow in add).
  void truncate(List<Integer> values, int keep) {
    if (values.size() > keep) {
      values.subList(keep, values.size()).clear();
    }
    values.add(values.size());
    values.sort(null);
  }

  // Negative: a stream over a list finished before the list is modified.
  List<String> appendUpperCase(List<String> names) {
    List<String> upper = names.stream().map(String::toUpperCase).toList();
    names.addAll(upper);
    return names;
  }

  // Negative: concurrent collections have weakly consistent iterators (D7).
  void concurrent(CopyOnWriteArrayList<String> listeners, ConcurrentHashMap<String, Long> sessions, long now) {
    for (String l : listeners) {
      if (l.isEmpty()) {
        listeners.remove(l);
      }
    }
    for (String id : sessions.keySet()) {
      if (sessions.get(id) < now) {
        sessions.remove(id);
      }
    }
  }

  // Negative: a TreeMap rebuilt from another map's entries.
  TreeMap<String, Integer> sortedCopy(Map<String, Integer> source) {
    TreeMap<String, Integer> sorted = new TreeMap<>();
    for (Map.Entry<String, Integer> e : source.entrySet()) {
      sorted.put(e.getKey(), e.getValue());
    }
    sorted.remove("");
    return sorted;
  }
}
