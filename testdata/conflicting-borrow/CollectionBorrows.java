package cb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** Explicit @Mut / @Borrowed locals of ordinary collections, and @Owned collections (Rust's `&`). */
public class CollectionBorrows {

  // Reading the list while an explicit @Mut borrow of it is used later.
  void readWhileMutBorrowed(List<String> names) {
    @Mut List<String> writer = names;
    int n = names.size(); // expect: conflicting-borrow
    writer.add("n=" + n);
  }

  // Mutating through an explicit @Borrowed local of a list.
  void addThroughSharedLocal(List<String> names) {
    @Borrowed List<String> view = names;
    view.add("x"); // expect: conflicting-borrow
  }

  // Mutating the list while an explicit @Borrowed local of it is read later.
  int addWhileSharedLocal(List<String> names) {
    @Borrowed List<String> view = names;
    names.add("x"); // expect: conflicting-borrow
    return view.size();
  }

  // Putting into the map while an explicit @Mut borrow of it is used later.
  void putWhileMutBorrowed(Map<String, Integer> counts) {
    @Mut Map<String, Integer> writer = counts;
    counts.put("a", 1); // expect: conflicting-borrow
    writer.put("b", 2);
  }

  // An iterator over an @Owned list is a shared borrow of an owner: no write-through (D7).
  void removeThroughOwnedListIterator() {
    @Owned List<String> names = new ArrayList<>(List.of("a", ""));
    Iterator<String> it = names.iterator();
    it.next();
    it.remove(); // expect: conflicting-borrow
  }

  // Negative: the explicit @Mut borrow's last use comes before the read.
  int writeThenRead(List<String> names) {
    @Mut List<String> writer = names;
    writer.add("x");
    writer.remove("y");
    return names.size();
  }

  // Negative: reading through an explicit @Borrowed local while the list is also read.
  int readBoth(List<String> names) {
    @Borrowed List<String> view = names;
    return view.size() + names.size() + view.indexOf("x");
  }

  // Negative: mutating an @Owned list directly after the iterator's last use.
  int countThenAdd() {
    @Owned List<String> names = new ArrayList<>(List.of("a", "b"));
    Iterator<String> it = names.iterator();
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    names.add("n=" + n);
    return names.size();
  }

  // Negative: removeIf directly on an @Owned list.
  int pruneOwned() {
    @Owned List<String> names = new ArrayList<>(List.of("a", ""));
    names.removeIf(String::isEmpty);
    return names.size();
  }

  // Negative: an explicit @Mut borrow of a list handed on to a @Mut parameter, then used again.
  void reborrowList(List<String> names) {
    @Mut List<String> writer = names;
    Lists.append(writer, "x");
    writer.add("y");
  }
}
