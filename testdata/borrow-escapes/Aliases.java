package escapes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/**
 * Lent references escaping through a call's result or an alias (E0521): an element of a field's
 * map, a local copy of the borrow, a local naming a field's collection, `Outer.this`.
 */
public class Aliases {
  private final Map<String, List<Packet>> byKey = new HashMap<>();
  private final List<Packet> backlog = new ArrayList<>();
  private Packet last;

  // Added to the list a field's map holds for the key.
  void file(String k, @Borrowed Packet b) {
    this.byKey.get(k).add(b); // expect: borrow-escapes
  }

  // The same through computeIfAbsent, on the field named without `this`.
  void fileNew(String k, @Borrowed Packet b) {
    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(b); // expect: borrow-escapes
  }

  // Into the caller's map: it outlives the call.
  void fileInto(Map<String, List<Packet>> map, String k, @Borrowed Packet b) {
    map.computeIfAbsent(k, x -> new ArrayList<>()).add(b); // expect: borrow-escapes
  }

  // Negative: into a map the method made; what it holds dies with it (D14).
  int fileLocally(List<String> keys, @Borrowed Packet b) {
    Map<String, List<Packet>> local = new HashMap<>();
    for (String k : keys) {
      local.computeIfAbsent(k, x -> new ArrayList<>()).add(b);
    }
    return local.size();
  }

  // Negative: a value the method owns is the field's to keep.
  void fileOwned(String k, @Owned Packet p) {
    this.byKey.get(k).add(p);
  }

  // A local copy of the borrow, stored in a field.
  void keepCopy(@Borrowed Packet b) {
    Packet local = b;
    this.last = local; // expect: borrow-escapes
  }

  // Negative: a packet the method made, stored in a field.
  void keepFresh(@Borrowed Packet b) {
    Packet local = new Packet();
    local.append((byte) b.length());
    this.last = local;
  }

  // A local naming the field's list: adding to it adds to the field.
  void queue(@Borrowed Packet b) {
    List<Packet> l = this.backlog;
    l.add(b); // expect: borrow-escapes
  }

  // Negative: a local list the method made.
  int queueLocally(@Borrowed Packet b) {
    List<Packet> l = new ArrayList<>();
    l.add(b);
    return l.size();
  }

  class Listener {
    // The outer instance's field, spelled `Aliases.this.backlog`.
    void onPacket(@Borrowed Packet b) {
      Aliases.this.backlog.add(b); // expect: borrow-escapes
    }

    // Negative: only the length is kept.
    void onLength(@Borrowed Packet b) {
      Aliases.this.backlog.add(new Packet());
      Aliases.this.last = null;
      b.length();
    }
  }
}
