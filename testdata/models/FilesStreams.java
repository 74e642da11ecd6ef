package models;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** java.nio.file.Files: streams and directory streams backed by open files. */
public class FilesStreams {

  // Negative: an expression lambda returns the stream it opens (the caller closes it).
  java.util.function.Supplier<java.io.InputStream> opener(Path file) {
    return () -> {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  // Negative: the same as an expression lambda.
  java.util.concurrent.Callable<java.io.InputStream> openerExpression(Path file) {
    return () -> Files.newInputStream(file);
  }

  // The nearest bug: a statement lambda opening a stream and dropping it.
  Runnable touch(Path file) {
    return () -> {
      try {
        Files.newInputStream(file); // expect: owned-value-leaked
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  // Negative: the stream keeps its close handler, and the directory stream it closes (onClose).
  Stream<Path> entriesClosingTheDirectory(Path dir) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir);
    List<Path> all = new ArrayList<>();
    ds.forEach(all::add);
    return all.stream().onClose(() -> closeUnchecked(ds));
  }

  private static void closeUnchecked(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // A Files.lines stream reused after count(), inside try-with-resources.
  List<String> countAndCollect(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      long n = lines.count();
      System.out.println(n + " lines");
      return lines.toList(); // expect: use-after-move
    }
  }

  // A Files.list stream filtered and printed, then counted again.
  long printJavaFiles(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(p -> p.toString().endsWith(".java")).forEach(System.out::println);
      return entries.count(); // expect: use-after-move
    }
  }

  // A Files.walk stream iterated through iterator(), then counted.
  int walkTwice(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root, 2)) {
      Iterator<Path> it = paths.iterator();
      int dirs = 0;
      while (it.hasNext()) {
        if (Files.isDirectory(it.next())) {
          dirs++;
        }
      }
      long all = paths.count(); // expect: use-after-move
      return (int) all - dirs;
    }
  }

  // The header read with findFirst(), then the same stream counted.
  String headerAndCount(Path csv) throws IOException {
    Stream<String> lines = Files.lines(csv);
    String header;
    try {
      header = lines.findFirst().orElse("");
    } finally {
      lines.close();
    }
    long rows = lines.count(); // expect: use-after-move
    return header + " / " + rows;
  }

  // A directory stream iterated again after close().
  List<Path> listTextFiles(Path dir) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.txt");
    List<Path> out = new ArrayList<>();
    for (Path p : ds) {
      out.add(p);
    }
    ds.close();
    for (Path p : ds) { // expect: use-after-move
      System.out.println(p);
    }
    return out;
  }

  // Negative: Files.lines in try-with-resources, one pipeline.
  List<String> errors(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains("ERROR")).map(String::trim).collect(Collectors.toList());
    }
  }

  // Negative: Files.list in try-with-resources, sorted once.
  List<Path> sortedEntries(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }

  // Negative: Files.walk in try-with-resources summing sizes.
  long totalSize(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  // Negative: Files.find in try-with-resources.
  boolean containsJar(Path root) throws IOException {
    try (Stream<Path> found = Files.find(root, 5, (p, attrs) -> attrs.isRegularFile() && p.toString().endsWith(".jar"))) {
      return found.findAny().isPresent();
    }
  }

  // Negative: a directory stream iterated inside try-with-resources.
  List<String> fileNames(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    }
    return names;
  }

  // Negative: Files.lines closed in finally after its terminal operation (D5).
  boolean mentions(Path file, String word) throws IOException {
    Stream<String> lines = Files.lines(file);
    try {
      return lines.anyMatch(l -> l.contains(word));
    } finally {
      lines.close();
    }
  }

  // Negative: a reader's line stream consumed once inside try-with-resources.
  long nonBlank(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file)) {
      return r.lines().filter(l -> !l.isBlank()).count();
    }
  }
}
