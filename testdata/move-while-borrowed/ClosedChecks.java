package mwb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asking a result set whether it is closed needs nothing of its statement (D21: `isClosed()` works
 * on a closed value), so it keeps no borrow alive (decision 352). Reading it does.
 */
public class ClosedChecks {

  // Negative (DataNucleus' SQLAnywhereAdapter): closed in order, then the finally's guard asks
  // the result set whether it is closed before closing it again.
  void closeInOrderThenGuard(Connection conn) {
    Statement stmt = null;
    ResultSet rs = null;
    try {
      stmt = conn.createStatement();
      rs = stmt.executeQuery("SELECT 1");
      while (rs.next()) {
        rs.getString(1);
      }
      rs.close();
      stmt.close();
    } catch (SQLException e) {
      System.err.println(e);
    } finally {
      try {
        if (rs != null && !rs.isClosed()) {
          rs.close();
        }
      } catch (SQLException e) {
        rs = null;
      }
    }
  }

  // Negative: the statement's close closes its result set (JDBC), which is then asked.
  boolean askAfterStatementClosed(Connection conn) throws SQLException {
    Statement stmt = conn.createStatement();
    ResultSet rs = stmt.executeQuery("SELECT 1");
    stmt.close();
    return rs.isClosed();
  }

  // The result set read after its statement closed.
  boolean readAfterStatementClosed(Connection conn) throws SQLException {
    Statement stmt = conn.createStatement();
    ResultSet rs = stmt.executeQuery("SELECT 1");
    stmt.close(); // expect: move-while-borrowed
    return rs.next();
  }
}
