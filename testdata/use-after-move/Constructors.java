package uam;

import org.borrowck4j.annotations.Owned;

/** @Owned constructor parameters: new, records, super(...) and this(...). */
public class Constructors {
  private final Sink sink;
  private final Pool pool;

  public Constructors(Sink sink, Pool pool) {
    this.sink = sink;
    this.pool = pool;
  }

  // A constructor with an @Owned parameter moves its argument.
  Wrapper wrapThenFlip() {
    Buffer buf = pool.take();
    Wrapper wrapper = new Wrapper(buf);
    buf.flip(); // expect: use-after-move
    return wrapper;
  }

  // A record component declared @Owned moves the argument of the canonical constructor.
  Envelope envelopeThenRead() {
    Message msg = Message.of("parcel");
    Envelope envelope = new Envelope(msg, "eu-west");
    sink.log(msg.body()); // expect: use-after-move
    return envelope;
  }

  // Negative: the value is reached through the new owner.
  String envelopeReadThroughAccessor() {
    Message msg = Message.of("parcel");
    Envelope envelope = new Envelope(msg, "us-east");
    return envelope.payload().body() + envelope.route();
  }

  // Negative: a constructor with an unannotated parameter only borrows.
  String labelDoesNotMove() {
    Message msg = Message.of("label me");
    Label label = new Label(msg);
    return label.text() + msg.topic();
  }

  /** super(...) into an @Owned parameter moves the subclass constructor's parameter. */
  static class TrackedWrapper extends Wrapper {
    private final int initialSize;

    TrackedWrapper(@Owned Buffer buffer) {
      super(buffer);
      this.initialSize = buffer.size(); // expect: use-after-move
    }

    // Negative: this(...) delegation, nothing used afterwards.
    TrackedWrapper(@Owned Buffer buffer, boolean flip) {
      this(buffer);
    }
  }

  /** Borrows its message in the constructor. */
  static final class Label {
    private final String text;

    Label(Message message) {
      this.text = "[" + message.topic() + "]";
    }

    String text() {
      return text;
    }
  }
}
