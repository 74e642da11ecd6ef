package uam;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** Values that are not owners, and non-moving uses of owners: all clean. */
public class Untracked {
  private final Sink sink;
  private final Pool pool;

  public Untracked(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
  }

  // D4, D16: an unannotated parameter of an owned type is no owner (no drop, no leak), but an
  // @Owned parameter still takes it: it is used up as a local would be.
  void unannotatedOwnedTypeParameter(Message msg) {
    sink.publish(msg);
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: the same parameter read before it is handed on.
  void unannotatedOwnedTypeParameterReadFirst(Message msg) {
    sink.log(msg.body());
    sink.publish(msg);
  }

  // Negative: an unannotated Buffer parameter is not an owner.
  void unannotatedBufferParameter(Buffer buf) {
    sink.accept(buf);
    buf.flip();
  }

  // Negative: a local from a plain constructor of a non-owned type is not an owner.
  void plainConstructedLocal() {
    Buffer buf = new Buffer(64);
    sink.accept(buf);
    sink.log(buf.size());
  }

  // Negative: a local from an unannotated method is not an owner.
  void localFromUnannotatedMethod() {
    Buffer buf = pool.lookup("cache");
    sink.accept(buf);
    buf.flip();
  }

  // Negative: a local copied from an unannotated parameter is not an owner.
  void localFromParameter(Buffer param) {
    Buffer local = param;
    sink.accept(local);
    local.flip();
  }

  // Negative: a @Borrowed parameter passed to a @Borrowed parameter and used again.
  int borrowedParameter(@Borrowed Buffer buf) {
    sink.inspect(buf);
    return buf.size();
  }

  // Negative: passing an owner to an unannotated parameter is a temporary borrow.
  void ownerPassedToUnannotated() {
    Message msg = Message.of("borrowed");
    sink.log(msg);
    sink.log(msg.body());
    sink.publish(msg);
  }

  // Negative: passing an owner to a @Borrowed parameter.
  void ownerPassedToBorrowed(@Owned Buffer buf) {
    sink.inspect(buf);
    buf.flip();
    sink.accept(buf);
  }

  // Negative: passing an owner to a @Mut parameter.
  void ownerPassedToMut() {
    Buffer buf = pool.take();
    sink.fill(buf);
    buf.flip();
    sink.accept(buf);
  }

  // Negative: a @Retained parameter keeps a reference, but the caller keeps its access.
  void ownerPassedToRetained() {
    Message msg = Message.of("registered");
    sink.register(msg);
    sink.log(msg.body());
  }

  // Negative: values derived from an owner before the move (String, int) are independent.
  int derivedValuesSurviveMove() {
    Message msg = Message.of("derived");
    String topic = msg.topic();
    int length = msg.length();
    sink.publish(msg);
    sink.log(topic);
    return length;
  }

  // Negative: a plain local aliased and passed on; neither variable is an owner.
  void plainAlias() {
    Buffer first = new Buffer(8);
    Buffer second = first;
    sink.accept(second);
    first.flip();
  }
}
