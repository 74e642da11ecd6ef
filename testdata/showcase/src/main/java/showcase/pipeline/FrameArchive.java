package showcase.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Keeps a record of what was sent, in a database. */
public final class FrameArchive {

  /** Bug 5: the result set is read after the statement it belongs to was closed. */
  public List<String> topics(Connection db) throws SQLException {
    ResultSet rows;
    try (Statement statement = db.createStatement()) {
      rows = statement.executeQuery("select topic from frames");
    }
    List<String> topics = new ArrayList<>();
    while (rows.next()) { // expect: outlives-owner
      topics.add(rows.getString(1));
    }
    return topics;
  }

  /** Correct: the rows are read while the statement is open. */
  public List<String> topicsSince(Connection db, long since) throws SQLException {
    List<String> topics = new ArrayList<>();
    try (PreparedStatement statement = db.prepareStatement("select topic from frames where sent > ?")) {
      statement.setLong(1, since);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          topics.add(rows.getString(1));
        }
      }
    }
    return topics;
  }
}
