package outlives;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Owned;

/**
 * A stream operation that consumes a local stage moves it into its result (decision 338): the
 * result borrows only what the stage borrowed, so returning either the stage or a stage built on
 * it returns no borrow of the local (Javacord's MessageSetImpl).
 */
public class DerivedStreams {
  static Stream<String> source() {
    return Stream.of("a", "b");
  }

  // Negative: the stage itself or a sorted stage on it, returned through a conditional.
  static Stream<String> between(boolean ascending, int longest) {
    Stream<String> messages = source().filter(m -> m.length() < longest);
    return ascending ? messages : messages.sorted(Comparator.reverseOrder());
  }

  // Negative: the same on a parameter's stream.
  static Stream<String> limited(boolean keep, Stream<String> in) {
    Stream<String> s = in.limit(3);
    return keep ? s : s.skip(1);
  }

  /** An owner whose rows are a stream borrowed from it. */
  static final class Sheet {
    private final List<String> rows = new ArrayList<>();

    @Borrowed
    Stream<String> rows() {
      return rows.stream();
    }
  }

  // The nearest bug: the stage reads a local owner's rows, and the owner is dropped when the
  // method returns.
  static Stream<String> ofLocalSheet(boolean ascending) {
    @Owned Sheet sheet = new Sheet();
    Stream<String> s = sheet.rows().filter(n -> !n.isEmpty());
    return ascending ? s : s.sorted(); // expect: outlives-owner
  }
}
