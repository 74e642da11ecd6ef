package cb;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A field that only ever holds a weakly consistent collection is one, whatever its declared type
 * (D24, decision 91): every value the file assigns to it is a {@code CopyOnWrite…} allocation (or
 * {@code null}), and the file holds every assignment (the field is private or final).
 */
public class ConcurrentFields {
  private Set<WeakReference<Runnable>> sessions = null;
  private final List<String> listeners = new CopyOnWriteArrayList<>();
  private List<String> pending = new CopyOnWriteArrayList<>();
  private List<String> given;
  private final Set<String> channels = ConcurrentHashMap.newKeySet(2);

  ConcurrentFields(List<String> given, boolean pooled) {
    this.given = given;
    init(pooled);
  }

  private void init(boolean pooled) {
    if (!pooled) {
      this.sessions = new CopyOnWriteArraySet<>();
    }
  }

  // Negative: declared null, assigned a CopyOnWriteArraySet in an init method (mysql's ClientImpl).
  void prune() {
    for (WeakReference<Runnable> ws : this.sessions) {
      if (ws.get() == null) {
        this.sessions.remove(ws);
      }
    }
  }

  // Negative: a final field declared List, initialised with a CopyOnWriteArrayList.
  void dropEmpty() {
    for (String l : listeners) {
      if (l.isEmpty()) {
        listeners.remove(l);
      }
    }
  }

  // Negative: a final field made by ConcurrentHashMap.newKeySet() (armeria's EventLoopMetrics,
  // decision 247).
  void dropClosed() {
    for (String c : channels) {
      if (c.isEmpty()) {
        channels.remove(c);
      }
    }
  }

  // Negative: a local made by the same factory.
  void dropTemporary(List<String> names) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    seen.addAll(names);
    for (String n : seen) {
      if (n.startsWith("tmp")) {
        seen.remove(n);
      }
    }
  }

  // Positive: a set made by another factory is fail-fast.
  void dropTemporaryFromHashSet(List<String> names) {
    Set<String> seen = new java.util.HashSet<>(names);
    for (String n : seen) {
      if (n.startsWith("tmp")) {
        seen.remove(n); // expect: conflicting-borrow
      }
    }
  }

  // Negative: a local read from such a field.
  void dropBlank() {
    List<String> l = this.listeners;
    for (String s : l) {
      if (s.isBlank()) {
        l.remove(s);
      }
    }
  }

  // Positive: `pending` is also given an ArrayList below: it may be fail-fast.
  void flush() {
    for (String p : pending) {
      pending.remove(p); // expect: conflicting-borrow
    }
  }

  void reset() {
    pending = new ArrayList<>();
  }

  // Positive: `given` holds whatever the caller passed.
  void dropGiven() {
    for (String g : given) {
      given.remove(g); // expect: conflicting-borrow
    }
  }

  // Positive: the local is given a fail-fast copy on one path.
  void dropCopied(boolean copy) {
    List<String> l = this.listeners;
    if (copy) {
      l = new ArrayList<>(l);
    }
    for (String s : l) {
      l.remove(s); // expect: conflicting-borrow
    }
  }

  /** A singleton whose field is read through the instance (tomcat's TomcatURLStreamHandlerFactory). */
  static final class Factories {
    private static volatile Factories instance = null;
    private final List<Runnable> userFactories = new CopyOnWriteArrayList<>();

    // Negative: `instance.userFactories` is always a CopyOnWriteArrayList.
    static void release(Runnable r) {
      if (instance == null) {
        return;
      }
      List<Runnable> factories = instance.userFactories;
      for (Runnable f : factories) {
        if (f == r) {
          factories.remove(f);
        }
      }
    }
  }
}
