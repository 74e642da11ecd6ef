package lists;

import java.util.List;

/** A conflicting borrow, which borrowck.toml lowers to a warning: the build goes on. */
public class Names {
  static void dropBlank(List<String> names) {
    for (String name : names) {
      if (name.isBlank()) {
        names.remove(name);
      }
    }
  }
}
