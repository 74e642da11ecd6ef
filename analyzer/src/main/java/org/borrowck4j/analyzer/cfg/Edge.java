package org.borrowck4j.analyzer.cfg;

/** A control-flow edge. */
public record Edge(int from, int to, Kind kind) {
  public enum Kind {
    NORMAL,
    /** Control leaves a node because it threw (a call, a {@code throw}, an iterator step). */
    EXCEPTION,
    /** Back to a loop's head, for the next iteration. */
    LOOP_BACK
  }
}
