package mwb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.annotations.Owned;

/** Moves and closes across finally blocks, ternaries, constructors, fields and loop exits. */
public class MoveControlFlow {
  private final Sink sink;
  // Declared @Owned: storing a region here hands it over to the field (DESIGN.md, moves).
  @Owned private Region current;

  public MoveControlFlow(Sink sink) {
    this.sink = sink;
  }

  // Closing the statement in a finally block; the result set is read after the try.
  boolean closeInFinally(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs;
    try {
      rs = st.executeQuery("SELECT 1");
    } finally {
      st.close(); // expect: move-while-borrowed
    }
    return rs.next();
  }

  // A ternary passed to an @Owned parameter moves both candidates; a segment of one is used later.
  int adoptEither(boolean first) {
    Region a = new Region();
    Region b = new Region();
    Segment seg = a.allocate(4);
    sink.adopt(first ? a : b); // expect: move-while-borrowed
    return seg.size();
  }

  // Passing the region to an @Owned constructor parameter while a segment is used later.
  int wrapThenRead() {
    Region r = new Region();
    Segment seg = r.allocate(2);
    RegionHolder holder = new RegionHolder(r); // expect: move-while-borrowed
    int v = seg.get(0);
    holder.close();
    return v;
  }

  // Storing the region into a field moves it out of the local while a segment is used later.
  int storeInFieldThenRead() {
    Region r = new Region();
    Segment seg = r.allocate(2);
    this.current = r; // expect: move-while-borrowed
    return seg.get(0);
  }

  // Moving the @Owned list into the sink inside the for-each over it, without leaving the loop.
  void storeWhileIterating(@Owned List<String> names) {
    for (String n : names) {
      if (n.equals("flush")) {
        sink.store(names); // expect: move-while-borrowed, use-after-move
      }
    }
  }

  // Negative: the region is handed on inside the for-each, which is left at once.
  void adoptAtFirstEmpty() {
    Region r = new Region();
    r.allocate(1);
    for (Segment s : r) {
      if (s.size() > 0) {
        sink.adopt(r);
        break;
      }
    }
  }

  // Negative: the statement is closed in finally after the result set's last use inside the try.
  boolean readThenCloseInFinally(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    try {
      ResultSet rs = st.executeQuery("SELECT 1");
      return rs.next();
    } finally {
      st.close();
    }
  }

  // Negative: the ternary moves only after the segment's last use.
  void adoptEitherAfterUse(boolean first) {
    Region a = new Region();
    Region b = new Region();
    Segment seg = a.allocate(4);
    seg.set(0, 1);
    sink.adopt(first ? a : b);
  }

  // Negative: stored into a field after the segment's last use.
  void storeInFieldAfterUse() {
    Region r = new Region();
    Segment seg = r.allocate(2);
    seg.set(1, 5);
    this.current = r;
  }

  // Negative: the @Owned list is stored inside the loop, which returns at once.
  int storeAtFlush(@Owned List<String> names) {
    int seen = 0;
    for (String n : names) {
      if (n.equals("flush")) {
        sink.store(names);
        return seen;
      }
      seen++;
    }
    sink.store(new ArrayList<>(names));
    return seen;
  }

  // Negative: the statement is closed inside the loop over its result set, which is left at once.
  int sumUntilNegative(Connection conn) throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT amount FROM orders");
    int total = 0;
    while (rs.next()) {
      int amount = rs.getInt(1);
      if (amount < 0) {
        st.close();
        break;
      }
      total += amount;
    }
    return total;
  }

  // A copy of a borrow is a borrow of the same owner: closing while the copy is used later.
  int closeUnderCopiedBorrow() {
    Region r = new Region();
    Segment seg = r.allocate(2);
    Segment alias = seg;
    r.close(); // expect: move-while-borrowed
    return alias.get(0);
  }

  // Passing the borrow to an unannotated method after the close is a use of it.
  void closeThenPassBorrow() {
    Region r = new Region();
    Segment seg = r.allocate(2);
    r.close(); // expect: move-while-borrowed
    System.out.println(seg);
  }

  // A result set from a temporary statement still borrows the connection.
  boolean closeUnderTemporaryStatement(Connection conn) throws SQLException {
    ResultSet rs = conn.createStatement().executeQuery("SELECT 1");
    conn.close(); // expect: move-while-borrowed
    return rs.next();
  }

  // Negative: statements created per query inside the loop, the connection closed after it.
  int countAll(Connection conn, List<String> tables) throws SQLException {
    int total = 0;
    for (String t : tables) {
      Statement st = conn.createStatement();
      ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t);
      total += rs.next() ? rs.getInt(1) : 0;
      st.close();
    }
    conn.close();
    return total;
  }
}
