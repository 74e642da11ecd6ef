package inference;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A helper that returns a wrapper of a wrapper of its parameter wraps the parameter (decision
 * 281): `@MustCallAlias`, as with one wrapper.
 */
public class NestedWrappers {
  static PrintWriter utf8Writer(PrintStream ps) {
    return new PrintWriter(new OutputStreamWriter(ps, StandardCharsets.UTF_8), true);
  }

  static PrintWriter detachedWriter(PrintStream ps) {
    return new PrintWriter(new StringWriter(), true);
  }

  static final class Reporter {
    private PrintWriter out = utf8Writer(System.out);
    private PrintWriter log = detachedWriter(System.err);

    void setOutput(PrintStream ps) {
      this.out = utf8Writer(ps);
    }

    void setLog(PrintStream ps) {
      this.log = detachedWriter(ps);
    }

    void finish() {
      out.close();
      log.close();
    }
  }

  // Negative: the reporter keeps the stream inside the writer it builds (SpotBugs' text UI).
  void reportTo(Reporter r, Path p) throws IOException {
    OutputStream os = Files.newOutputStream(p);
    r.setOutput(new PrintStream(os, true, StandardCharsets.UTF_8));
  }

  // The nearest bug: the writer the reporter keeps does not wrap the stream, which is never closed.
  void logTo(Reporter r, Path p) throws IOException {
    OutputStream os = Files.newOutputStream(p); // expect: owned-value-leaked
    r.setLog(new PrintStream(os, true, StandardCharsets.UTF_8));
  }
}
