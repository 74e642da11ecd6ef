package outlives;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Result sets borrow from their statement, statements from their connection (D17). */
public class JdbcScopes {

  // A result set read after the try closed its statement.
  boolean resultSetAfterTry(Connection conn, String sql) throws SQLException {
    ResultSet rs;
    try (Statement st = conn.createStatement()) {
      rs = st.executeQuery(sql);
    }
    return rs.next(); // expect: outlives-owner
  }

  // A statement used after the try closed its connection.
  int statementAfterTry(DataSource ds, String sql) throws SQLException {
    Statement st;
    try (Connection c = ds.getConnection()) {
      st = c.createStatement();
    }
    return st.executeUpdate(sql); // expect: outlives-owner
  }

  // Returning the result set of a statement the try closes.
  ResultSet returnResultSet(Connection conn, String sql) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      return ps.executeQuery(); // expect: outlives-owner
    }
  }

  // Two resources: the result set is read in a loop after both closed.
  List<String> loopAfterTry(DataSource ds) throws SQLException {
    ResultSet rs;
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      rs = st.executeQuery("SELECT name FROM users");
    }
    List<String> names = new ArrayList<>();
    while (rs.next()) { // expect: outlives-owner
      names.add(rs.getString(1));
    }
    return names;
  }

  // Negative: the result set is read entirely inside the try.
  List<String> readInside(Connection conn) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = conn.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT name FROM users");
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  // Negative: nested resources, the result set closed first.
  int nestedResources(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  // Negative: a statement that is not a resource and not an owner ends nothing at its block end.
  boolean statementNotOwned(Connection conn, String sql) throws SQLException {
    ResultSet rs;
    {
      Statement st = conn.createStatement();
      rs = st.executeQuery(sql);
    }
    return rs.next();
  }
}
