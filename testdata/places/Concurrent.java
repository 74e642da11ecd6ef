package places;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fields that hold concurrent collections, declared with an interface type: their iterators
 * tolerate modification (D7), through a field of a local or a getter as through {@code this}
 * (decision 142). Tomcat's {@code AuthConfigFactoryImpl} removes from {@code
 * registration.listeners}, a {@code CopyOnWriteArrayList}, while iterating it.
 */
public class Concurrent {

  interface Listener {
    boolean done();
  }

  static final class Registration {
    final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    Map<String, Integer> getCounts() {
      return counts;
    }
  }

  // Negative: a copy-on-write list, iterated through a field of a local.
  void prune(Registration registration) {
    for (Listener l : registration.listeners) {
      if (l.done()) {
        registration.listeners.remove(l);
      }
    }
  }

  // Negative: a concurrent map, iterated through a getter.
  void dropZeros(Registration registration) {
    for (String k : registration.getCounts().keySet()) {
      if (registration.getCounts().get(k) == 0) {
        registration.getCounts().remove(k);
      }
    }
  }

  // Negative: a copy-on-write list's forEach runs over a snapshot.
  void fire(Registration registration) {
    registration.listeners.forEach(l -> {
      if (l.done()) {
        registration.listeners.remove(l);
      }
    });
  }
}
