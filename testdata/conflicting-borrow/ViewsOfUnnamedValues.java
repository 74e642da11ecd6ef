package conflicts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.borrowck4j.annotations.Borrowed;

/**
 * A local holding a view of a value nobody names (a copy a call returned) is the collection to
 * whoever writes through a further view of it (D7, decision 344); an iteration over it still
 * conflicts with a change made meanwhile.
 */
public class ViewsOfUnnamedValues {
  private final TreeMap<Long, String> summaries = new TreeMap<>();

  private synchronized SortedMap<Long, String> copy() {
    return new TreeMap<>(summaries);
  }

  // Berkeley DB JE's DbSpace.print: the copy's range, with the files in progress taken out.
  int printRange(long start, long end, Set<Long> inProgress) {
    SortedMap<Long, String> map = copy().subMap(start, end);
    map.keySet().removeAll(inProgress);
    int n = 0;
    for (Map.Entry<Long, String> e : map.entrySet()) {
      n += e.getValue().length();
    }
    return n;
  }

  // Written through the values view and the key set's iterator.
  void clearHead(long end) {
    SortedMap<Long, String> head = copy().headMap(end);
    head.values().clear();
    Iterator<Long> it = head.keySet().iterator();
    if (it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  // A sublist of a new list, cleared through a sublist of it.
  void clearSublist(int n) {
    List<String> sub = new ArrayList<String>(List.of("a", "b", "c")).subList(0, n);
    sub.subList(0, 1).clear();
  }

  // The nearest bug: the range changed through its key set while a loop iterates it.
  void removeWhileIterating(long start, long end) {
    SortedMap<Long, String> map = copy().subMap(start, end);
    for (Long key : map.keySet()) {
      if (key % 2 == 0) {
        map.keySet().remove(key); // expect: conflicting-borrow
      }
    }
  }

  // Declared a borrow by its author: Rust's `&`, read-only whatever it is a view of.
  void clearDeclaredBorrow(long end) {
    @Borrowed SortedMap<Long, String> head = copy().headMap(end);
    head.keySet().clear(); // expect: conflicting-borrow
  }
}
