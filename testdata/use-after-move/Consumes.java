package uam;

import java.util.List;

/** Use after a @Consumes method: release() is not idempotent, close() is. */
public class Consumes {
  private final Sink sink;
  private final Pool pool;

  public Consumes(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
  }

  // Consumption applies to any variable, even an unannotated parameter.
  void flipAfterRelease(Buffer buf) {
    buf.release();
    buf.flip(); // expect: use-after-move
  }

  // Releasing twice: the second (non-idempotent) release is reported.
  void releaseTwice(Buffer buf) {
    buf.release();
    buf.release(); // expect: use-after-move
  }

  // Negative: closing twice is harmless (idempotent consumer, D5).
  void closeTwice(Buffer buf) {
    buf.close();
    buf.close();
  }

  // Reading after close is a use of a consumed value.
  int sizeAfterClose(Buffer buf) {
    buf.close();
    return buf.size(); // expect: use-after-move
  }

  // A non-idempotent consumer after close is a use of a consumed value.
  void releaseAfterClose(Buffer buf) {
    buf.close();
    buf.release(); // expect: use-after-move
  }

  // Even an idempotent consumer is a use when the value was moved (not merely consumed).
  void closeAfterMove() {
    Buffer buf = pool.take();
    sink.accept(buf);
    buf.close(); // expect: use-after-move
  }

  // Passing a closed value to an @Owned parameter is a use.
  void acceptAfterClose(Buffer buf) {
    buf.close();
    sink.accept(buf); // expect: use-after-move
  }

  // Consumed in an if condition, used in the then-branch.
  void releaseInCondition(Buffer buf) {
    if (buf.release()) {
      sink.log("last reference, size " + buf.size()); // expect: use-after-move
    }
  }

  // Consumed in a ternary condition, used in a ternary arm.
  int releaseInTernaryCondition(Buffer buf) {
    return buf.release() ? 0 : buf.size(); // expect: use-after-move
  }

  // Negative: consumed, then the variable is re-assigned.
  void releaseThenReassign(Buffer buf) {
    Buffer current = buf;
    current.release();
    current = pool.take();
    current.flip();
    sink.accept(current);
  }

  // Negative: consuming one buffer does not affect another.
  void releaseOneOfTwo(Buffer header, Buffer body) {
    header.release();
    sink.log(body.size());
    body.release();
  }

  // A borrow from a @Borrowed method is still consumed by release() (D15).
  int borrowedViewConsumed() {
    Buffer view = pool.peek();
    view.release();
    return view.size(); // expect: use-after-move
  }

  // A plain local from an unannotated method is consumed too.
  boolean plainLocalConsumed() {
    Buffer scratch = pool.lookup("scratch");
    scratch.release();
    return scratch.isEmpty(); // expect: use-after-move
  }

  // Negative: closed in a branch, closed again unconditionally (idempotent).
  void closeInBranchThenClose(Buffer buf, boolean early) {
    if (early) {
      buf.close();
    }
    buf.close();
  }

  // Released in a branch, read after the join.
  void releaseInBranchThenRead(Buffer buf, boolean done) {
    if (done) {
      buf.release();
    }
    sink.log(buf.size()); // expect: use-after-move
  }

  // Released in a loop: the second iteration releases again.
  void releaseInLoop(Buffer buf, int references) {
    for (int i = 0; i < references; i++) {
      buf.release(); // expect: use-after-move
    }
  }

  // Negative: closing in a loop is idempotent.
  void closeInLoop(List<Buffer> buffers, Buffer shared) {
    for (Buffer b : buffers) {
      sink.log(b.size());
      shared.close();
    }
  }

  // Negative: a null check after release is not a use.
  boolean nullCheckAfterRelease(Buffer buf) {
    buf.release();
    return buf != null;
  }

  // Negative: each element is released once.
  void releaseEachElement(List<Buffer> buffers) {
    for (Buffer b : buffers) {
      b.flip();
      b.release();
    }
  }
}
