package cb;

import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;

/** ListIterators over unannotated lists: they may add and remove through themselves (D7). */
public class ListIterators {

  // Adding through a ListIterator inside a for-each over the same list.
  void doubleEach(List<String> items) {
    ListIterator<String> li = items.listIterator();
    for (String s : items) {
      li.next();
      li.add(s); // expect: conflicting-borrow
    }
  }

  // Two list iterators: removing through one while the other is used later.
  String removeFrontReadBack(List<String> items) {
    ListIterator<String> front = items.listIterator();
    ListIterator<String> back = items.listIterator(items.size());
    front.next();
    front.remove(); // expect: conflicting-borrow
    return back.hasPrevious() ? back.previous() : "";
  }

  // Adding directly to the list while a list iterator over it is still walking.
  void insertAfterEach(LinkedList<String> items) {
    ListIterator<String> li = items.listIterator();
    while (li.hasNext()) {
      String s = li.next();
      items.addLast(s + "!"); // expect: conflicting-borrow
    }
  }

  // Removing by index while walking backwards with a list iterator.
  void dropTrailingBlanks(List<String> items) {
    ListIterator<String> li = items.listIterator(items.size());
    while (li.hasPrevious()) {
      if (li.previous().isBlank()) {
        items.remove(li.nextIndex()); // expect: conflicting-borrow
      }
    }
  }

  // Negative: remove, set and add through the list iterator itself.
  void normalise(List<String> items) {
    ListIterator<String> li = items.listIterator();
    while (li.hasNext()) {
      String s = li.next();
      if (s.isEmpty()) {
        li.remove();
      } else if (s.contains(",")) {
        String[] parts = s.split(",", 2);
        li.set(parts[0]);
        li.add(parts[1]);
      }
    }
  }

  // Negative: walking backwards and removing through the iterator.
  void dropTrailingBlanksProperly(List<String> items) {
    ListIterator<String> li = items.listIterator(items.size());
    while (li.hasPrevious()) {
      if (li.previous().isBlank()) {
        li.remove();
      }
    }
  }

  // Negative: List.set while a list iterator is live is not a structural modification.
  void upperCaseInPlace(List<String> items) {
    ListIterator<String> li = items.listIterator();
    while (li.hasNext()) {
      int i = li.nextIndex();
      items.set(i, li.next().toUpperCase());
    }
  }

  // Negative: the list is modified only after the list iterator's last use.
  int countThenAppend(List<String> items) {
    ListIterator<String> li = items.listIterator();
    int n = 0;
    while (li.hasNext()) {
      li.next();
      n++;
    }
    items.add(0, "count=" + n);
    return n;
  }
}
