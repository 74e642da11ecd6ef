package org.borrowck4j.analyzer.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fixture of the architecture test: a report written with a plain, truncating write. */
public final class WrongWayReportWritingAFile {
  private WrongWayReportWritingAFile() {}

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }
}
