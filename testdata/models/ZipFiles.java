package models;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** java.util.zip.ZipFile / java.util.jar.JarFile: open files that close() consumes. */
public class ZipFiles {

  // A ZipFile queried after close() ("zip file closed").
  long entrySize(File archive, String name) throws IOException {
    ZipFile zip = new ZipFile(archive);
    int count = zip.size();
    zip.close();
    ZipEntry e = zip.getEntry(name); // expect: use-after-move
    return e == null ? count : e.getSize();
  }

  // A JarFile's manifest read after close().
  String mainClass(File jarPath) throws IOException {
    JarFile jar = new JarFile(jarPath);
    long classes = jar.stream().filter(e -> e.getName().endsWith(".class")).count();
    jar.close();
    Manifest mf = jar.getManifest(); // expect: use-after-move
    return classes + " classes, main " + mf.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
  }

  // The entry stream of a ZipFile is a borrow, still consumed by its terminal operation (D15).
  List<String> entryNames(String path) throws IOException {
    try (ZipFile zip = new ZipFile(path)) {
      Stream<? extends ZipEntry> entries = zip.stream();
      long n = entries.count();
      System.out.println(n + " entries");
      return entries.map(ZipEntry::getName).toList(); // expect: use-after-move
    }
  }

  // Negative: try-with-resources, entries enumerated and one read inside.
  byte[] readFirst(File archive) throws IOException {
    try (ZipFile zip = new ZipFile(archive)) {
      Enumeration<? extends ZipEntry> en = zip.entries();
      if (!en.hasMoreElements()) {
        return new byte[0];
      }
      ZipEntry first = en.nextElement();
      try (InputStream in = zip.getInputStream(first)) {
        return in.readAllBytes();
      }
    }
  }

  // Negative: JarFile in try-with-resources, manifest and entry stream used inside.
  List<String> services(File jarPath) throws IOException {
    List<String> out = new ArrayList<>();
    try (JarFile jar = new JarFile(jarPath)) {
      Manifest mf = jar.getManifest();
      if (mf != null) {
        out.add(mf.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION));
      }
      jar.stream().filter(e -> e.getName().startsWith("META-INF/services/")).forEach(e -> out.add(e.getName()));
    }
    return out;
  }

  // Negative: closed in the try and again in finally (ZipFile.close() is idempotent).
  int countEntries(File archive) throws IOException {
    ZipFile zip = new ZipFile(archive);
    try {
      int n = zip.size();
      zip.close();
      return n;
    } finally {
      zip.close();
    }
  }

  // Negative: the helper closes the stream through the jar stream it reads it with, a second
  // handle on it (D19; Camel's package scanner).
  private static int countEntries(InputStream in) throws IOException {
    try (JarInputStream jar = new JarInputStream(in)) {
      int n = 0;
      while (jar.getNextJarEntry() != null) {
        n++;
      }
      return n;
    }
  }

  int entriesIn(File archive) throws IOException {
    InputStream in = new FileInputStream(archive);
    return countEntries(in);
  }

  // The nearest bug: the helper reads the first entry and closes nothing.
  private static boolean hasEntries(InputStream in) throws IOException {
    JarInputStream jar = new JarInputStream(in);
    return jar.getNextJarEntry() != null;
  }

  boolean anyEntryIn(File archive) throws IOException {
    InputStream in = new FileInputStream(archive); // expect: owned-value-leaked
    return hasEntries(in);
  }
}

