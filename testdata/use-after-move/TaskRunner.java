package uam;

import org.borrowck4j.annotations.Owned;

/** Runs tasks (support type). */
public interface TaskRunner {
  /** Takes ownership of the task and everything it captured. */
  void run(@Owned Runnable task);

  /** Unannotated: the task is only borrowed as far as the caller is concerned. */
  void schedule(Runnable task);
}
