package org.borrowck4j.analyzer.diagnostics;

import java.util.Locale;

/** How serious a finding is. Only errors make the command exit with 1 and fail a build. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** The word printed after the position, as compilers print it. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
