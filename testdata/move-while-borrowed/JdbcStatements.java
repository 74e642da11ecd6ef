package mwb;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** JDBC (D17): statements borrow from their connection, result sets from their statement. */
public class JdbcStatements {

  // Closing the statement while its result set is read afterwards.
  List<String> closeStatementFirst(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT name FROM users");
    st.close(); // expect: move-while-borrowed
    List<String> names = new ArrayList<>();
    while (rs.next()) {
      names.add(rs.getString(1));
    }
    return names;
  }

  // Closing the connection while a statement created from it is used afterwards.
  int closeConnectionFirst(DataSource ds, String sql) throws SQLException {
    Connection conn = ds.getConnection();
    Statement st = conn.createStatement();
    conn.close(); // expect: move-while-borrowed
    return st.executeUpdate(sql);
  }

  // Closing the connection while a result set (borrowed through its statement) is read later.
  boolean closeConnectionUnderResultSet(DataSource ds) throws SQLException {
    Connection conn = ds.getConnection();
    PreparedStatement ps = conn.prepareStatement("SELECT 1");
    ResultSet rs = ps.executeQuery();
    conn.close(); // expect: move-while-borrowed
    return rs.next();
  }

  // Closing the connection before the loop that fills the batch of its prepared statement.
  void batchAfterClose(DataSource ds, List<String> names) throws SQLException {
    Connection conn = ds.getConnection();
    PreparedStatement ps = conn.prepareStatement("INSERT INTO users(name) VALUES (?)");
    conn.close(); // expect: move-while-borrowed
    for (String name : names) {
      ps.setString(1, name);
      ps.addBatch();
    }
  }

  // Closing the statement on one path; the result set is read after the branches join.
  String closeOnOnePath(Connection conn, boolean quick) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT name FROM users");
    if (quick) {
      st.close(); // expect: move-while-borrowed
    }
    return rs.next() ? rs.getString(1) : null;
  }

  // Closing the statement inside the loop that keeps reading its result set.
  int closeInsideLoop(Connection conn) throws SQLException {
    PreparedStatement ps = conn.prepareStatement("SELECT amount FROM orders");
    ResultSet rs = ps.executeQuery();
    int total = 0;
    while (rs.next()) {
      int amount = rs.getInt(1);
      if (amount < 0) {
        ps.close(); // expect: move-while-borrowed
      }
      total += amount;
    }
    return total;
  }

  // Closing the statement while the result set fetched with getResultSet() is read later.
  boolean closeBeforeGetResultSetRead(Connection conn, String sql) throws SQLException {
    Statement st = conn.createStatement();
    st.execute(sql);
    ResultSet rs = st.getResultSet();
    st.close(); // expect: move-while-borrowed
    return rs != null && rs.next();
  }

  // Closing the statement while its generated keys are read later.
  long insertReturningKey(Connection conn, String sql) throws SQLException {
    Statement st = conn.createStatement();
    st.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
    ResultSet keys = st.getGeneratedKeys();
    st.close(); // expect: move-while-borrowed
    return keys.next() ? keys.getLong(1) : -1L;
  }

  // An explicit close() of a try-with-resources connection while a statement from it is used later.
  int closeResourceEarly(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection()) {
      Statement st = c.createStatement();
      c.close(); // expect: move-while-borrowed
      return st.executeUpdate(sql);
    }
  }

  // Closing the connection while a callable statement from it is executed later.
  boolean callAfterClose(DataSource ds) throws SQLException {
    Connection conn = ds.getConnection();
    CallableStatement cs = conn.prepareCall("{call refresh()}");
    conn.close(); // expect: move-while-borrowed
    return cs.execute();
  }

  // Negative: everything used first, then closed from the inside out.
  List<String> closeInOrder(DataSource ds) throws SQLException {
    Connection conn = ds.getConnection();
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT name FROM users");
    List<String> names = new ArrayList<>();
    while (rs.next()) {
      names.add(rs.getString(1));
    }
    rs.close();
    st.close();
    conn.close();
    return names;
  }

  // Negative: the statement is closed after the result set's last use.
  boolean firstOnly(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT 1");
    boolean any = rs.next();
    st.close();
    return any;
  }

  // Negative: the connection is closed on a path that returns; the statement is used on the other.
  int maybeCancel(DataSource ds, boolean cancel, String sql) throws SQLException {
    Connection conn = ds.getConnection();
    Statement st = conn.createStatement();
    if (cancel) {
      conn.close();
      return 0;
    }
    int n = st.executeUpdate(sql);
    conn.close();
    return n;
  }

  // Negative: the statement and result set are re-created after the old ones were closed.
  int twoQueries(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM a");
    int a = rs.next() ? rs.getInt(1) : 0;
    st.close();
    st = conn.createStatement();
    rs = st.executeQuery("SELECT COUNT(*) FROM b");
    int b = rs.next() ? rs.getInt(1) : 0;
    st.close();
    return a + b;
  }

  // Negative: the rows are copied out before the statement is closed; the copy is used later.
  List<Long> ids(Connection conn) throws SQLException {
    PreparedStatement ps = conn.prepareStatement("SELECT id FROM t");
    ResultSet rs = ps.executeQuery();
    List<Long> ids = new ArrayList<>();
    while (rs.next()) {
      ids.add(rs.getLong(1));
    }
    ps.close();
    ids.add(0L);
    return ids;
  }

  // Negative: the statement is closed in one branch; the result set is read only in the other.
  String closeOrRead(Connection conn, boolean skip) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT name FROM users");
    String first = null;
    if (skip) {
      st.close();
    } else {
      first = rs.next() ? rs.getString(1) : null;
      st.close();
    }
    return first;
  }

  // Negative: the statement's last use comes before the connection is closed.
  int executeThenClose(DataSource ds, String sql) throws SQLException {
    Connection conn = ds.getConnection();
    PreparedStatement ps = conn.prepareStatement(sql);
    int n = ps.executeUpdate();
    conn.close();
    return n;
  }
}
