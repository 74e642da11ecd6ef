package uam;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A wrapper built in the argument of a call that closes it closes what it wraps (D19, decision
 * 280), as a wrapper held in a local does.
 */
public class WrappedArguments {
  /** Writes and closes the writer it is given. */
  static void write(Writer w) throws IOException {
    try {
      w.write("x");
    } finally {
      w.close();
    }
  }

  // Negative: the print writer built in the argument is closed, and the file's writer with it
  // (SpotBugs' SortedBugCollection).
  void written(Path p) throws IOException {
    Writer out = Files.newBufferedWriter(p);
    write(new PrintWriter(out));
  }

  // The nearest bug: the file's writer is written to after the wrapper closed it.
  void writtenAfterClose(Path p) throws IOException {
    Writer out = Files.newBufferedWriter(p);
    write(new PrintWriter(out));
    out.write("y"); // expect: use-after-move
  }

  /** A wrapper of the writer it is given (inferred `@MustCallAlias`, decision 281). */
  static PrintWriter printing(Writer w) {
    return new PrintWriter(w);
  }

  // Negative: the wrapper a helper makes in the argument is closed too, and the file's writer with
  // it (decision 287).
  void writtenThroughHelper(Path p) throws IOException {
    Writer out = Files.newBufferedWriter(p);
    write(printing(out));
  }

  // The nearest bug, side by side: written to after the helper's wrapper closed it.
  void writtenThroughHelperAfterClose(Path p) throws IOException {
    Writer out = Files.newBufferedWriter(p);
    write(printing(out));
    out.write("y"); // expect: use-after-move
  }
}
