package misuse;

import org.borrowck4j.annotations.Borrowed;

/** @Borrowed(from = "p") names the parameter the result borrows from. */
public class BorrowedFrom {
  private final Buffer own = new Buffer();

  // A typo: the parameter is `source`.
  @Borrowed(from = "src") // expect: annotation-misuse
  Buffer window(Buffer source, int from, int to) {
    return source;
  }

  // No parameter at all.
  @Borrowed(from = "buffer") // expect: annotation-misuse
  Buffer view() {
    return own;
  }

  // Negatives: naming a parameter, and the default (the receiver).
  @Borrowed(from = "source")
  Buffer slice(Buffer source, int from, int to) {
    return source;
  }

  @Borrowed
  Buffer self() {
    return own;
  }

  @Borrowed(from = "")
  Buffer selfAgain() {
    return own;
  }
}
