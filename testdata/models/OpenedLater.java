package models;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
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
}
