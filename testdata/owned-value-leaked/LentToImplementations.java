package leaks;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A new resource passed straight to an overridable method is lent when every implementation the
 * sources have was summarised and only reads it (decision 314): the caller still closes it. An
 * implementation that keeps or closes it, or none here at all, may take it.
 */
public class LentToImplementations {
  /** One implementation here, which writes and flushes. */
  interface Renderer {
    void render(String template, Writer out) throws IOException;
  }

  static final class PlainRenderer implements Renderer {
    @Override
    public void render(String template, Writer out) throws IOException {
      out.write(template);
      out.flush();
    }
  }

  /** Two implementations, one of which keeps the writer. */
  interface Sink {
    void attach(Writer out) throws IOException;
  }

  static final class Printing implements Sink {
    @Override
    public void attach(Writer out) throws IOException {
      out.write("attached");
    }
  }

  static final class Keeping implements Sink {
    private Writer kept;

    @Override
    public void attach(Writer out) {
      kept = out;
    }

    void flush() throws IOException {
      kept.flush();
    }
  }

  /** One implementation, which closes the writer when done. */
  interface Finisher {
    void finish(Writer out) throws IOException;
  }

  static final class Closing implements Finisher {
    @Override
    public void finish(Writer out) throws IOException {
      out.write("end");
      out.close();
    }
  }

  // Positive (the fourteenth held-out set's JBehave `SurefireReporter`, miss N1): the report is
  // written and the file never closed.
  static void report(Renderer renderer, File f) throws IOException {
    renderer.render("report", new FileWriter(f)); // expect: owned-value-leaked
  }

  // Negative, side by side: the same with try-with-resources.
  static void reportClosed(Renderer renderer, File f) throws IOException {
    try (Writer out = new FileWriter(f)) {
      renderer.render("report", out);
    }
  }

  // Negative: an implementation keeps the writer.
  static void attach(Sink sink, File f) throws IOException {
    sink.attach(new FileWriter(f));
  }

  // Negative: the implementation closes it.
  static void finish(Finisher finisher, File f) throws IOException {
    finisher.finish(new FileWriter(f));
  }
}
