package inference;

import java.util.Spliterator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Helpers that do nothing with a value but close it, now or later through what they create
 * (decision 151): handing them a stream that is already consumed is no use of it. The JDK's
 * {@code Stream.concat} shape.
 */
public class CloseOnly {
  static Runnable composedClose(Stream<?> a, Stream<?> b) {
    return new Runnable() {
      @Override
      public void run() {
        try {
          a.close();
        } finally {
          b.close();
        }
      }
    };
  }

  static Runnable closeLater(Stream<?> s) {
    return () -> s.close();
  }

  static Runnable countLater(Stream<?> s) {
    return () -> System.out.println(s.count());
  }

  // Negative: the streams were consumed by spliterator(); the handler only closes them.
  static <T> Stream<T> concat(Stream<T> a, Stream<T> b) {
    Spliterator<T> first = a.spliterator();
    first.tryAdvance(x -> {});
    Spliterator<T> second = b.spliterator();
    Stream<T> both = StreamSupport.stream(second, a.isParallel() || b.isParallel());
    return both.onClose(composedClose(a, b));
  }

  // Negative: the same with a lambda.
  static <T> Stream<T> closingLambda(Stream<T> a) {
    Spliterator<T> split = a.spliterator();
    return StreamSupport.stream(split, false).onClose(closeLater(a));
  }

  // Positive: the handler counts the consumed stream ("stream has already been operated upon").
  static <T> Stream<T> countingLambda(Stream<T> a) {
    Spliterator<T> split = a.spliterator();
    return StreamSupport.stream(split, false).onClose(countLater(a)); // expect: use-after-move
  }
}
