package models;

import com.google.cloud.Tuple;
import com.google.cloud.spanner.ResultSet;

/**
 * Cloud Spanner's ResultSet is an AutoCloseable that fails once closed (google-cloud.astub), and
 * google-cloud-core's Tuple holds what it is made of: an object that keeps a tuple of a result set
 * keeps the result set (decisions 220, 221).
 */
public class SpannerResults {
  /** A description that keeps the result set of an analysed query. */
  static class Description {
    private final Tuple<int[], ResultSet> metadata;

    Description(int[] parameters, ResultSet columns) {
      this.metadata = Tuple.of(parameters, columns);
    }

    ResultSet columns() {
      return metadata.y();
    }
  }

  interface Connection {
    ResultSet analyzeQuery(String sql);
  }

  // The bug (pgadapter #278): the returned description keeps the result set the finally block
  // closes; the caller reads a closed result set.
  Description describe(Connection connection, String sql) {
    ResultSet columns = null;
    try {
      columns = connection.analyzeQuery(sql);
      return new Description(new int[0], columns);
    } finally {
      if (columns != null) {
        columns.close(); // expect: use-after-move
      }
    }
  }

  // The fix: the caller closes the result set once it has described it.
  Description describeForTheCaller(Connection connection, String sql) {
    ResultSet columns = connection.analyzeQuery(sql);
    return new Description(new int[0], columns);
  }

  // The bug: moving to the next row of a closed result set fails.
  long countAfterClose(Connection connection, String sql) {
    ResultSet rows = connection.analyzeQuery(sql);
    rows.close();
    long n = 0;
    while (rows.next()) { // expect: use-after-move
      n++;
    }
    return n;
  }

  // Negative: read to its end, then closed (again, harmlessly, by try-with-resources).
  long count(Connection connection, String sql) {
    try (ResultSet rows = connection.analyzeQuery(sql)) {
      long n = 0;
      while (rows.next()) {
        n += rows.getLong(0);
      }
      rows.close();
      return n;
    }
  }
}
