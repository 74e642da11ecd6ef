package cb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop over a variable iterates what the variable holds there: a view of a map it is given
 * only after the loop, with no path back, is not what the loop iterates (decision 329).
 */
public class ViewsAssignedLater {
  Collection<String> load() {
    return new ArrayList<>(List.of("a", "b"));
  }

  // Negative (Activiti's and Flowable's AbstractDataManager.getList): the loop iterates the
  // loaded list and fills the map; the map's view replaces the list after the loop.
  List<String> cached(boolean checkCache) {
    Collection<String> result = load();
    if (checkCache) {
      Map<String, String> byId = new HashMap<>(result.size());
      for (String entity : result) {
        byId.put(entity, entity);
      }
      result = byId.values();
    }
    return new ArrayList<>(result);
  }

  // The view is given before the loop: the loop iterates the map it changes.
  List<String> viewFirst() {
    Map<String, String> byId = new HashMap<>();
    byId.put("a", "a");
    Collection<String> result = byId.values();
    for (String entity : result) {
      byId.put(entity + "x", entity); // expect: conflicting-borrow
    }
    return new ArrayList<>(result);
  }

  // The view given at the end of an outer loop's body is what the inner loop iterates the next
  // time round (ConcurrentModificationException in the second iteration).
  void viewNextTimeRound() {
    Collection<String> result = load();
    Map<String, String> byId = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      for (String s : result) {
        byId.put(s + i, s); // expect: conflicting-borrow
      }
      result = byId.values();
    }
  }
}
