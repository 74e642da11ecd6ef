package cb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list may hold itself as an element and a map itself as a value (their javadoc permits both):
 * `add` and `put` store the reference without reading the object (`@StoredUnread`, decision 286),
 * so the receiver given to itself there borrows nothing across the change. Reading the receiver
 * while changing it is still a conflict (decision 80): `addAll` of itself, a map as its own key, a
 * set as its own element (both hashed), a view of the list stored in it. `removeAll` and
 * `retainAll` of itself are documented (decision 320); of a view, not.
 */
public class SelfElements {

  // Negative (fastjson2 JSONReaderJSONB:429): a "$ref": ".." resolved to the enclosing array.
  static List<Object> readArray(String[] refs) {
    List<Object> list = new ArrayList<>(refs.length);
    for (String ref : refs) {
      if ("..".equals(ref)) {
        list.add(list);
      } else {
        list.add(ref);
      }
    }
    return list;
  }

  // Positive, side by side: adding every element of itself reads the list while it grows
  // (`Collection.addAll`: "undefined if the specified collection is this collection").
  static List<Object> doubled(List<Object> list) {
    list.addAll(list); // expect: conflicting-borrow
    return list;
  }

  // Negative (fastjson2 ObjectReaderImplMap:371): the enclosing object as a value of its own.
  static Map<String, Object> readObject(String[] names, String[] refs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], "..".equals(refs[i]) ? refs[i] : map);
      if ("..".equals(refs[i])) {
        map.put(names[i], map);
      }
    }
    return map;
  }

  // Positive, side by side: a map as its own key is hashed while it changes (`Map`: "it is not
  // permissible for a map to contain itself as a key").
  static void selfKey(Map<Object, Object> map) {
    map.put(map, "self"); // expect: conflicting-borrow
  }

  // Negative: inserted at an index, or through a cast, it is still only a reference stored.
  static void atFront(List<Object> list) {
    list.add(0, list);
    list.add((Object) list);
  }

  // Positive: a collection of unknown kind may be a set, whose element is hashed.
  static void selfElement(Collection<Object> items) {
    items.add(items); // expect: conflicting-borrow
  }

  // Positive: a view of the list stored in it is read later, after the change it made itself.
  static void keepsView(List<Object> list) {
    List<Object> head = list.subList(0, 1);
    list.add(head); // expect: conflicting-borrow
  }

  // Negative (Jython's ListTest): removing or retaining every element of itself is what the
  // collection documents (it empties it, or keeps it: `@MayBeReceiver`, decision 320).
  static boolean emptied(List<Object> list) {
    return list.removeAll(list) | list.retainAll(list);
  }

  // Positive, side by side: a view of the list is read while the list compacts under it
  // (`ArrayList.removeAll` moves the kept elements down as it goes).
  static boolean headRemoved(List<Object> list) {
    return list.removeAll(list.subList(0, 1)); // expect: conflicting-borrow
  }

  static Set<Object> none() {
    return Set.of();
  }
}
