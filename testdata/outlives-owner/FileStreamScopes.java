package outlives;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File-backed streams in try-with-resources: what is derived from them dies with the file. */
public class FileStreamScopes {

  // Returning the iterator of a stream the try closes (D2).
  Iterator<String> iteratorOfClosedFile(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      return lines.iterator(); // expect: outlives-owner
    }
  }

  // Returning a derived stream: it carries the file the try closes (D6).
  Stream<String> filteredOfClosedFile(Path p, Predicate<String> keep) throws IOException {
    try (var lines = Files.lines(p)) {
      return lines.filter(keep); // expect: outlives-owner
    }
  }

  // A longer pipeline returned from the try.
  Stream<String> pipelineOfClosedFile(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      return lines.map(String::trim).filter(s -> !s.isEmpty()); // expect: outlives-owner
    }
  }

  // Returning a spliterator of a directory listing the try closes.
  Spliterator<Path> spliteratorOfClosedListing(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.spliterator(); // expect: outlives-owner
    }
  }

  // Returning a local that holds the iterator.
  Iterator<Path> heldIterator(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      Iterator<Path> it = tree.iterator();
      return it; // expect: outlives-owner
    }
  }

  // The iterator is kept in a variable declared outside the try and used after it.
  List<String> iterateAfterTry(Path p) throws IOException {
    Iterator<String> it;
    try (Stream<String> lines = Files.lines(p)) {
      it = lines.iterator();
    }
    List<String> out = new ArrayList<>();
    while (it.hasNext()) { // expect: outlives-owner
      out.add(it.next());
    }
    return out;
  }

  // A derived stream kept beyond the try and run afterwards.
  long countAfterTry(Path p) throws IOException {
    Stream<String> nonEmpty;
    try (Stream<String> lines = Files.lines(p)) {
      nonEmpty = lines.filter(l -> !l.isEmpty());
    }
    return nonEmpty.count(); // expect: outlives-owner
  }

  // The iterator of a directory stream used after the try closed the directory.
  boolean directoryIteratorAfterTry(Path dir) throws IOException {
    Iterator<Path> it;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      it = ds.iterator();
    }
    return it.hasNext(); // expect: outlives-owner
  }

  // Negative: Files.lines in try-with-resources, consumed inside.
  long countInside(Path p) throws IOException {
    try (Stream<String> lines = Files.lines(p)) {
      return lines.count();
    }
  }

  // Negative: the iterator is fully consumed inside the try.
  List<String> iterateInside(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<String> lines = Files.lines(p)) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  // Negative: the results are collected into a list before the file closes.
  List<Path> collectInside(Path dir) throws IOException {
    List<Path> names;
    try (Stream<Path> entries = Files.list(dir)) {
      names = entries.map(Path::getFileName).collect(Collectors.toList());
    }
    return names;
  }

  // Negative: not in try-with-resources, the derived stream hands the file over to the caller.
  Stream<String> handOverFiltered(Path p, Predicate<String> keep) throws IOException {
    Stream<String> lines = Files.lines(p);
    return lines.filter(keep);
  }

  // Negative: returning the owner itself is a move.
  Stream<Path> handOverListing(Path dir) throws IOException {
    Stream<Path> entries = Files.list(dir);
    return entries;
  }

  // Negative: a plain list is not an owner; its iterator may outlive the variable's block.
  String plainListIterator(List<String> source) {
    Iterator<String> it;
    {
      List<String> copy = new ArrayList<>(source);
      it = copy.iterator();
    }
    return it.hasNext() ? it.next() : "";
  }

  // Negative: returning the iterator of a local list.
  Iterator<String> localListIterator(String a, String b) {
    List<String> pair = new ArrayList<>();
    pair.add(a);
    pair.add(b);
    return pair.iterator();
  }

  // Negative: an in-memory stream of a block-local list, run after the block.
  long inMemoryStreamAfterBlock(List<String> source) {
    Stream<String> s;
    {
      List<String> copy = new ArrayList<>(source);
      s = copy.stream();
    }
    return s.count();
  }
}
