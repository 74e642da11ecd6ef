package interop;

import org.checkerframework.checker.mustcall.qual.Owning;

/** Code annotated only with Checker Framework annotations is checked without re-annotation. */
public class Handlers {
  private final ConnectionPool pool = new ConnectionPool();

  // @Owning on a parameter reads as @Owned: passing it to another @Owning parameter moves it.
  void finish(@Owning Connection c) {
    pool.giveBack(c);
    c.send("bye"); // expect: use-after-move
  }

  // @MustCallAlias on a constructor parameter: the wrapper takes ownership.
  int wrap(@Owning Connection c) {
    LoggingConnection logging = new LoggingConnection(c);
    c.send("raw"); // expect: use-after-move
    return logging.send("wrapped");
  }

  // Negative: using the connection before handing it back.
  void finishCleanly(@Owning Connection c) {
    c.send("bye");
    pool.giveBack(c);
  }

  // Negative: @NotOwning results are borrows, not owners; handing one on moves nothing.
  void lend() {
    Connection borrowed = pool.peek();
    borrowed.send("ping");
    pool.giveBack(borrowed);
    borrowed.send("still usable: we never owned it");
  }

  // Negative: an unannotated parameter is not an owner (D16).
  void unannotated(Connection c) {
    pool.giveBack(c);
    c.send("not tracked");
  }
}
