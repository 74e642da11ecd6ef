package escapes;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;

/** Lent references captured by lambdas, anonymous classes and method references that escape. */
public class Captures {
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final Timer timer = new Timer(true);
  private final List<Runnable> listeners = new ArrayList<>();
  private final Map<String, Integer> sizes = new HashMap<>();
  private Runnable onClose;
  private IntSupplier probe;

  public Captures(ExecutorService executor, ScheduledExecutorService scheduler) {
    this.executor = executor;
    this.scheduler = scheduler;
  }

  // A lambda capturing a lent packet handed to an executor.
  void logLater(@Borrowed Packet p) {
    executor.execute(() -> System.out.println(p.length())); // expect: borrow-escapes
  }

  // Reported where the lambda starts, not where the call starts.
  Future<?> checksumLater(@Borrowed Packet p) {
    return executor.submit(
        () -> { // expect: borrow-escapes
          int sum = 0;
          for (int i = 0; i < p.length(); i++) {
            sum += p.at(i);
          }
          return sum;
        });
  }

  // A bound method reference on a lent packet submitted to an executor.
  Future<Integer> lengthLater(@Borrowed Packet p) {
    return executor.submit(p::length); // expect: borrow-escapes
  }

  // A lambda capturing a lent buffer given to a new thread.
  Thread dumpInBackground(@Borrowed ByteBuf buf) {
    Thread t = new Thread(() -> System.out.println(buf.readableBytes())); // expect: borrow-escapes
    t.start();
    return t;
  }

  // CompletableFuture.runAsync keeps its task.
  CompletableFuture<Void> asyncPrint(@Borrowed Packet p) {
    return CompletableFuture.runAsync(() -> System.out.println(p.at(0))); // expect: borrow-escapes
  }

  // supplyAsync with a bound method reference on a derived view.
  CompletableFuture<Integer> asyncSize(@Borrowed Packet p) {
    Window w = p.payload();
    return CompletableFuture.supplyAsync(w::size); // expect: borrow-escapes
  }

  // A non-async stage keeps its function until the future completes.
  CompletableFuture<Integer> addLength(CompletableFuture<Integer> f, @Borrowed Packet p) {
    return f.thenApply(n -> n + p.length()); // expect: borrow-escapes
  }

  // A scheduled task capturing a @Mut parameter.
  void appendLater(@Mut Packet p) {
    scheduler.schedule(() -> p.append((byte) 1), 10, TimeUnit.MILLISECONDS); // expect: borrow-escapes
  }

  // An anonymous TimerTask capturing a lent packet: reported at `new`.
  void printEverySecond(@Borrowed Packet p) {
    timer.schedule(
        new TimerTask() { // expect: borrow-escapes
          @Override
          public void run() {
            System.out.println(p.length());
          }
        },
        1000L,
        1000L);
  }

  // A lambda capturing a lent packet stored in a field.
  void rememberCloseAction(@Borrowed Packet p) {
    onClose = () -> System.out.println(p.length()); // expect: borrow-escapes
  }

  // A bound method reference stored in a field.
  void rememberProbe(@Borrowed Packet p) {
    this.probe = p::length; // expect: borrow-escapes
  }

  // A lambda capturing a lent packet added to a field's listener list.
  void addListener(@Borrowed Packet p) {
    listeners.add(() -> System.out.println(p.length())); // expect: borrow-escapes
  }

  // A lambda capturing a lent packet returned from the method.
  Supplier<Integer> lazyLength(@Borrowed Packet p) {
    return () -> p.length(); // expect: borrow-escapes
  }

  // A lambda held in a local first, then handed to the executor: reported where it starts.
  void submitHeld(@Borrowed Packet p) {
    Runnable task = () -> System.out.println(p.length()); // expect: borrow-escapes
    executor.execute(task);
  }

  // Negative: a lambda given to forEach (unannotated, unmodelled) does not escape.
  void printAll(List<Integer> indexes, @Borrowed Packet p) {
    indexes.forEach(i -> System.out.println(p.at(i)));
  }

  // Negative: a lambda given to computeIfAbsent does not escape.
  int cachedLength(String key, @Borrowed Packet p) {
    return sizes.computeIfAbsent(key, k -> p.length());
  }

  // Negative: a lambda run at once through a local variable.
  int runNow(@Borrowed Packet p) {
    IntSupplier s = () -> p.length() * 2;
    return s.getAsInt();
  }

  // Negative: the task captures only a copy of what it needs.
  void logLengthLater(@Borrowed Packet p) {
    int n = p.length();
    executor.execute(() -> System.out.println(n));
  }

  // Negative: a lambda capturing a lent packet used in a stream pipeline of a local list.
  List<Integer> offsets(List<Integer> indexes, @Borrowed Packet p) {
    return indexes.stream().map(i -> i + p.at(0)).toList();
  }

  // Negative: a lambda capturing an unannotated parameter handed to an executor (D3).
  void logUnannotated(Packet p) {
    executor.execute(() -> System.out.println(p.length()));
  }

  // Negative: a lambda capturing a lent packet put into a LOCAL list of tasks.
  void runAllNow(@Borrowed Packet p) {
    List<Runnable> tasks = new ArrayList<>();
    tasks.add(() -> System.out.println(p.length()));
    tasks.add(() -> System.out.println(p.at(0)));
    for (Runnable r : tasks) {
      r.run();
    }
  }
}
