package cb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Mutation through a shared borrow (Rust's `&`, E0596) and its negatives. */
public class SharedBorrows {

  // Adding to a list received as a shared borrow.
  void addToBorrowed(@Borrowed List<String> names) {
    names.add("x"); // expect: conflicting-borrow
  }

  // Sorting a list received as a shared borrow.
  void sortBorrowed(@Borrowed List<String> names) {
    names.sort(null); // expect: conflicting-borrow
  }

  // merge on a map received as a shared borrow.
  void countInto(@Borrowed Map<String, Integer> counts, String word) {
    counts.merge(word, 1, Integer::sum); // expect: conflicting-borrow
  }

  // A @Mut method of a user type called on a @Borrowed parameter.
  void writeToBorrowed(@Borrowed Buffer buf) {
    buf.write(1); // expect: conflicting-borrow
  }

  // Assigning a field of a @Borrowed parameter.
  void resetBorrowed(@Borrowed Buffer buf) {
    buf.limit = 0; // expect: conflicting-borrow
  }

  // A @Mut call through an explicit @Borrowed local.
  void writeThroughLocal(Buffer buf) {
    @Borrowed Buffer view = buf;
    view.write(1); // expect: conflicting-borrow
  }

  // A @Mut call on the result of a user method declared @Borrowed.
  void fillSlice(Buffer buf) {
    Slice s = buf.slice(0, 4);
    s.fill(0); // expect: conflicting-borrow
  }

  // An iterator from a user @Borrowed method is a shared borrow: no write-through (D7).
  void dropFirstRegistered(Registry registry) {
    Iterator<String> it = registry.names();
    if (it.hasNext()) {
      it.next();
      it.remove(); // expect: conflicting-borrow
    }
  }

  // A list view from a user @Borrowed method is a shared borrow.
  void clearView(Registry registry) {
    List<String> view = registry.view();
    view.clear(); // expect: conflicting-borrow
  }

  // removeIf on a @Borrowed parameter.
  void pruneBorrowed(@Borrowed List<String> names) {
    names.removeIf(String::isEmpty); // expect: conflicting-borrow
  }

  // An iterator derived from a @Borrowed parameter cannot write through it.
  void dropFirstOfBorrowed(@Borrowed List<String> names) {
    Iterator<String> it = names.iterator();
    it.next();
    it.remove(); // expect: conflicting-borrow
  }

  // Negative: reading through a shared borrow.
  int totalLength(@Borrowed List<String> names) {
    int total = 0;
    for (String n : names) {
      total += n.length();
    }
    return total + names.size() + names.indexOf("x");
  }

  // Negative: reading a user type through a shared borrow.
  int firstOrSize(@Borrowed Buffer buf) {
    return buf.size() > 0 ? buf.get(0) : buf.limit;
  }

  // Negative: mutating through a @Mut parameter.
  void addToMut(@Mut List<String> names) {
    names.add("x");
    names.removeIf(String::isEmpty);
  }

  // Negative: an unannotated parameter is not a shared borrow (D3).
  void addToPlain(List<String> names) {
    names.add("x");
  }

  // Negative: a copy of a shared borrow is the caller's own list.
  List<String> withExtra(@Borrowed List<String> names) {
    List<String> mine = new ArrayList<>(names);
    mine.add("extra");
    return mine;
  }

  // Negative: the unannotated snapshot() returns a fresh list, not a borrow.
  List<String> snapshotPlusOne(Registry registry) {
    List<String> names = registry.snapshot();
    names.add("one");
    return names;
  }

  // Negative: reading through a user @Borrowed result, then mutating the registry after its last use.
  int countThenRegister(Registry registry) {
    Iterator<String> it = registry.names();
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    registry.register("n" + n);
    return n;
  }

  // Registering while iterating the registry's @Borrowed view: a mutation of the registry while it is borrowed.
  void registerUpperCase(Registry registry) {
    for (String n : registry.view()) {
      registry.register(n.toUpperCase()); // expect: conflicting-borrow
    }
  }

  // Negative: iterating the unannotated snapshot() while registering.
  void registerUpperCaseFromSnapshot(Registry registry) {
    for (String n : registry.snapshot()) {
      registry.register(n.toUpperCase());
    }
  }

  // Negative: iterating one registry's view while registering into another.
  void copyInto(Registry from, Registry to) {
    for (String n : from.view()) {
      to.register(n);
    }
  }

  // A shared borrow handed to a @Mut parameter (E0596).
  void touch(@Borrowed Grid g) {
    Grids.normalize(g); // expect: conflicting-borrow
  }

  // The result of a user @Borrowed method handed to a @Mut parameter.
  void touchOverlay(Grid g) {
    Grids.normalize(g.overlay()); // expect: conflicting-borrow
  }

  // Negative: a @Mut parameter may be handed on as @Mut.
  void touchMut(@Mut Grid g) {
    Grids.normalize(g);
  }

  // Negative: a copy of the shared borrow is the method's own.
  int touchCopy(@Borrowed Grid g) {
    Grid mine = g.copy();
    Grids.normalize(mine);
    return Grids.sum(g) + Grids.sum(mine);
  }

  // Negative: an unannotated parameter is not a shared borrow (D3).
  void touchPlain(Grid g) {
    Grids.normalize(g);
  }
}
