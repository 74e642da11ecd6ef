package inference;

import java.io.IOException;
import java.io.InputStream;

/**
 * An overridable method says what its analysed implementations all do (D23); where they
 * disagree, nothing is inferred.
 */
public class Overrides {
  /** Every implementation closes what it is given. */
  abstract static class Sink {
    abstract void drain(InputStream in) throws IOException;
  }

  static class CountingSink extends Sink {
    long count;

    @Override
    void drain(InputStream in) throws IOException {
      try (in) {
        while (in.read() >= 0) {
          count++;
        }
      }
    }
  }

  static class DiscardingSink extends Sink {
    @Override
    void drain(InputStream in) throws IOException {
      in.close();
    }
  }

  int readAfterDrained(Sink sink, InputStream in) throws IOException {
    sink.drain(in);
    return in.read(); // expect: use-after-move
  }

  /** One implementation closes, the other only peeks. */
  interface Reader {
    int first(InputStream in) throws IOException;
  }

  static final class ClosingReader implements Reader {
    @Override
    public int first(InputStream in) throws IOException {
      try (in) {
        return in.read();
      }
    }
  }

  static final class PeekingReader implements Reader {
    @Override
    public int first(InputStream in) throws IOException {
      in.mark(1);
      int b = in.read();
      in.reset();
      return b;
    }
  }

  // Negative: the implementations disagree; nothing is inferred, nothing is guessed.
  int readAfterFirst(Reader r, InputStream in) throws IOException {
    int b = r.first(in);
    return b + in.read();
  }

  // Negative: a recursive helper infers nothing (the fixpoint from "no contract").
  static void skipAll(InputStream in, int n) throws IOException {
    if (n == 0) {
      in.close();
      return;
    }
    in.read();
    skipAll(in, n - 1);
  }

  int readAfterSkipAll(InputStream in) throws IOException {
    skipAll(in, 3);
    return in.read();
  }
}
