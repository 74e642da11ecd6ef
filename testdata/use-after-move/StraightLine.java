package uam;

import org.borrowck4j.annotations.Owned;

/** Use after move in straight-line code. */
public class StraightLine {
  private final Sink sink;
  private final Pool pool;

  public StraightLine(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
  }

  // A method call on an owned-type local after it was passed to an @Owned parameter.
  void readAfterPublish() {
    Message msg = new Message("orders", "created #42");
    sink.publish(msg);
    sink.log(msg.body()); // expect: use-after-move
    sink.log(msg.length()); // D8: only the first use after the move is reported
  }

  // An owner initialised from an @Owned method, used after it was moved into a sink.
  void flipAfterAccept() {
    Buffer buf = pool.take();
    buf.put((byte) 1);
    sink.accept(buf);
    buf.flip(); // expect: use-after-move
  }

  // An @Owned parameter is an owner: using it after moving it is reported.
  int lengthAfterForward(@Owned Message msg) {
    sink.publish(msg);
    return msg.length(); // expect: use-after-move
  }

  // Returning a moved value is a use.
  Message returnAfterMove() {
    Message msg = Message.of("heartbeat");
    sink.publish(msg);
    return msg; // expect: use-after-move
  }

  // Passing a moved value to an unannotated method is a use.
  void logAfterMove() {
    Message msg = Message.of("audit");
    sink.publish(msg);
    sink.log(msg); // expect: use-after-move
  }

  // String concatenation reads the moved value.
  String describeAfterMove() {
    Message msg = Message.of("status");
    sink.publish(msg);
    return "sent " + msg; // expect: use-after-move
  }

  // Moving the same value twice: the second move is the use.
  void publishTwice() {
    Message msg = Message.of("duplicate");
    sink.publish(msg);
    sink.publish(msg); // expect: use-after-move
  }

  // A local declared @Owned (initialised from a plain constructor) is an owner.
  int explicitOwnedLocal() {
    @Owned Buffer scratch = new Buffer(64);
    sink.accept(scratch);
    return scratch.size(); // expect: use-after-move
  }

  // A `var` local whose inferred type is an owned type is an owner.
  String varOfOwnedType() {
    var reply = Message.of("pong");
    sink.publish(reply);
    return reply.topic(); // expect: use-after-move
  }

  // Moved inside a nested block, used after the block.
  void movedInNestedBlock() {
    Message msg = Message.of("nested");
    {
      sink.log("publishing");
      sink.publish(msg);
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Moved into a static helper with an @Owned parameter.
  void movedIntoStaticHelper() {
    Message msg = Message.of("archived");
    archive(msg);
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: every use comes before the move.
  void useBeforeMove() {
    Message msg = Message.of("ok");
    sink.log(msg.body());
    sink.log(msg.length());
    sink.publish(msg);
  }

  // Negative: moving one value does not affect another.
  void differentValues() {
    Message first = Message.of("first");
    Message second = Message.of("second");
    sink.publish(first);
    sink.log(second.body());
    sink.publish(second);
  }

  // Negative: comparing a moved value with null is not a use.
  boolean nullComparisonsAfterMove() {
    Message msg = Message.of("maybe");
    sink.publish(msg);
    if (msg != null) {
      sink.log("published");
    }
    return msg == null;
  }

  private static void archive(@Owned Message message) {
    System.out.println(message.body());
  }
}
