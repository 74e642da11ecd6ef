package cb;

import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/**
 * A local boolean flag that keeps a loan from being used again once its owner changed (decision
 * 92): where the change happens the flag has a value under which the loan is never used later.
 */
public class CorrelatedFlags {
  private final List<String> rawFields = new java.util.ArrayList<>();

  // Negative: jetty's CookieCache. Once `building` is true it stays true, and `raw` is used only
  // while it is false: none of the adds is followed by a use of `raw`.
  boolean parse(List<String> headers) {
    boolean building = false;
    ListIterator<String> raw = rawFields.listIterator();
    for (String value : headers) {
      if (value.isBlank()) {
        continue;
      }
      if (building) {
        rawFields.add(value);
        continue;
      }
      if (!raw.hasNext()) {
        building = true;
        rawFields.add(value);
        continue;
      }
      if (value.equals(raw.next())) {
        continue;
      }
      building = true;
      raw.remove();
      while (raw.hasNext()) {
        raw.next();
        raw.remove();
      }
      rawFields.add(value);
    }
    if (!building && raw.hasNext()) {
      building = true;
      while (raw.hasNext()) {
        raw.next();
        raw.remove();
      }
    }
    return building;
  }

  // Positive: the same, but a blank header starts the comparison again: `raw` may be used after
  // an add.
  void parseAgain(List<String> headers) {
    boolean building = false;
    ListIterator<String> raw = rawFields.listIterator();
    for (String value : headers) {
      if (value.isBlank()) {
        building = false;
        continue;
      }
      if (building) {
        rawFields.add(value); // expect: conflicting-borrow
        continue;
      }
      if (raw.hasNext() && !value.equals(raw.next())) {
        building = true;
      }
    }
  }

  // Negative: the flag is tested twice, never assigned again: the iterator is used only when the
  // list was not changed.
  int rebuildOrCount(List<String> names, boolean rebuild) {
    boolean changed = rebuild && names.size() > 1;
    Iterator<String> it = names.iterator();
    if (changed) {
      names.add("rebuilt");
    }
    int n = 0;
    if (!changed) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  // Positive: the iterator is used when the flag has the value it had at the change.
  int countAfterChange(List<String> names, boolean rebuild) {
    boolean changed = rebuild && names.size() > 1;
    Iterator<String> it = names.iterator();
    if (changed) {
      names.add("rebuilt"); // expect: conflicting-borrow
    }
    int n = 0;
    if (changed) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  // Positive: `found |= …` gives the flag a value no literal says: the loop under `if (found)`
  // is reached.
  void dropIfAnyEmpty(List<String> names) {
    boolean found = false;
    for (String s : names) {
      found |= s.isEmpty();
    }
    if (found) {
      for (String s : names) {
        names.remove(s); // expect: conflicting-borrow
      }
    }
  }
}
