package leaks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File-backed streams must be closed: a terminal operation does not close the file. */
public class FileLeaks {

  // A terminal operation does not close the file.
  long countedNotClosed(Path p) throws IOException {
    Stream<String> lines = Files.lines(p); // expect: owned-value-leaked
    long n = lines.count();
    return n;
  }

  // A dropped stream of lines, counted in the same statement.
  long droppedCount(Path p) throws IOException {
    return Files.lines(p).count(); // expect: owned-value-leaked
  }

  // A dropped directory listing as a statement.
  void droppedListing(Path dir) throws IOException {
    Files.list(dir); // expect: owned-value-leaked
  }

  // filter hands the file over to its result, which is then left open.
  long filteredNotClosed(Path dir) throws IOException {
    Stream<Path> entries = Files.list(dir);
    Stream<Path> files = entries.filter(Files::isRegularFile); // expect: owned-value-leaked
    return files.count();
  }

  // A reader never closed.
  String readerNotClosed(Path p) throws IOException {
    BufferedReader reader = Files.newBufferedReader(p); // expect: owned-value-leaked
    return reader.readLine();
  }

  // An input stream never closed.
  int inputStreamNotClosed(Path p) throws IOException {
    InputStream in = Files.newInputStream(p); // expect: owned-value-leaked
    return in.read();
  }

  // A directory stream iterated but never closed.
  int directoryNotClosed(Path dir) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.java"); // expect: owned-value-leaked
    int n = 0;
    for (Path ignored : ds) {
      n++;
    }
    return n;
  }

  // Closed only on the branch that skips the walk.
  long walkClosedOnOneBranch(Path root, boolean skip) throws IOException {
    Stream<Path> tree = Files.walk(root); // expect: owned-value-leaked
    if (skip) {
      tree.close();
      return 0;
    }
    return tree.count();
  }

  // Negative: Files.lines in try-with-resources.
  long countedInTry(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      return lines.count();
    }
  }

  // Negative: closed explicitly after the terminal operation.
  long closedAfterCount(Path p) throws IOException {
    Stream<String> lines = Files.lines(p);
    long n = lines.count();
    lines.close();
    return n;
  }

  // Negative: the derived stream that carries the file is closed.
  long derivedClosed(Path dir) throws IOException {
    Stream<Path> entries = Files.list(dir);
    Stream<Path> files = entries.filter(Files::isRegularFile);
    long n = files.count();
    files.close();
    return n;
  }

  // Negative: the derived stream is returned to the caller, who takes the file over.
  Stream<String> handedToCaller(Path p) throws IOException {
    Stream<String> lines = Files.lines(p);
    return lines.map(String::trim);
  }

  // Negative: in-memory streams hold no file.
  long inMemory(List<String> names) {
    Stream<String> s = names.stream();
    long n = s.count();
    Stream<String> t = Stream.of("a", "b");
    return n + t.count();
  }

  // Negative: a reader in try-with-resources.
  String readerInTry(Path p) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(p)) {
      return reader.readLine();
    }
  }

  // Negative: a directory stream in try-with-resources.
  int directoryInTry(Path dir) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path ignored : ds) {
        n++;
      }
    }
    return n;
  }
}
