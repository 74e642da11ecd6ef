package escapes;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Lent references stored where they outlive the call: fields, statics, arrays, collections. */
public class Stores {
  private static Packet lastSeen;
  private static final Packet[] RECENT = new Packet[8];

  private Packet current;
  private Window window;
  private ByteBuf header;
  private Iterator<String> cursor;
  private Stores peer;
  private final List<Packet> backlog = new ArrayList<>();
  private final Map<String, Packet> byId = new HashMap<>();
  private final Deque<Window> windows = new ArrayDeque<>();

  // Stored in a field through `this`.
  void keepThis(@Borrowed Packet p) {
    this.current = p; // expect: borrow-escapes
  }

  // Stored in a field by its simple name.
  void keepSimple(@Borrowed Packet p) {
    current = p; // expect: borrow-escapes
  }

  // Stored in another object's field.
  void keepInPeer(@Borrowed Packet p) {
    peer.current = p; // expect: borrow-escapes
  }

  // Stored in a static field.
  void keepStatic(@Borrowed Packet p) {
    lastSeen = p; // expect: borrow-escapes
  }

  // Stored in an element of a static array.
  void keepInArray(@Borrowed Packet p, int slot) {
    RECENT[slot % RECENT.length] = p; // expect: borrow-escapes
  }

  // Stored in an element of an array the caller passed in.
  void keepInParameterArray(@Borrowed Packet p, Packet[] out) {
    out[0] = p; // expect: borrow-escapes
  }

  // A @Mut parameter stored in a field.
  void keepMutable(@Mut Packet p) {
    p.append((byte) 0);
    current = p; // expect: borrow-escapes
  }

  // A view derived from a lent packet stored in a field.
  void keepPayload(@Borrowed Packet p) {
    Window w = p.payload();
    this.window = w; // expect: borrow-escapes
  }

  // A slice of a lent buffer stored in a field.
  void keepSlice(@Borrowed ByteBuf buf) {
    header = buf.slice(0, 4); // expect: borrow-escapes
  }

  // The iterator of a lent list stored in a field.
  void keepIterator(@Borrowed List<String> names) {
    this.cursor = names.iterator(); // expect: borrow-escapes
  }

  // An explicit borrow local initialised from a lent parameter, stored in a static.
  void keepAlias(@Borrowed Packet p) {
    @Borrowed Packet alias = p;
    lastSeen = alias; // expect: borrow-escapes
  }

  // Added to a field's list.
  void queueForLater(@Borrowed Packet p) {
    backlog.add(p); // expect: borrow-escapes
  }

  // Put into a field's map, the argument on its own line.
  void index(String id, @Borrowed Packet p) {
    byId.put(
        id,
        p); // expect: borrow-escapes
  }

  // Pushed onto a field's deque.
  void pushPayload(@Borrowed Packet p) {
    windows.push(p.payload()); // expect: borrow-escapes
  }

  // Offered to a collection the caller passed in.
  void handOff(@Borrowed Packet p, Deque<Packet> outbox) {
    outbox.offer(p); // expect: borrow-escapes
  }

  // Returned from a method not declared @Borrowed.
  Packet echo(@Borrowed Packet p) {
    return p; // expect: borrow-escapes
  }

  // A derived view returned from a method not declared @Borrowed.
  Window payloadOf(@Borrowed Packet p) {
    return p.payload(); // expect: borrow-escapes
  }

  // A slice of a lent buffer returned through a local.
  ByteBuf tail(@Borrowed ByteBuf buf) {
    ByteBuf rest = buf.slice(4, buf.readableBytes() - 4);
    return rest; // expect: borrow-escapes
  }

  // Negative: the lent packet is used and not kept.
  int measure(@Borrowed Packet p) {
    return p.length() + p.payload().size();
  }

  // Negative: a lent packet put into a LOCAL collection (D14).
  int countDistinct(@Borrowed Packet a, @Borrowed Packet b) {
    List<Packet> local = new ArrayList<>();
    local.add(a);
    local.add(b);
    return local.size();
  }

  // Negative: lent values put into a local map and a local deque.
  int localIndex(@Borrowed Packet p, @Borrowed ByteBuf buf) {
    Map<String, Packet> local = new HashMap<>();
    local.put("p", p);
    Deque<ByteBuf> pending = new ArrayDeque<>();
    pending.push(buf.slice());
    return local.size() + pending.size();
  }

  // Negative: only values computed from the borrow are kept.
  void keepLength(@Borrowed Packet p) {
    this.counter = p.length();
    this.label = "packet of " + p.length();
  }

  // Negative: an unannotated parameter is not checked (D3).
  void keepUnannotated(Packet p) {
    this.current = p;
    backlog.add(p);
  }

  // Negative: a lent packet passed on to another @Borrowed parameter.
  int forward(@Borrowed Packet p) {
    return measure(p);
  }

  // Negative: the field is read, not written, with the borrow.
  boolean sameAsCurrent(@Borrowed Packet p) {
    return current == p;
  }

  // Negative: elements read from a lent list are not borrows of it.
  void keepElements(@Borrowed List<String> names) {
    for (String name : names) {
      this.lastName = name;
    }
    this.firstName = names.get(0);
  }

  private String lastName;
  private String firstName;
  private int counter;
  private String label;
}
