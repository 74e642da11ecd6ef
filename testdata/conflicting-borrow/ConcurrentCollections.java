package cb;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** Concurrent collections are weakly consistent: no borrow findings for them (D7). */
public class ConcurrentCollections {

  // Negative: removing from a CopyOnWriteArrayList inside a for-each over it.
  void dropListeners(CopyOnWriteArrayList<String> listeners) {
    for (String l : listeners) {
      if (l.isEmpty()) {
        listeners.remove(l);
      }
    }
  }

  // Negative: removing from a ConcurrentHashMap while iterating its key set.
  void expire(ConcurrentHashMap<String, Long> sessions, long now) {
    for (String id : sessions.keySet()) {
      if (sessions.get(id) < now) {
        sessions.remove(id);
      }
    }
  }

  // Negative: a held iterator over a concurrent deque while pushing to it.
  int scanAndPush(ConcurrentLinkedDeque<Integer> work) {
    Iterator<Integer> it = work.iterator();
    work.push(0);
    int total = 0;
    while (it.hasNext()) {
      total += it.next();
    }
    return total;
  }

  // Negative: declared as the ConcurrentMap interface.
  void bump(ConcurrentMap<String, Integer> counts) {
    for (String k : counts.keySet()) {
      counts.merge(k, 1, Integer::sum);
    }
  }

  // Negative: removing from a blocking queue while iterating it.
  void dropBlank(LinkedBlockingQueue<String> queue) {
    for (String s : queue) {
      if (s.isBlank()) {
        queue.remove(s);
      }
    }
  }

  private final ConcurrentHashMap<String, Integer> backing = new ConcurrentHashMap<>();

  // Negative (HiveMQ's in-memory persistence): the concurrent map's key set, held in a local, is
  // pruned while iterated; its iterator is weakly consistent (decision 331).
  void deleteClient(String client) {
    final java.util.Set<String> keys = backing.keySet();
    for (final String key : keys) {
      if (key.startsWith(client)) {
        keys.remove(key);
      }
    }
  }

  // The same over an ordinary map's key set fails fast.
  void deleteClient(java.util.HashMap<String, Integer> ordinary, String client) {
    java.util.Set<String> keys = ordinary.keySet();
    for (String key : keys) {
      if (key.startsWith(client)) {
        keys.remove(key); // expect: conflicting-borrow
      }
    }
  }
}
