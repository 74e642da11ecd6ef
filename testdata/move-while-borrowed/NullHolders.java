package mwb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A variable known to be {@code null} holds no borrow: closing the owner on the branch where the
 * borrowing variable is {@code null} (the acquisition failed) ends nothing it uses (decision 295;
 * the JDK's {@code MidiSystem.getSequencer} and {@code RealTimeSequencer.doAutoConnect}).
 */
public class NullHolders {

  // Negative: the statement is closed only when no result set was obtained from it.
  static boolean closeIfNothingBorrowed(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = null;
    try {
      rs = st.executeQuery("SELECT 1");
    } finally {
      if (rs == null) {
        st.close();
      }
    }
    return rs.next();
  }

  // Positive, side by side: the test inverted, the statement closed while the result set it
  // lent is read afterwards.
  static boolean closeIfBorrowed(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = null;
    try {
      rs = st.executeQuery("SELECT 1");
    } finally {
      if (rs != null) {
        st.close(); // expect: move-while-borrowed
      }
    }
    return rs.next();
  }
}
