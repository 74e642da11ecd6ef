package org.borrowck4j.analyzer.dataflow;

/**
 * A bound on the work spent analysing one body, counted in steps (a transfer-function
 * application costs one step per 64 bits of state it carries, a node visited by a search one
 * step). Counting work rather than time keeps the outcome the same on every machine and under
 * any load: a body over budget is skipped the same way everywhere.
 */
public final class Budget {
  /**
   * Some seconds of work. The most expensive method of the benchmark corpora (bench/) takes under
   * 6,000 steps; a generated method of 10,000 statements over one list about 5 million.
   */
  public static final long DEFAULT_STEPS = 10_000_000L;

  private final long limit;
  private long spent;

  public Budget(long limit) {
    this.limit = limit;
  }

  public static Budget unlimited() {
    return new Budget(Long.MAX_VALUE);
  }

  /** How often, in steps, an analysis looks whether its thread was interrupted (a run stopped). */
  static final long INTERRUPT_CHECK_STEPS = 1 << 16;

  /**
   * Spends {@code steps}; throws {@link Exceeded} once more than the limit has been spent, and
   * {@link Interrupted} when the thread was interrupted: a method that takes seconds stops within
   * a few milliseconds of the run being stopped.
   */
  public void charge(long steps) {
    long before = spent;
    spent += steps;
    if (spent > limit) {
      throw new Exceeded(limit);
    }
    if (before / INTERRUPT_CHECK_STEPS != spent / INTERRUPT_CHECK_STEPS && Thread.currentThread().isInterrupted()) {
      throw new Interrupted();
    }
  }

  public long spent() {
    return spent;
  }

  public long limit() {
    return limit;
  }

  /** The body needs more than its budget; it is skipped and a notification says so. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    Exceeded(long limit) {
      super("analysis budget of " + limit + " steps exceeded", null, false, false);
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /** The run was stopped while this body was analysed; what was found of it is thrown away. */
  public static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted() {
      super("analysis interrupted", null, false, false);
    }
  }
}
