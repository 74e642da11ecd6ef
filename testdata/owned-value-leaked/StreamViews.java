package leaks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.stream.Stream;

/**
 * An iterator or spliterator of a file-backed stream cannot be closed: the stream it came from
 * keeps the duty, and closing that stream ends what was derived from it (decision 342).
 */
public class StreamViews {

  // mu-server's ResourceProvider: the walk's iterator scoped to the for, the walk closed after it.
  List<String> iteratedThenClosed(Path dir) throws IOException {
    List<String> all = new ArrayList<>();
    Stream<Path> walk = Files.walk(dir);
    for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
      all.add(it.next().toString());
    }
    walk.close();
    return all;
  }

  // The same loop, the walk never closed: the walk leaks (the iterator cannot close it).
  List<String> iteratedNeverClosed(Path dir) throws IOException {
    List<String> all = new ArrayList<>();
    Stream<Path> walk = Files.walk(dir); // expect: owned-value-leaked
    for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
      all.add(it.next().toString());
    }
    return all;
  }

  // The iterator in the method's scope, the walk closed in a finally.
  List<String> closedInFinally(Path dir) throws IOException {
    List<String> all = new ArrayList<>();
    Stream<Path> walk = Files.walk(dir);
    try {
      Iterator<Path> it = walk.iterator();
      while (it.hasNext()) {
        all.add(it.next().toString());
      }
    } finally {
      walk.close();
    }
    return all;
  }

  // Closed on one branch only.
  List<String> closedOnOneBranch(Path dir, boolean done) throws IOException {
    List<String> all = new ArrayList<>();
    Stream<Path> walk = Files.walk(dir); // expect: owned-value-leaked
    Iterator<Path> it = walk.iterator();
    while (it.hasNext()) {
      all.add(it.next().toString());
    }
    if (done) {
      walk.close();
    }
    return all;
  }

  // The iterator returned: the caller gets the walk with it, as before.
  Iterator<Path> iteratorReturned(Path dir) throws IOException {
    Stream<Path> walk = Files.walk(dir);
    return walk.iterator();
  }

  // A spliterator held in a local and returned.
  Spliterator<String> spliteratorReturned(Path p) throws IOException {
    Stream<String> lines = Files.lines(p);
    Spliterator<String> split = lines.spliterator();
    return split;
  }

  // The iterator of a stream nobody names carries its file: dropped unread, it leaks.
  boolean iteratorOfUnnamedStream(Path p) throws IOException {
    Iterator<String> it = Files.lines(p).iterator(); // expect: owned-value-leaked
    return it.hasNext();
  }

  // A derived stream counted, then the source closed: the pipeline is closed.
  long filteredThenSourceClosed(Path p) throws IOException {
    Stream<String> lines = Files.lines(p);
    Stream<String> nonEmpty = lines.filter(line -> !line.isEmpty());
    long n = nonEmpty.count();
    lines.close();
    return n;
  }

  // The source closed, but the derived stream was given another pipeline first: that one leaks.
  long rederivedBeforeClose(Path p, Path q) throws IOException {
    Stream<String> lines = Files.lines(p);
    Stream<String> nonEmpty = lines.filter(line -> !line.isEmpty()); // expect: owned-value-leaked
    long n = nonEmpty.count();
    nonEmpty = Files.lines(q).filter(line -> line.isEmpty());
    n += nonEmpty.count();
    lines.close();
    return n;
  }
}
