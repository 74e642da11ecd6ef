package org.borrowck4j.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a run is stopped from outside. The first SIGINT (Ctrl-C) or SIGTERM (a CI timeout, {@code
 * kill}) interrupts the thread running the command: the analysis stops its workers, nothing
 * unfinished is written, and the command exits with 128 + the signal's number, as a shell reports
 * a process the signal ended (130, 143). A second signal ends the process at once, for a run that
 * does not stop soon enough; its outputs are still whole, since every file is written by renaming
 * a complete one over it.
 *
 * <p>Signals are trapped with {@code sun.misc.Signal}: the only way a Java program can tell SIGINT
 * from SIGTERM (a shutdown hook runs alike for both, and only once the JVM is already exiting, so
 * the run cannot unwind on its own terms). It is in the {@code jdk.unsupported} module, kept for
 * exactly this use (JEP 260). It is named here, not reached by reflection: a handler made through
 * method handles cost 8 to 30 ms of start-up where this costs 2 to 5; javac's warnings about it
 * are silenced in cli/pom.xml.
 */
final class Interruption {
  private static final int SIGINT = 2;

  /** The number of the first signal received; 0 before any. */
  private final AtomicInteger signal = new AtomicInteger();

  /**
   * Traps SIGINT and SIGTERM for {@code runner}, the thread that runs the command. Where one
   * cannot be trapped, the JVM's own handling stays (it exits with the same code, without the
   * message): without {@code sun.misc.Signal}, under {@code -Xrs}, on an OS that lacks the signal.
   * A signal ignored when the process started (nohup, a background job of a script) stays ignored.
   */
  static Interruption ofSignals(Thread runner) {
    Interruption interruption = new Interruption();
    try {
      sun.misc.SignalHandler handler = s -> interruption.received(s.getNumber(), runner);
      for (String name : new String[] {"INT", "TERM"}) {
        trap(name, handler);
      }
    } catch (LinkageError e) {
      // No sun.misc.Signal in this JVM.
    }
    return interruption;
  }

  private static void trap(String name, sun.misc.SignalHandler handler) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
    } catch (IllegalArgumentException e) {
      // Unknown on this OS, or reserved by the JVM (-Xrs).
    }
  }

  private void received(int number, Thread runner) {
    if (signal.compareAndSet(0, number)) {
      runner.interrupt();
    } else {
      Runtime.getRuntime().halt(exitCode());
    }
  }

  /**
   * The exit code of a stopped run: 128 + the signal's number; 130, as for Ctrl-C, when no signal
   * came (a program that runs the command interrupted its thread).
   */
  int exitCode() {
    int number = signal.get();
    return 128 + (number == 0 ? SIGINT : number);
  }
}
