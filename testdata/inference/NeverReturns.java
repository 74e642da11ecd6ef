package inference;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;

/**
 * A call whose target is known and whose body always throws never returns (decision 241), in
 * whatever class it is declared: the code after it is not reached. mssql-jdbc closes its control
 * connection and raises the error through `SQLServerException.makeFromDriverError`, which always
 * throws.
 */
public class NeverReturns {
  static final class Failures {
    static void fail(String message) throws IOException {
      String text = "failed: " + message;
      throw new IOException(text);
    }

    static void failIf(boolean failed, String message) throws IOException {
      if (failed) {
        throw new IOException(message);
      }
    }
  }

  static class Base {
    void reject(String message) throws IOException {
      throw new IOException(message);
    }
  }

  static class Strict extends Base {
    /** `super.reject` always throws: the read after it is never reached. */
    int closeThenRejectThroughSuper(InputStream in) throws IOException {
      in.close();
      super.reject("closed");
      return in.read();
    }

    /** `reject` may be overridden to return: the read after it may run on a closed stream. */
    int closeThenRejectOverridable(InputStream in) throws IOException {
      in.close();
      reject("closed");
      return in.read(); // expect: use-after-move
    }
  }

  /** The helper always throws: the read after it is never reached. */
  static int closeThenFail(InputStream in) throws IOException {
    in.close();
    Failures.fail("closed");
    return in.read();
  }

  /** The helper throws only sometimes: when it returns, the stream is read after its close. */
  static int closeThenMaybeFail(InputStream in, boolean failed) throws IOException {
    in.close();
    Failures.failIf(failed, "closed");
    return in.read(); // expect: use-after-move
  }

  /** A message that cannot be replaced: its `replace` always throws. */
  static class Unsupported extends WrappingFactories.Message {
    Unsupported(ByteBuf key, ByteBuf content) {
      super(key, content);
    }

    @Override
    public WrappingFactories.Message replace(ByteBuf content) {
      throw new UnsupportedOperationException();
    }
  }

  /** `super.replace` throws: no replacement is made, so none is dropped (vert.x's assembled messages). */
  static final class Assembled extends Unsupported {
    Assembled(ByteBuf key, ByteBuf content) {
      super(key, content);
    }

    @Override
    public Assembled replace(ByteBuf content) {
      super.replace(content);
      return this;
    }
  }

  /** `super.replace` makes a replacement, owning the content, and it is dropped. */
  static final class Dropping extends WrappingFactories.Message {
    Dropping(ByteBuf key, ByteBuf content) {
      super(key, content);
    }

    @Override
    public Dropping replace(ByteBuf content) {
      super.replace(content); // expect: owned-value-leaked
      return this;
    }
  }
}
