package inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A JDBC driver's own metadata queries (decision 150): its helper detaches the result set from
 * the statement through the driver's implementation of {@code ResultSet}, so the result set
 * outlives the statement by the driver's design. Inference says nothing about a result the body
 * works with through the sources' own implementation type.
 */
public class Implementations {
  /** The driver's implementation interface of the modelled API. */
  interface DriverResultSet extends ResultSet {
    void setOwningStatement(Statement owner);
  }

  private ResultSet detached(PreparedStatement ps) throws SQLException {
    ResultSet rs = ps.executeQuery();
    ((DriverResultSet) rs).setOwningStatement(null);
    return rs;
  }

  private ResultSet throughTheApi(PreparedStatement ps) throws SQLException {
    ResultSet rs = ps.executeQuery();
    rs.setFetchSize(100);
    return rs;
  }

  // Negative: the helper detached the result set from its statement.
  ResultSet metadata(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM T WHERE NAME = ?")) {
      ps.setString(1, table);
      ResultSet rs = detached(ps);
      return rs;
    }
  }

  // Positive: the helper only used the API, the result set closes with its statement.
  ResultSet closedWithStatement(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM T WHERE NAME = ?")) {
      ps.setString(1, table);
      ResultSet rs = throughTheApi(ps);
      return rs; // expect: outlives-owner
    }
  }
}
