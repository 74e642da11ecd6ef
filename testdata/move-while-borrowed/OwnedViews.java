package mwb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/** Owned regions, messages and lists moved or closed while something borrowed from them is used later. */
public class OwnedViews {
  private final Sink sink;

  public OwnedViews(Sink sink) {
    this.sink = sink;
  }

  // Closing the region while a segment allocated from it is read afterwards.
  int closeThenRead() {
    Region r = new Region();
    Segment seg = r.allocate(8);
    r.close(); // expect: move-while-borrowed
    return seg.get(0);
  }

  // Moving the region into another variable while a segment of it is written afterwards.
  void moveByAssignment() {
    Region r = new Region();
    Segment seg = r.allocate(8);
    Region other = r; // expect: move-while-borrowed
    seg.set(0, 1);
    other.close();
  }

  // Handing the region to an @Owned parameter while a segment of it is read afterwards.
  int adoptThenRead() {
    Region r = new Region();
    Segment seg = r.allocate(4);
    sink.adopt(r); // expect: move-while-borrowed
    return seg.size();
  }

  // Sending an @Owned message parameter while its borrowed header is read afterwards.
  String sendThenReadHeader(@Owned Message msg) {
    Header h = msg.header();
    sink.send(msg); // expect: move-while-borrowed
    return h.get("id");
  }

  // Moving the region while an explicit @Borrowed local of it is read afterwards.
  int adoptUnderSharedBorrow() {
    Region r = new Region();
    @Borrowed Region view = r;
    sink.adopt(r); // expect: move-while-borrowed
    return view.size();
  }

  // Closing the region inside a for-each over it: the loop goes on to the next segment.
  int closeInsideLoop(Region r) {
    int total = 0;
    for (Segment s : r) {
      if (s.size() == 0) {
        r.close(); // expect: move-while-borrowed
      }
      total += s.size();
    }
    return total;
  }

  // Closing an unannotated region parameter while a segment of it is read afterwards (D16).
  int closeParameter(Region r) {
    Segment seg = r.allocate(2);
    r.close(); // expect: move-while-borrowed
    return seg.get(1);
  }

  // Closing on one path; the segment is read after the branches join.
  int closeOnOnePath(boolean early) {
    Region r = new Region();
    Segment seg = r.allocate(2);
    if (early) {
      r.close(); // expect: move-while-borrowed
    }
    int v = seg.get(0);
    r.close();
    return v;
  }

  // Moving an @Owned list while an iterator over it is used afterwards.
  String storeThenIterate() {
    @Owned List<String> names = new ArrayList<>(List.of("a", "b"));
    Iterator<String> it = names.iterator();
    sink.store(names); // expect: move-while-borrowed
    return it.next();
  }

  // Moving the region while a held iterator over it is used afterwards.
  int adoptUnderIterator() {
    Region r = new Region();
    r.allocate(1);
    Iterator<Segment> it = r.iterator();
    Segment first = it.next();
    sink.adopt(r); // expect: move-while-borrowed
    return first.size() + (it.hasNext() ? 1 : 0);
  }

  // Negative: closed after the segment's last use.
  int readThenClose() {
    Region r = new Region();
    Segment seg = r.allocate(8);
    seg.set(0, 42);
    int v = seg.get(0);
    r.close();
    return v;
  }

  // Negative: closing inside the for-each, then leaving the loop at once.
  int closeAtFirstEmpty(Region r) {
    int seen = 0;
    for (Segment s : r) {
      if (s.size() == 0) {
        r.close();
        break;
      }
      seen++;
    }
    return seen;
  }

  // Negative: the header value is copied out before the message is sent.
  String sendAfterCopyingId(@Owned Message msg) {
    Header h = msg.header();
    String id = h.get("id");
    sink.send(msg);
    return id;
  }

  // Negative: returning the region after the segment's last use.
  Region prepared() {
    Region r = new Region();
    Segment seg = r.allocate(16);
    seg.set(0, 1);
    return r;
  }

  // Negative: moved in one branch, the segment used (and the region closed) in the other.
  void adoptOrFill(boolean handOff) {
    Region r = new Region();
    Segment seg = r.allocate(4);
    if (handOff) {
      sink.adopt(r);
    } else {
      seg.set(0, 7);
      r.close();
    }
  }

  // Sending a new message while its header is read afterwards.
  String sendNewThenReadHeader(String id) {
    Message msg = new Message(id, "body");
    Header h = msg.header();
    sink.send(msg); // expect: move-while-borrowed
    return h.get("id");
  }

  // D4: an unannotated parameter of an owned type is moved by an @Owned parameter all the same.
  String sendParameterThenReadHeader(Message msg) {
    Header h = msg.header();
    sink.send(msg); // expect: move-while-borrowed
    return h.get("id");
  }

  // Negative: the header read before the parameter is handed on.
  String readHeaderThenSendParameter(Message msg) {
    Header h = msg.header();
    String id = h.get("id");
    sink.send(msg);
    return id;
  }

  // Negative: moved into another variable after the segment's last use.
  void moveAfterUse() {
    Region r = new Region();
    Segment seg = r.allocate(8);
    seg.set(0, 1);
    Region other = r;
    other.close();
  }

  // Negative: passing the region to a @Borrowed parameter while a segment is live is no move.
  int inspectWhileAllocated() {
    Region r = new Region();
    Segment seg = r.allocate(8);
    sink.inspect(r);
    int v = seg.get(0);
    r.close();
    return v;
  }

  // Negative: re-assigning the segment holder from another region ends the loan on the first.
  int reassignSegment() {
    Region a = new Region();
    Region b = new Region();
    Segment seg = a.allocate(1);
    int x = seg.get(0);
    seg = b.allocate(1);
    a.close();
    int y = seg.get(0);
    b.close();
    return x + y;
  }

  // Negative: the @Owned list is stored after the iteration over it finished.
  int storeAfterIterating() {
    @Owned List<String> names = new ArrayList<>(List.of("a", "b"));
    int total = 0;
    for (String n : names) {
      total += n.length();
    }
    sink.store(names);
    return total;
  }
}
