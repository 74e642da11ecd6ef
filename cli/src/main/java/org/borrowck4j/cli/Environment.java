package org.borrowck4j.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the command runs: its environment variables, whether it talks to a person at a terminal,
 * and the directory the configuration file is looked for from. Tests give their own.
 *
 * @param interactive standard input and output are a terminal (Java cannot ask about standard
 *     error alone; a run whose output is piped is treated as a script's)
 */
record Environment(Map<String, String> variables, boolean interactive, Path workingDirectory) {
  Environment {
    variables = Map.copyOf(variables);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  static Environment current() {
    return new Environment(System.getenv(), System.console() != null, Path.of(""));
  }

  /** The variable's value; empty when unset. */
  String get(String name) {
    return variables.getOrDefault(name, "");
  }

  /** A terminal that can show colour and redraw a line: not {@code TERM=dumb}. */
  boolean capableTerminal() {
    return interactive && !get("TERM").equals("dumb");
  }

  /** A CI job: its log is a file, whatever it pretends (GitHub Actions, GitLab, Jenkins set CI). */
  boolean ci() {
    return !get("CI").isEmpty() && !get("CI").equalsIgnoreCase("false");
  }
}
