package uam;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/** Assigning an owner to another variable or to an @Owned field moves it. */
public class Assignments {
  private final Sink sink;
  private final Pool pool;
  @Owned private Message pending;

  public Assignments(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
  }

  // Initialising another local from an owner moves it.
  void copyMovesOriginal() {
    Message msg = Message.of("original");
    Message copy = msg;
    sink.log(copy.body());
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: only the new variable is used after the assignment.
  void copyUsedOnly() {
    Message msg = Message.of("original");
    Message copy = msg;
    sink.log(copy.body());
    sink.publish(copy);
  }

  // Negative: a @Borrowed local does not take ownership.
  void borrowedLocalDoesNotMove() {
    Message msg = Message.of("shared");
    @Borrowed Message view = msg;
    sink.log(view.body());
    sink.log(msg.body());
  }

  // Negative: a @Mut local does not take ownership either.
  void mutLocalDoesNotMove(@Owned Buffer buf) {
    @Mut Buffer target = buf;
    target.put((byte) 1);
    buf.flip();
    sink.accept(buf);
  }

  // Assigning to an already declared local moves the source.
  int assignmentToExistingLocal() {
    Message msg = Message.of("assign");
    Message current;
    current = msg;
    sink.log(current.topic());
    return msg.length(); // expect: use-after-move
  }

  // `var` initialised from an owner moves it.
  void varAliasMoves() {
    Message msg = Message.of("alias");
    var alias = msg;
    sink.publish(alias);
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Assigning to a local of a wider type still moves.
  void widenedLocalMoves() {
    Message msg = Message.of("widened");
    Object any = msg;
    sink.log(any);
    sink.log(msg); // expect: use-after-move
  }

  // Assigning to an @Owned field moves the local.
  void storeInOwnedField() {
    Message msg = Message.of("pending");
    this.pending = msg;
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: a swap through a temporary leaves both variables initialised.
  void swap() {
    Message left = Message.of("left");
    Message right = Message.of("right");
    Message tmp = left;
    left = right;
    right = tmp;
    sink.log(left.body());
    sink.log(right.body());
  }

  // A pooled buffer aliased into another local: the original is moved.
  void bufferAliasMoves() {
    Buffer buf = pool.take();
    Buffer other = buf;
    buf.flip(); // expect: use-after-move
    other.release();
  }
}
