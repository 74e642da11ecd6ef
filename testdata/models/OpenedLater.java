package models;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.jar.JarFile;

/**
 * A file opened after its variable was declared, or chosen by a conditional whose other arm is
 * {@code null}, must be closed too (decision 262); and "close it only if we opened it", a flag set
 * where the file is opened, is read as the code means it.
 */
public class OpenedLater {
  private InputStream kept;

  // Declared first, opened later, never closed.
  int openedLater(File f) throws IOException {
    InputStream in; // expect: owned-value-leaked
    in = new FileInputStream(f);
    return in.read();
  }

  // Negative: the classic pre-Java-7 shape, null first, closed in `finally`.
  int openedLaterClosed(File f) throws IOException {
    InputStream in = null;
    try {
      in = new FileInputStream(f);
      return in.read();
    } finally {
      if (in != null) {
        in.close();
      }
    }
  }

  // Negative: opened later and kept by a field.
  void openedLaterKept(File f) throws IOException {
    InputStream in;
    in = new FileInputStream(f);
    kept = in;
  }

  // A file or nothing (freemarker's TaglibFactory), never closed.
  int fileOrNothing(File f) throws IOException {
    JarFile jar = f != null ? new JarFile(f) : null; // expect: owned-value-leaked
    return jar == null ? 0 : jar.size();
  }

  // Negative: the same, closed when there is one.
  int fileOrNothingClosed(File f) throws IOException {
    try (JarFile jar = f != null ? new JarFile(f) : null) {
      return jar == null ? 0 : jar.size();
    }
  }

  // Negative: an in-memory stream on the other branch, closed on both.
  int eitherClosed(File f, byte[] bytes) throws IOException {
    InputStream in;
    if (f != null) {
      in = new FileInputStream(f);
    } else {
      in = new ByteArrayInputStream(bytes);
    }
    try {
      return in.read();
    } finally {
      in.close();
    }
  }

  private JarFile cached(String url) {
    return null;
  }

  // Negative: Spring's PathMatchingResourcePatternResolver, close only what was opened here.
  int closeIfOpenedHere(String url, boolean useCaches) throws IOException {
    JarFile jarFile;
    boolean closeJarFile;
    if (useCaches) {
      jarFile = cached(url);
      closeJarFile = !useCaches;
    } else {
      jarFile = new JarFile(url);
      closeJarFile = true;
    }
    try {
      return jarFile.size();
    } finally {
      if (closeJarFile) {
        jarFile.close();
      }
    }
  }

  // The nearest bug: the flag says the other way round where the file is opened.
  int closeIfOpenedHereWrongFlag(String url, boolean useCaches) throws IOException {
    JarFile jarFile; // expect: owned-value-leaked
    boolean closeJarFile;
    if (useCaches) {
      jarFile = cached(url);
      closeJarFile = true;
    } else {
      jarFile = new JarFile(url);
      closeJarFile = false;
    }
    try {
      return jarFile.size();
    } finally {
      if (closeJarFile) {
        jarFile.close();
      }
    }
  }

  /** Reports what it is told to an output it is given. */
  static final class Report {
    Report(OutputStream out) {}

    void line(String text) {}
  }

  // Negative (OpenNLP's evaluator tools): the report and its file are made together, and the file
  // is closed where the report is not null — a new object is never null (decision 307).
  void closedWhereItsReportIs(File reportFile) throws IOException {
    Report report = null;
    OutputStream out = null;
    if (reportFile != null) {
      out = new FileOutputStream(reportFile);
      report = new Report(out);
    }
    if (report != null) {
      report.line("done");
      out.close();
    }
  }

  // The nearest bug: the report is made on its own, so the file may be open where it is null.
  void closedWhereAnotherReportIs(File reportFile, boolean verbose) throws IOException {
    Report report = null;
    OutputStream out = null; // expect: owned-value-leaked
    if (reportFile != null) {
      out = new FileOutputStream(reportFile);
    }
    if (verbose) {
      report = new Report(System.out);
    }
    if (report != null) {
      report.line("done");
      if (out != null) {
        out.close();
      }
    }
  }
}
