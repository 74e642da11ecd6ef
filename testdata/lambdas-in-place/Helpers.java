package lambdas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lambda run in place that calls a helper of its class which changes the collection the call
 * reads (decision 176). powsybl's {@code NodeMapping} did {@code cgmes2iidm.computeIfAbsent(id, k ->
 * add(k, level))}, and the private {@code add} did {@code cgmes2iidm.put(k, node)}: Java 9's
 * {@code HashMap} throws ConcurrentModificationException.
 */
public class Helpers {
  private final Map<String, Integer> nodes = new HashMap<>();
  private final List<String> log = new ArrayList<>();
  private int next;

  // Positive: the mapping function's helper puts into the map the call is computing in.
  int nodeFor(String id) {
    return nodes.computeIfAbsent(id, k -> add(k)); // expect: conflicting-borrow
  }

  private int add(String id) {
    int node = next++;
    nodes.put(id, node);
    return node;
  }

  // Positive: through a helper of the helper.
  int nodeForLogged(String id) {
    return nodes.computeIfAbsent(id, k -> addLogged(k)); // expect: conflicting-borrow
  }

  private int addLogged(String id) {
    log.add(id);
    return add(id);
  }

  // Negative, the fix: the helper only makes the node, computeIfAbsent stores it.
  int nodeForFixed(String id) {
    return nodes.computeIfAbsent(id, k -> newNode(k));
  }

  private int newNode(String id) {
    log.add(id);
    return next++;
  }

  // Negative: the helper changes another collection of the class.
  void record() {
    nodes.forEach((k, v) -> note(k));
  }

  private void note(String id) {
    log.add(id);
  }

  // Negative: an overridable helper may do anything; nothing is assumed.
  int nodeForOverridable(String id) {
    return nodes.computeIfAbsent(id, k -> create(k));
  }

  protected int create(String id) {
    nodes.remove(id);
    return next++;
  }

  // Negative: the lambda calls the method it is in, which changes nothing the call reads.
  private int depth(String id) {
    if (id.length() > 3) {
      return 0;
    }
    log.forEach(other -> depth(other + id));
    return 1;
  }
}
