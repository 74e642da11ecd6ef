package uam;

import java.io.IOException;

/** Re-assigning a moved variable makes it usable again, on the paths that re-assign it. */
public class Reinitialisation {
  private final Sink sink;
  private final Pool pool;
  private final Channel channel;

  public Reinitialisation(Sink sink, Pool pool, Channel channel) {
    this.sink = sink;
    this.pool = pool;
    this.channel = channel;
  }

  // Negative: moved, re-assigned, used.
  void moveReassignUse() {
    Message msg = Message.of("v1");
    sink.publish(msg);
    msg = Message.of("v2");
    sink.log(msg.body());
    sink.publish(msg);
  }

  // Re-assigned on one branch only: the other path still sees the moved value.
  void reassignedOnOneBranch(boolean refresh) {
    Message msg = Message.of("stale");
    sink.publish(msg);
    if (refresh) {
      msg = Message.of("fresh");
    }
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: re-assigned on both branches.
  void reassignedOnBothBranches(boolean refresh) {
    Message msg = Message.of("stale");
    sink.publish(msg);
    if (refresh) {
      msg = Message.of("fresh");
    } else {
      msg = Message.of("default");
    }
    sink.log(msg.body());
  }

  // Re-assigning from another owner moves that other owner.
  void reassignFromBackup() {
    Message msg = Message.of("primary");
    Message backup = Message.of("backup");
    sink.publish(msg);
    msg = backup;
    sink.log(msg.body());
    sink.log(backup.body()); // expect: use-after-move
  }

  // Negative: re-assigned to null; null checks are not uses.
  void reassignToNull() {
    Message msg = Message.of("once");
    sink.publish(msg);
    msg = null;
    if (msg == null) {
      sink.log("nothing pending");
    }
  }

  // The re-assignment may throw: the catch path still holds the moved value.
  void reassignmentMayFail() {
    Message msg = Message.of("request");
    sink.publish(msg);
    try {
      msg = channel.read();
    } catch (IOException e) {
      sink.log("read failed");
    }
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: an owner re-initialised from an @Owned method after being moved.
  void bufferReinitialisedFromPool() {
    Buffer buf = pool.take();
    sink.accept(buf);
    buf = pool.take();
    buf.flip();
    sink.accept(buf);
  }

  // Re-initialised, then moved again: the second move is a new move site.
  void moveReassignMoveAgain() {
    Message msg = Message.of("a");
    sink.publish(msg);
    msg = Message.of("b");
    sink.publish(msg);
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Negative: re-assigned from a method result inside the loop before the next use.
  void reassignedFromChannelInLoop(int count) throws IOException {
    Message msg = channel.read();
    for (int i = 0; i < count; i++) {
      sink.publish(msg);
      msg = channel.read();
    }
    sink.log(msg.length());
  }
}
