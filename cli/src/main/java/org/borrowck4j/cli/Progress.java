package org.borrowck4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A progress line on standard error for a long run at a terminal: {@code borrowck: 1,234 of 5,000
 * files (24%)}, redrawn in place and cleared when the run ends. Nothing for the first {@link
 * #QUIET_NANOS}, so a short run prints nothing, and nothing at all in pipes, CI logs, under {@code
 * TERM=dumb} or with {@code --no-progress}: a redrawn line is noise in a log file.
 */
final class Progress implements IntConsumer, AutoCloseable {
  static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long REDRAW_MILLIS = 200;

  private final PrintWriter err;
  private final int total;
  private final long start;
  private final AtomicInteger done = new AtomicInteger();
  private ScheduledExecutorService ticker;
  private int shownWidth;
  private boolean closed;

  Progress(PrintWriter err, int total, long startNanos) {
    this.err = err;
    this.total = total;
    this.start = startNanos;
  }

  /** Whether a run may show progress at all. */
  static boolean wanted(Environment env, boolean noProgress) {
    return !noProgress && env.capableTerminal() && !env.ci();
  }

  /** A progress line redrawn on a daemon thread; or one that shows nothing. */
  static Progress start(PrintWriter err, int total, boolean wanted) {
    Progress p = new Progress(err, total, System.nanoTime());
    if (wanted) {
      p.ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "borrowck-progress");
                t.setDaemon(true);
                return t;
              });
      p.ticker.scheduleAtFixedRate(() -> p.tick(System.nanoTime()), REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }
    return p;
  }

  @Override
  public void accept(int filesDone) {
    done.accumulateAndGet(filesDone, Math::max);
  }

  /** Redraws the line, once the run has taken long enough to deserve one. */
  synchronized void tick(long now) {
    if (closed || now - start < QUIET_NANOS) {
      return;
    }
    int n = done.get();
    String line = String.format(java.util.Locale.ROOT, "borrowck: %,d of %,d files (%d%%)", n, total, total == 0 ? 100 : n * 100L / total);
    err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
    err.flush();
    shownWidth = Math.max(shownWidth, line.length());
  }

  /** Stops redrawing and clears the line, so what follows starts on a clean one. */
  @Override
  public synchronized void close() {
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (shownWidth > 0) {
      err.print("\r" + " ".repeat(shownWidth) + "\r");
      err.flush();
      shownWidth = 0;
    }
  }
}
