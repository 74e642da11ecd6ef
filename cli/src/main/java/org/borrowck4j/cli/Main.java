package org.borrowck4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code borrowck} command. Exit codes: 0 clean, 1 findings, 2 failure. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BorrowckCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
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
