package inference;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A wrapper built in the argument of a call that keeps it is kept with what it wraps (D19,
 * decision 287): `keep(new OutputStreamWriter(out))` hands `out` on as putting the writer in a
 * local first does. SpotBugs' `SortedBugCollection.writeXML(OutputStream)` hands its stream on so.
 */
public class KeptWrappers {
  private final List<Writer> writers = new ArrayList<>();

  void keep(Writer w) {
    writers.add(w);
  }

  void keepWriterOf(OutputStream out) {
    keep(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  // Negative: the helper keeps a writer over the stream, so it keeps the stream.
  void open(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    keepWriterOf(out);
  }

  // Negative: the same with the wrapper in the argument here.
  void openDirect(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    keep(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  static Writer writerOf(OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  void keepHelperWriterOf(OutputStream out) {
    keep(writerOf(out));
  }

  // Negative (SpotBugs SortedBugCollection:418): the writer is made by a helper in the argument
  // (inferred `@MustCallAlias`, decision 281), and kept with the stream.
  void openThroughHelper(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    keepHelperWriterOf(out);
  }

  void keepLocalWriterOf(OutputStream out) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    keep(w);
  }

  // Negative: the helper wraps the stream in a local and keeps the local (decision 293).
  void openThroughLocal(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    keepLocalWriterOf(out);
  }

  static int lengthOfLocalWriterOf(OutputStream out) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return length(w);
  }

  // Positive, side by side: the helper's local wrapper is only read, and nothing keeps it.
  static void measureThroughLocal(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file); // expect: owned-value-leaked
    lengthOfLocalWriterOf(out);
  }

  static int length(Writer w) {
    return w.hashCode();
  }

  static int lengthOfWriterOf(OutputStream out) {
    return length(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  // Positive, side by side: a helper that only reads a writer over the stream keeps nothing.
  static void measure(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file); // expect: owned-value-leaked
    lengthOfWriterOf(out);
  }
}
