package org.borrowck4j.analyzer.infer;

import java.util.Collection;
import java.util.Set;

/**
 * Which analysed files' method bodies a file's analysis relied on through inferred contracts
 * (D23): the result cache keys a file's result by them, so that editing a helper re-analyses its
 * callers (decision 131). Recorded per thread: the engine analyses one file at a time on each
 * worker and says which set receives what that thread's inference reads.
 */
public final class ReadBodies {
  private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

  private ReadBodies() {}

  /** From now on this thread's inference adds the files it reads to {@code into}; null: stop. */
  public static void recordInto(Set<String> into) {
    if (into == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(into);
    }
  }

  /** The files (as the analysed sources name them) were read for the current thread's file. */
  static void read(Collection<String> files) {
    Set<String> into = CURRENT.get();
    if (into != null && !files.isEmpty()) {
      into.addAll(files);
    }
  }
}
