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

  // @MustCallAlias on a constructor parameter: the wrapper is a second handle on the connection
  // (D19); nothing moves.
  int wrap(@Owning Connection c) {
    LoggingConnection logging = new LoggingConnection(c);
    c.send("raw");
    int n = logging.send("wrapped");
    pool.giveBack(c);
    return n;
  }

  // Closing the wrapper closes the connection it wraps: using the connection afterwards is the bug.
  int wrapAndClose(@Owning Connection c) {
    LoggingConnection logging = new LoggingConnection(c);
    int n = logging.send("wrapped");
    logging.close();
    return n + c.send("raw"); // expect: use-after-move
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
