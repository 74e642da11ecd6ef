package org.borrowck4j.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.borrowck4j.analyzer.io.WriteSteps;
import picocli.CommandLine;

/** Entry point of the {@code borrowck} command. Exit codes: 0 clean, 1 findings, 2 failure. */
public final class Main {
  private Main() {}

  /** The command as a process: Ctrl-C and SIGTERM stop it cleanly ({@link Interruption}). */
  public static void main(String[] args) {
    Preload.start();
    BorrowckCommand command =
        new BorrowckCommand(Interruption.ofSignals(Thread.currentThread()), WriteSteps.DISK, Environment.current());
    System.exit(commandLine(stdout(), stderr(), command).execute(args));
  }

  /** Runs the command on the process's standard streams and returns its exit code. */
  public static int run(String... args) {
    return run(stdout(), stderr(), args);
  }

  private static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
  }

  /** Runs the command with the given output and error streams (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** Runs the command in a given environment (tests: a working directory, a terminal, variables). */
  static int run(Environment env, PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err, new BorrowckCommand(new Interruption(), WriteSteps.DISK, env)).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, new BorrowckCommand(new Interruption(), WriteSteps.DISK, Environment.current()));
  }

  /** The command line around {@code command}: tests give it a faulty disk. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, BorrowckCommand command) {
    CommandLine cl = new CommandLine(command);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    // Users see one line for a usage error or a failure, never a stack trace.
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          ex.getCommandLine().getErr().println("borrowck: error: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try 'borrowck --help' for more information.");
          return BorrowckCommand.FAILURE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("borrowck: internal error: " + ex);
          return BorrowckCommand.FAILURE;
        });
    return cl;
  }
}
