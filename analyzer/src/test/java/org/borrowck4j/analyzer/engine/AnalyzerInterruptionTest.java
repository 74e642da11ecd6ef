package org.borrowck4j.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.diagnostics.Severity;
import org.borrowck4j.analyzer.flow.BodyAnalyses;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped run stops: interrupting the thread that analyses ends the call with {@link
 * InterruptedException}, never a partial result, and only once every worker has stopped, even one
 * in the middle of a method whose analysis would never end.
 */
class AnalyzerInterruptionTest {
  @TempDir Path dir;

  /** A check that never finishes on its own: it keeps charging the budget, as a huge method would. */
  private static final class EndlessCheck implements Rule {
    final CountDownLatch started = new CountDownLatch(1);
    final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    final AtomicInteger running = new AtomicInteger();

    @Override
    public RuleInfo info() {
      return new RuleInfo("BC999", "endless", Severity.ERROR, "never ends", "low", List.of());
    }

    @Override
    public void check(BodyAnalyses body, Consumer<Finding> report) {
      workers.add(Thread.currentThread());
      running.incrementAndGet();
      started.countDown();
      try {
        while (true) {
          body.budget().charge(1);
        }
      } finally {
        running.decrementAndGet();
      }
    }
  }

  private AnalyzerConfig config(Rule rule) {
    return new AnalyzerConfig(
        JavaSourceParser.newestLevel(), List.of(), List.of(), List::of, List.of(rule), 2, false, false, name -> true,
        StandardCharsets.UTF_8, Long.MAX_VALUE);
  }

  private List<InputFile> files(int n) throws Exception {
    List<InputFile> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path p = Files.writeString(dir.resolve("C" + i + ".java"), "class C" + i + " { void m() { int x = 1; } }\n");
      inputs.add(new InputFile(p, p.getFileName().toString()));
    }
    return inputs;
  }

  @Test
  @Timeout(120)
  void anInterruptStopsEveryWorkerAndGivesNoResult() throws Exception {
    EndlessCheck endless = new EndlessCheck();
    List<InputFile> inputs = files(4);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread run =
        new Thread(
            () -> {
              try {
                new Analyzer(config(endless)).analyze(inputs);
                outcome.set(new AssertionError("a result from an interrupted run"));
              } catch (Throwable t) {
                outcome.set(t);
              }
            });
    run.start();
    assertTrue(endless.started.await(60, TimeUnit.SECONDS), "the check never started");

    long stopAsked = System.nanoTime();
    run.interrupt();
    run.join(TimeUnit.SECONDS.toMillis(30));

    assertFalse(run.isAlive(), "analyze did not return after the interrupt");
    assertInstanceOf(InterruptedException.class, outcome.get());
    assertEquals(0, endless.running.get(), "a check still runs after analyze returned");
    for (Thread worker : endless.workers) {
      worker.join(5_000); // its thread ends just after its last task
      assertFalse(worker.isAlive(), "a worker thread outlived the run: " + worker);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAsked);
    assertTrue(millis < 10_000, "stopping took " + millis + " ms");
  }

  @Test
  @Timeout(120)
  void anAlreadyInterruptedThreadGetsNoResult() throws Exception {
    List<InputFile> inputs = files(2);
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedException.class, () -> new Analyzer(config(new EndlessCheck())).analyze(inputs));
    } finally {
      Thread.interrupted();
    }
  }
}
