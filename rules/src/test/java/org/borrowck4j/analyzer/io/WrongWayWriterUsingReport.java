package org.borrowck4j.analyzer.io;

import org.borrowck4j.analyzer.report.Report;

/** A fixture of the architecture test: the writer of files reaching up into what it writes. */
public final class WrongWayWriterUsingReport {
  private WrongWayWriterUsingReport() {}

  static int findings(Report report) {
    return report.results().size();
  }
}
