package uam;

import java.util.List;
import java.util.function.Consumer;

/** Lambdas: captures moved by @Owned task parameters, and lambda bodies analysed on their own. */
public class Lambdas {
  private final Sink sink;
  private final TaskRunner runner;

  public Lambdas(Sink sink, TaskRunner runner) {
    this.sink = sink;
    this.runner = runner;
  }

  // D14: creating a lambda reads what it captures; one that only reads the owner does not move
  // it, wherever the lambda goes.
  void captureReadByTask() {
    Message msg = Message.of("async");
    runner.run(() -> System.out.println(msg.body()));
    sink.log(msg.topic());
  }

  // A lambda whose body moves the owner moves it when it is created (Rust's `move` closure).
  void captureMovedIntoTask() {
    Message msg = Message.of("async");
    runner.run(() -> sink.publish(msg));
    sink.log(msg.topic()); // expect: use-after-move
  }

  // The same lambda kept in a local: the owner moved into it at its creation.
  void captureMovedIntoLocalLambda() {
    Message msg = Message.of("later");
    Runnable send = () -> sink.publish(msg);
    sink.log(msg.topic()); // expect: use-after-move
    send.run();
  }

  // Negative: a lambda that only reads the owner, kept in a local, then the owner used and moved.
  void readingLambdaInALocal() {
    Message msg = Message.of("size");
    Runnable print = () -> System.out.println(msg.length());
    print.run();
    sink.log(msg.topic());
    sink.publish(msg);
  }

  // Negative: the same lambda passed to an unannotated parameter does not move the owner.
  void captureBorrowedByScheduler() {
    Message msg = Message.of("scheduled");
    runner.schedule(() -> System.out.println(msg.body()));
    sink.log(msg.topic());
  }

  // Negative: a lambda that captures nothing tracked.
  void taskCapturesNothingTracked() {
    Message msg = Message.of("kept");
    String topic = "audit";
    runner.run(() -> System.out.println(topic));
    sink.publish(msg);
  }

  // A move and a use inside one lambda body.
  Runnable moveAndUseInsideLambda() {
    return () -> {
      Message msg = Message.of("inside");
      sink.publish(msg);
      sink.log(msg.body()); // expect: use-after-move
    };
  }

  // A lambda parameter consumed and then used inside the lambda body.
  Consumer<Buffer> releaseThenFlipInLambda() {
    return buf -> {
      buf.release();
      buf.flip(); // expect: use-after-move
    };
  }

  // Negative: the lambda moves its own local; the enclosing method uses its own owner.
  void lambdaMovesItsOwnLocal(List<String> bodies) {
    Message outer = Message.of("outer");
    bodies.forEach(
        body -> {
          Message inner = Message.of(body);
          sink.publish(inner);
        });
    sink.log(outer.body());
    sink.publish(outer);
  }

  // Capturing a value that was already moved is a use.
  void captureAfterMove() {
    Message msg = Message.of("gone");
    sink.publish(msg);
    runner.schedule(() -> System.out.println(msg.body())); // expect: use-after-move
  }

  // Negative: each lambda releases its own parameter once.
  void releaseEachInLambda(List<Buffer> buffers) {
    buffers.forEach(
        b -> {
          sink.log(b.size());
          b.release();
        });
  }
}
