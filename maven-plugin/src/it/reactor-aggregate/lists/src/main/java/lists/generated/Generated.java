package lists.generated;

import java.util.List;

/** Excluded by borrowck.toml ([files] exclude): its conflicting borrow is not reported. */
public class Generated {
  static void dropBlank(List<String> names) {
    for (String name : names) {
      names.remove(name);
    }
  }
}
