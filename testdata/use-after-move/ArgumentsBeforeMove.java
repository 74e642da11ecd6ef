package uam;

import org.borrowck4j.annotations.Owned;

/** D9: all arguments are evaluated before ownership passes. */
public class ArgumentsBeforeMove {
  private final Sink sink;
  private final Pool pool;

  public ArgumentsBeforeMove(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
  }

  // Negative: a later argument reads the value that an earlier argument moves.
  void sendWithSize() {
    Buffer buf = pool.take();
    buf.put((byte) 3);
    sink.send(buf, buf.size());
  }

  // Negative: the same in a constructor call.
  Packet packetWithLength() {
    Message msg = Message.of("framed");
    return new Packet(msg, msg.length());
  }

  // Negative: a nested call moves, its sibling argument reads first.
  void nestedArguments() {
    Message msg = Message.of("tag me");
    sink.publish(tag(msg, msg.topic()));
  }

  // Negative: an argument computed by a helper that reads the moved value.
  void helperComputesArgument() {
    Buffer buf = pool.take();
    sink.send(buf, checksum(buf));
  }

  // Negative: the value read in an argument before being moved by the next statement.
  void readInArgumentThenMove() {
    Message msg = Message.of("ordered");
    sink.log(msg.body() + msg.length());
    sink.publish(msg);
  }

  // After the call, the moved argument is gone.
  int sendThenReadSize() {
    Buffer buf = pool.take();
    sink.send(buf, buf.size());
    return buf.size(); // expect: use-after-move
  }

  // Moved by the inner call, read again in the next statement.
  void nestedMoveThenUse() {
    Message msg = Message.of("inner");
    sink.publish(tag(msg, "x"));
    sink.log(msg.topic()); // expect: use-after-move
  }

  @Owned
  private static Message tag(@Owned Message message, String label) {
    return new Message(label, message.body());
  }

  private static int checksum(Buffer buf) {
    int sum = 0;
    for (int i = 0; i < buf.size(); i++) {
      sum += buf.get(i);
    }
    return sum;
  }
}
