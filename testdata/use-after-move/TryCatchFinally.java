package uam;

import java.io.IOException;

/** Moves inside try/catch/finally and try-with-resources. */
public class TryCatchFinally {
  private final Sink sink;
  private final Pool pool;
  private final Channel channel;

  public TryCatchFinally(Sink sink, Pool pool, Channel channel) {
    this.sink = sink;
    this.pool = pool;
    this.channel = channel;
  }

  // D9: a call that throws has not taken its argument: the catch may still use it.
  void usedInCatchAfterWriteFailed() {
    Message msg = Message.of("payload");
    try {
      channel.write(msg);
    } catch (IOException e) {
      sink.log("write failed for " + msg.topic());
    }
  }

  // The nearest bug: the write succeeded and took the message, then the flush threw.
  void usedInCatchAfterFlushFailed() {
    Message msg = Message.of("payload");
    try {
      channel.write(msg);
      channel.flush();
    } catch (IOException e) {
      sink.log("write failed for " + msg.topic()); // expect: use-after-move
    }
  }

  // Moved in try, used in finally.
  void usedInFinally() throws IOException {
    Message msg = Message.of("payload");
    try {
      channel.write(msg);
      channel.flush();
    } finally {
      sink.log(msg.length()); // expect: use-after-move
    }
  }

  // `return buf` moves the owner out; the finally then releases a moved value.
  Buffer returnInTryReleaseInFinally() {
    Buffer buf = pool.take();
    try {
      buf.put((byte) 7);
      return buf;
    } finally {
      buf.release(); // expect: use-after-move
    }
  }

  // Negative (decision 152): on the path of the return `in` was set to null, so the guard of the
  // finally is false there and the returned buffer is not released (Netty's cumulators).
  Buffer mergeGuardedByNull(Buffer in) {
    Buffer merged = pool.take();
    try {
      merged.put(in.get(0));
      in = null;
      return merged;
    } finally {
      if (in != null) {
        in.release();
        merged.release();
      }
    }
  }

  // Positive: the guard is not cleared before the return: the finally releases the returned buffer.
  Buffer mergeGuardNotCleared(Buffer in) {
    Buffer merged = pool.take();
    try {
      merged.put(in.get(0));
      return merged;
    } finally {
      if (in != null) {
        merged.release(); // expect: use-after-move
      }
    }
  }

  // An unchecked exception from the moving call itself: the call has not taken the value (D9).
  void usedInRuntimeExceptionHandler() {
    Message msg = Message.of("event");
    try {
      sink.publish(msg);
    } catch (RuntimeException e) {
      sink.log(msg.body());
    }
  }

  // An unchecked exception from a later call reaches the catch with the value moved.
  void usedInRuntimeExceptionHandlerAfterALaterCall() {
    Message msg = Message.of("event");
    try {
      sink.publish(msg);
      sink.log("published");
    } catch (RuntimeException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: the catch only uses the value, which is moved after the try.
  void useInCatchMoveAfterTry() {
    Message msg = Message.of("flush first");
    try {
      sink.log(msg.body());
      channel.flush();
    } catch (IOException e) {
      sink.log(msg.topic());
    }
    sink.publish(msg);
  }

  // Negative: the catch moves and returns, so the use after the try is unmoved.
  void moveInCatchThenReturn() {
    Message msg = Message.of("fallback");
    try {
      channel.flush();
    } catch (IOException e) {
      sink.publish(msg);
      return;
    }
    sink.log(msg.body());
  }

  // Moved in a catch that falls through to the code after the try.
  void moveInCatchFallsThrough() {
    Message msg = Message.of("dead letter");
    try {
      channel.flush();
    } catch (IOException e) {
      sink.publish(msg);
    }
    sink.log(msg.body()); // expect: use-after-move
  }

  // Moved in finally, used after the try statement.
  void moveInFinallyThenUse() throws IOException {
    Message msg = Message.of("always sent");
    try {
      channel.flush();
    } finally {
      sink.publish(msg);
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Negative: finally always re-initialises the variable.
  void finallyReinitialises() {
    Message msg = Message.of("attempt");
    try {
      channel.write(msg);
    } catch (IOException e) {
      sink.log("failed");
    } finally {
      msg = Message.of("next attempt");
    }
    sink.log(msg.body());
  }

  // Moved inside an inner try, used in the outer catch: the inner finally may throw the
  // IOException after the write took the message.
  void innerTryOuterCatch() {
    Message msg = Message.of("nested");
    try {
      try {
        channel.write(msg);
      } finally {
        channel.flush();
      }
    } catch (IOException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative (D9): the inner finally only logs, which throws no IOException; the outer catch is
  // reached only from the write that failed, which did not take the message.
  void innerTryOuterCatchOnlyFromTheWrite() {
    Message msg = Message.of("nested");
    try {
      try {
        channel.write(msg);
      } finally {
        sink.log("inner done");
      }
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // Negative: a try-with-resources resource used inside its block.
  void resourceUsedInsideBlock(String host) {
    try (Connection conn = Connection.open(host)) {
      conn.send("HELLO");
      conn.send("QUIT");
    }
  }

  // Negative: closing the resource explicitly; the implicit close is idempotent (D5).
  void explicitCloseInsideResourceBlock(String host) {
    try (Connection conn = Connection.open(host)) {
      conn.send("BYE");
      conn.close();
    }
  }

  // A resource used after it was closed explicitly inside its block.
  void sendAfterExplicitClose(String host) {
    try (Connection conn = Connection.open(host)) {
      conn.close();
      conn.send("too late"); // expect: use-after-move
    }
  }

  // Moved inside a try-with-resources body, used after the statement.
  void movedInsideResourceBlock(String host) {
    Message msg = Message.of("via connection");
    try (Connection conn = Connection.open(host)) {
      conn.send(msg.body());
      sink.publish(msg);
    }
    sink.log(msg.topic()); // expect: use-after-move
  }
}
