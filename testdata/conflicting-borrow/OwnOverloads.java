package cb;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A type's own overload of a collection method is another method, not the one the model describes
 * (decision 263): Java overrides only with the same erased parameter types, and the argument types
 * pick the overload. Struts' HttpParameters declares remove(String) beside Map.remove(Object).
 */
public class OwnOverloads {

  /** A request's parameters (Struts' HttpParameters): remove(String) is its own, keySet() a snapshot. */
  static final class Parameters extends AbstractMap<String, String> {
    private final Map<String, String> values = new TreeMap<>();

    /** Not Map.remove(Object): an overload, removing from the map this one wraps. */
    public Parameters remove(String name) {
      values.remove(name);
      return this;
    }

    @Override
    public Set<String> keySet() {
      return Collections.unmodifiableSet(new TreeSet<>(values.keySet()));
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return Collections.unmodifiableSet(values.entrySet());
    }
  }

  /** Settings on a live HashMap, whose own remove(String) returns a copy without the name. */
  static final class Settings extends HashMap<String, String> {
    Settings remove(String name) {
      Settings copy = new Settings();
      copy.putAll(this);
      copy.remove((Object) name);
      return copy;
    }

    /** Not Map.remove(Object, Object): an overload of another arity's parameter types. */
    Settings remove(String name, int times) {
      return times > 0 ? remove(name) : this;
    }
  }

  /** Overrides Map.remove(Object): the model's contract is its contract. */
  static final class Audited extends HashMap<String, String> {
    final Set<Object> removed = new HashSet<>();

    @Override
    public String remove(Object key) {
      removed.add(key);
      return super.remove(key);
    }
  }

  /** A map with no remove of its own. */
  static final class Counters extends HashMap<String, Integer> {}

  /** Tags whose own remove(String) only hides a tag: an overload of List.remove(Object). */
  static final class Tags extends ArrayList<String> {
    private final Set<String> hidden = new HashSet<>();

    boolean remove(String tag) {
      return hidden.add(tag);
    }
  }

  // Negative: the overload, called while iterating the snapshot (Struts' MultiselectInterceptor).
  Parameters dropMultiselect(Parameters parameters) {
    for (String name : parameters.keySet()) {
      if (name.startsWith("__multiselect_")) {
        parameters = parameters.remove(name);
      }
    }
    return parameters;
  }

  // Negative: the same through a held key set, from an inner loop (Struts' DateTextFieldInterceptor).
  Parameters dropDates(Parameters parameters, String[] prefixes) {
    Set<String> names = parameters.keySet();
    for (String name : names) {
      for (String prefix : prefixes) {
        if (name.startsWith(prefix)) {
          parameters = parameters.remove(name);
          break;
        }
      }
    }
    return parameters;
  }

  // Negative: a copy without the name; the map iterated is never changed.
  Settings withoutDefaults(Settings settings) {
    for (String name : settings.keySet()) {
      if (name.startsWith("default.")) {
        settings = settings.remove(name);
      }
    }
    return settings;
  }

  // Negative: the two-argument overload is not Map.remove(Object, Object).
  Settings withoutAll(Settings settings) {
    for (String name : settings.keySet()) {
      settings = settings.remove(name, 1);
    }
    return settings;
  }

  // Negative: a list's own remove(String) leaves the list as it is.
  void hideEmpty(Tags tags) {
    for (String tag : tags) {
      if (tag.isEmpty()) {
        tags.remove(tag);
      }
    }
  }

  // Positive: an Object argument picks Map.remove(Object), which HashMap's live key set does not survive.
  void dropByKey(Settings settings) {
    for (String name : settings.keySet()) {
      Object key = name;
      settings.remove(key); // expect: conflicting-borrow
    }
  }

  // Positive: the same call on a map that declares no remove of its own.
  void dropZeros(Counters counters) {
    for (String name : counters.keySet()) {
      if (counters.get(name) == 0) {
        counters.remove(name); // expect: conflicting-borrow
      }
    }
  }

  // Positive: an override of remove(Object) removes as the model says.
  void dropAudited(Audited audited) {
    for (String name : audited.keySet()) {
      audited.remove(name); // expect: conflicting-borrow
    }
  }

  // Positive: seen as a Map, the call is Map.remove(Object) whatever the class declares besides.
  void dropThroughMap(Settings settings) {
    Map<String, String> map = settings;
    for (String name : map.keySet()) {
      map.remove(name); // expect: conflicting-borrow
    }
  }

  // Positive: cast to Object, the argument picks List.remove(Object).
  void dropEmpty(Tags tags) {
    for (String tag : tags) {
      if (tag.isEmpty()) {
        tags.remove((Object) tag); // expect: conflicting-borrow
      }
    }
  }
}
