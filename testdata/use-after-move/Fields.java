package uam;

import org.borrowck4j.annotations.Owned;

/** Owned fields are tracked within a method; calls on `this` forget what was known. */
public class Fields {
  private final Sink sink;
  private final Pool pool;
  @Owned private Buffer buffer;
  private Message last;
  private Buffer scratch;

  public Fields(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
    this.buffer = pool.take();
    this.last = Message.of("initial");
    this.scratch = new Buffer(32);
  }

  // A qualified @Owned field moved, then used.
  void qualifiedFieldMoved() {
    sink.accept(this.buffer);
    this.buffer.flip(); // expect: use-after-move
  }

  // An unqualified @Owned field moved, then used.
  void unqualifiedFieldMoved() {
    sink.accept(buffer);
    buffer.flip(); // expect: use-after-move
  }

  // Negative: an unqualified call on this forgets what was known about fields.
  void helperCallForgets() {
    sink.accept(this.buffer);
    refill();
    this.buffer.flip();
  }

  // Negative: an explicit this.m() call forgets as well.
  void thisCallForgets() {
    sink.accept(buffer);
    this.refill();
    buffer.flip();
  }

  // A call on another object (not this) does not forget.
  void otherCallDoesNotForget() {
    sink.accept(buffer);
    sink.log("handed off");
    buffer.flip(); // expect: use-after-move
  }

  // Negative: the field is re-assigned after the move.
  void fieldReassigned() {
    sink.accept(this.buffer);
    this.buffer = pool.take();
    this.buffer.flip();
  }

  // A field of an owned type is tracked too.
  void ownedTypeFieldMoved() {
    sink.publish(last);
    sink.log(last.body()); // expect: use-after-move
  }

  // A field consumed by release(), then read.
  int fieldReleasedThenRead() {
    buffer.release();
    return buffer.size(); // expect: use-after-move
  }

  // Negative: a plain field (not @Owned, not an owned type) is not tracked.
  void plainFieldNotTracked() {
    sink.accept(scratch);
    scratch.flip();
  }

  // Negative: tracking is per method; the move happened in another method.
  int readInAnotherMethod() {
    return buffer.size();
  }

  private void refill() {
    this.buffer = pool.take();
    this.last = Message.of("refilled");
  }
}
