package uam;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * D9: a catch of a checked exception is reached only from the calls that may throw it — whose
 * declaration names it, a subtype or a supertype of it in its throws clause, or that nobody knows —
 * and from a throw of such a type; a catch of an unchecked exception, of Exception or of Throwable
 * from any call. Each positive has its negative beside it: the same shape where the only call after
 * the move cannot throw what the catch catches.
 */
public class CheckedCatches {
  private final Sink sink;
  private final Channel channel;

  public CheckedCatches(Sink sink, Channel channel) {
    this.sink = sink;
    this.channel = channel;
  }

  /** Declares an IOException of its own: a source declaration says what it throws. */
  interface Store {
    void save(String key) throws IOException;

    void index(String key);

    void commit() throws SQLException;
  }

  /** A constructor that declares what it throws. */
  static final class Journal {
    Journal(String path) throws FileNotFoundException {}

    Journal() {}
  }

  // The flush after the move may throw the IOException: the catch sees a moved message.
  void flushAfterTheMove() {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      channel.flush();
    } catch (IOException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: after the move only a log, which declares no IOException; the catch is reached from
  // the flush before the move only.
  void onlyALogAfterTheMove() {
    Message msg = Message.of("payload");
    try {
      channel.flush();
      sink.publish(msg);
      sink.log("published");
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // A method of the sources that declares the IOException.
  void sourceMethodDeclaresIt(Store store) {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      store.save("k");
    } catch (IOException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: the method of the sources called after the move declares nothing.
  void sourceMethodDeclaresNothing(Store store) {
    Message msg = Message.of("payload");
    try {
      store.save("k");
      sink.publish(msg);
      store.index("k");
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // Negative: what the call after the move declares (SQLException) is no IOException.
  void anotherCheckedException(Store store) throws SQLException {
    Message msg = Message.of("payload");
    try {
      store.save("k");
      sink.publish(msg);
      store.commit();
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // The same call caught by a multi-catch that names its exception.
  void multiCatch(Store store) {
    Message msg = Message.of("payload");
    try {
      store.save("k");
      sink.publish(msg);
      store.commit();
    } catch (IOException | SQLException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // A subtype declared (FileNotFoundException) is caught by a catch of IOException.
  void constructorDeclaresASubtype() {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      new Journal("/tmp/journal");
    } catch (IOException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: a constructor that declares nothing.
  void constructorDeclaresNothing() {
    Message msg = Message.of("payload");
    try {
      new Journal("/tmp/journal");
      sink.publish(msg);
      new Journal();
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // A JDK constructor, read from its class file: URI(String) declares URISyntaxException.
  void jdkConstructor(String text) {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      new URI(text);
    } catch (URISyntaxException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: File(String) declares nothing.
  void jdkConstructorDeclaresNothing(String text) {
    Message msg = Message.of("payload");
    try {
      new URI(text);
      sink.publish(msg);
      new File(text);
    } catch (URISyntaxException e) {
      sink.log(msg.body());
    }
  }

  // Negative: List.add is in a model that says nothing of what it throws; the class file says
  // it declares nothing.
  void modelSilentClassFileSays(List<String> keys) {
    Message msg = Message.of("payload");
    try {
      channel.flush();
      sink.publish(msg);
      keys.add("published");
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // A supertype declared (Exception, by Callable.call) may be the IOException caught.
  void supertypeDeclared(Callable<String> task) throws Exception {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      task.call();
    } catch (IOException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // A catch of a subtype (FileNotFoundException) is reached from a call that declares its
  // supertype (IOException).
  void catchOfASubtype() throws IOException {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      channel.flush();
    } catch (FileNotFoundException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // A throw of the checked exception after the move.
  void thrownAfterTheMove(boolean failed) {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      if (failed) {
        throw new IOException("failed");
      }
    } catch (IOException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: what is thrown after the move is unchecked, and the catch is of an IOException.
  void uncheckedThrownAfterTheMove(boolean failed) {
    Message msg = Message.of("payload");
    try {
      channel.flush();
      sink.publish(msg);
      if (failed) {
        throw new IllegalStateException("failed");
      }
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }

  // A catch of an unchecked exception is reached from any call: the log may throw one.
  void uncheckedCaught() {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      sink.log("published");
    } catch (IllegalStateException e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // A catch of Exception too.
  void exceptionCaught() {
    Message msg = Message.of("payload");
    try {
      sink.publish(msg);
      sink.log("published");
    } catch (Exception e) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: a for-each step throws no checked exception (an iterator's methods declare none).
  void loopAfterTheMove(List<String> keys) {
    Message msg = Message.of("payload");
    try {
      channel.flush();
      sink.publish(msg);
      for (String k : keys) {
        sink.log(k.length());
      }
    } catch (IOException e) {
      sink.log(msg.body());
    }
  }
}
