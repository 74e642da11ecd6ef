package uam;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A lambda or anonymous class capturing a consumed stream or a closed reader reads it the way its
 * body does (decision 265): closing it, or asking what works on a consumed stream, is no use after
 * move; running it is.
 */
public class ConsumedCaptures {

  /** An iterator that closes what it is told to when it is closed (jena's WrappedIterator). */
  static class ClosingIterator<T> implements Iterator<T>, AutoCloseable {
    private final Iterator<? extends T> base;

    ClosingIterator(Iterator<? extends T> base) {
      this.base = base;
    }

    @Override
    public boolean hasNext() {
      return base.hasNext();
    }

    @Override
    public T next() {
      return base.next();
    }

    @Override
    public void close() {}

    long remaining() {
      return 0;
    }
  }

  // Negative: jena's WrappedIterator.ofStream, an iterator over a stream whose close() closes it.
  static <T> ClosingIterator<T> ofStream(Stream<T> stream) {
    return new ClosingIterator<T>(stream.iterator()) {
      @Override
      public void close() {
        stream.close();
      }
    };
  }

  // Negative: the same closing kept in a lambda.
  static <T> Runnable closer(Stream<T> stream) {
    Iterator<T> it = stream.iterator();
    it.hasNext();
    return () -> stream.close();
  }

  // Negative: after the terminal operation, a lambda that closes the stream and one that asks
  // what works on a consumed stream (D21), nested in another lambda too.
  static <T> Runnable afterCount(Stream<T> stream) {
    long n = stream.count();
    Runnable report = () -> System.out.println(n + (stream.isParallel() ? " in parallel" : ""));
    return () -> {
      report.run();
      Runnable close = () -> stream.close();
      close.run();
    };
  }

  // A lambda that runs the stream again after iterator() consumed it.
  static <T> LongSupplier countLater(Stream<T> stream) {
    Iterator<T> it = stream.iterator();
    it.hasNext();
    return () -> stream.count(); // expect: use-after-move
  }

  // An anonymous class whose method runs the stream the constructor's argument consumed.
  static <T> ClosingIterator<T> countingIterator(Stream<T> stream) {
    return new ClosingIterator<T>(stream.iterator()) { // expect: use-after-move
      @Override
      long remaining() {
        return stream.count();
      }
    };
  }

  // Closing, but also reading what needs the stream unconsumed.
  static <T> Runnable closeAfterCount(Stream<T> stream) {
    Iterator<T> it = stream.iterator();
    it.hasNext();
    return () -> { // expect: use-after-move
      System.out.println(stream.count());
      stream.close();
    };
  }

  // Moved, not consumed: closing what another variable owns now is a use of a moved value (D21
  // keeps Rust's rule for moves).
  static <T> Runnable closeMoved(Stream<T> stream) {
    Stream<T> s = stream.filter(x -> x != null);
    Stream<T> owner = s;
    owner.count();
    return () -> s.close(); // expect: use-after-move
  }

  // Negative: a closed reader captured to be closed again, or to be printed (D21).
  static Runnable closeQuietlyLater(Reader in) throws IOException {
    in.close();
    return () -> {
      System.out.println("closing " + in);
      try {
        in.close();
      } catch (IOException ignored) {
        // closed already
      }
    };
  }

  // A closed reader captured by a lambda that reads it (D21: a read needs it open).
  static IntSupplier readLater(Reader in) throws IOException {
    in.close();
    return () -> { // expect: use-after-move
      try {
        return in.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
