package cb;

import java.util.ArrayList;
import java.util.List;

/**
 * A variable that holds a view on one path only: a mutation through it reaches the viewed
 * collection only where it may hold the view (decision 296; the JDK's javadoc {@code
 * DocPath.relativize}).
 */
public class ViewsOnOnePath {

  // Negative: on the path that calls addAll, `parts` is a new list, not a view of `dest`.
  static List<String> relative(List<String> origin, List<String> dest, int common) {
    List<String> parts;
    if (common == origin.size()) {
      parts = dest.subList(common, dest.size());
    } else {
      parts = new ArrayList<>();
      parts.add("..");
      parts.addAll(dest.subList(common, dest.size()));
    }
    return parts;
  }

  // Positive, side by side: here `parts` is the view of `dest` that addAll changes while its
  // argument, another view of `dest`, is read.
  static List<String> relativeInPlace(List<String> origin, List<String> dest, int common) {
    List<String> parts;
    if (common == origin.size()) {
      parts = new ArrayList<>();
    } else {
      parts = dest.subList(0, common);
      parts.addAll(dest.subList(common, dest.size())); // expect: conflicting-borrow
    }
    return parts;
  }
}
