package models;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** JDBC (D17): close() consumes a connection, statement or result set; closing again is harmless. */
public class JdbcClose {

  // A Connection used after close(): its catalog is read too late.
  String describe(DataSource ds) throws SQLException {
    Connection conn = ds.getConnection();
    String product;
    try {
      product = conn.getMetaData().getDatabaseProductName();
    } finally {
      conn.close();
    }
    return product + " (" + conn.getCatalog() + ")"; // expect: use-after-move
  }

  // A Connection committed after close().
  void commitAfterClose(DataSource ds, String sql) throws SQLException {
    Connection conn = ds.getConnection();
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      st.executeUpdate(sql);
    }
    conn.close();
    conn.commit(); // expect: use-after-move
  }

  // A PreparedStatement closed inside the loop that still uses it.
  void insertAll(Connection conn, List<String> names) throws SQLException {
    PreparedStatement ps = conn.prepareStatement("INSERT INTO users(name) VALUES (?)");
    for (String name : names) {
      ps.setString(1, name); // expect: use-after-move
      ps.executeUpdate();
      ps.close();
    }
  }

  // A Statement used after its own close().
  void maintain(Connection conn, String table) throws SQLException {
    Statement st = conn.createStatement();
    st.executeUpdate("ANALYZE " + table);
    st.close();
    st.executeUpdate("VACUUM " + table); // expect: use-after-move
  }

  // A ResultSet's metadata read after the result set was closed.
  List<String> names(Statement st) throws SQLException {
    ResultSet rs = st.executeQuery("SELECT name FROM users");
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(1));
    }
    rs.close();
    out.add("columns: " + rs.getMetaData().getColumnCount()); // expect: use-after-move
    return out;
  }

  // A CallableStatement asked for its update count after close().
  int refresh(Connection conn) throws SQLException {
    CallableStatement cs = conn.prepareCall("{call refresh_stats()}");
    cs.execute();
    cs.close();
    return cs.getUpdateCount(); // expect: use-after-move
  }

  // Negative: nested try-with-resources, everything used inside.
  List<String> activeUsers(DataSource ds) throws SQLException {
    List<String> users = new ArrayList<>();
    try (Connection conn = ds.getConnection();
        PreparedStatement ps = conn.prepareStatement("SELECT name FROM users WHERE active = ?")) {
      ps.setBoolean(1, true);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          users.add(rs.getString("name"));
        }
      }
    }
    return users;
  }

  // Negative: the pre-Java-7 idiom, closed in finally in reverse order.
  List<String> legacyQuery(DataSource ds) throws SQLException {
    Connection conn = null;
    Statement st = null;
    ResultSet rs = null;
    List<String> out = new ArrayList<>();
    try {
      conn = ds.getConnection();
      st = conn.createStatement();
      rs = st.executeQuery("SELECT id FROM orders");
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } finally {
      if (rs != null) {
        rs.close();
      }
      if (st != null) {
        st.close();
      }
      if (conn != null) {
        conn.close();
      }
    }
    return out;
  }

  // Negative: closed explicitly and again in finally (JDBC close() is idempotent).
  void execute(Connection conn, String sql) throws SQLException {
    Statement st = conn.createStatement();
    try {
      st.executeUpdate(sql);
      st.close();
    } finally {
      st.close();
    }
  }

  // Negative: closed explicitly inside try-with-resources, which closes it again.
  int firstId(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM t ORDER BY id")) {
      ResultSet rs = ps.executeQuery();
      int id = rs.next() ? rs.getInt(1) : -1;
      rs.close();
      ps.close();
      return id;
    }
  }

  // Negative: several result sets from one statement, each closed before the next.
  void multipleResults(Statement st) throws SQLException {
    boolean isResultSet = st.execute("CALL report()");
    while (isResultSet) {
      ResultSet rs = st.getResultSet();
      while (rs.next()) {
        System.out.println(rs.getString(1));
      }
      rs.close();
      isResultSet = st.getMoreResults();
    }
  }

  // Negative (decision 155): cleanup that may find the connection closed already and ignores
  // the failure on purpose (the JDK's CachedRowSetReader).
  void rollbackQuietly(DataSource ds, boolean closeEarly) throws SQLException {
    Connection con = ds.getConnection();
    try {
      con.setAutoCommit(false);
      if (closeEarly) {
        con.close();
      }
    } finally {
      try {
        if (!con.getAutoCommit()) {
          con.rollback();
        }
      } catch (Exception ignored) {
      }
      con.close();
    }
  }

  // Positive: the failure is not expected: on a closed connection the finally throws, and the
  // SQLException hides whatever the try block was doing.
  void rollbackUnguarded(DataSource ds, boolean closeEarly) throws SQLException {
    Connection con = ds.getConnection();
    try {
      con.setAutoCommit(false);
      if (closeEarly) {
        con.close();
      }
    } finally {
      if (!con.getAutoCommit()) { // expect: use-after-move
        con.rollback();
      }
      con.close();
    }
  }

  // Negative (decision 177): the handler catches what the operation declares it throws.
  void rollbackQuietlySql(DataSource ds, boolean closeEarly) throws SQLException {
    Connection con = ds.getConnection();
    try {
      con.setAutoCommit(false);
      if (closeEarly) {
        con.close();
      }
    } finally {
      try {
        con.rollback();
      } catch (SQLException ignored) {
      }
      con.close();
    }
  }

  // Positive (decision 177): the empty handler is for a failure the operation never reports
  // (rollback() throws SQLException): the use after close is not guarded.
  void rollbackWrongGuard(DataSource ds, boolean closeEarly, java.io.Closeable log) throws SQLException {
    Connection con = ds.getConnection();
    try {
      con.setAutoCommit(false);
      if (closeEarly) {
        con.close();
      }
    } finally {
      try {
        con.rollback(); // expect: use-after-move
        log.close();
      } catch (java.io.IOException ignored) {
      }
      con.close();
    }
  }
}
