package cb;

import java.util.Collection;
import java.util.List;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Static helpers over string lists (support type). */
public final class Lists {
  private Lists() {}

  /** Adds one element. */
  public static void append(@Mut List<String> target, String value) {
    target.add(value);
  }

  /** Adds every element of {@code source} to {@code target}. */
  public static void appendAll(@Mut List<String> target, @Borrowed List<String> source) {
    for (String s : source) {
      target.add(s);
    }
  }

  /** Empties a collection. */
  public static void clearAll(@Mut Collection<String> target) {
    target.clear();
  }

  /** Counts the occurrences of {@code value}. */
  public static int count(@Borrowed List<String> source, String value) {
    int n = 0;
    for (String s : source) {
      if (s.equals(value)) {
        n++;
      }
    }
    return n;
  }

  /** Whether two lists have the same length. */
  public static boolean sameSize(@Borrowed List<String> a, @Borrowed List<String> b) {
    return a.size() == b.size();
  }
}
