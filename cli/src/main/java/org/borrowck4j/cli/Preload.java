package org.borrowck4j.cli;

import java.nio.file.Path;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.SourceFile;
import org.borrowck4j.rules.BuiltinModels;
import org.borrowck4j.rules.RuleCatalog;

/**
 * Start-up work an analysis needs whatever its options say, begun on a thread of its own before
 * the command line is read: picocli's reflection over the commands keeps the main thread busy
 * for some 30 ms while the second core is idle (decision 210). In the order the run needs them:
 * JavaParser's language levels (a large enum, read to check the source level); the built-in
 * models (read as soon as the workers have started) and JavaParser itself (the first parse of a
 * run loads and initialises its parser and node classes, some 10 ms a worker would otherwise
 * spend before its first file), both needed once the options are read; the rules' explanations
 * (read by the report at the end).
 *
 * <p>The levels, models and explanations are each made once per JVM by their owner (a class
 * initialiser, a synchronized memo): whichever thread gets there first makes them and the other
 * waits, so they are never made twice and no result passes through here. The parse is thrown
 * away; only the classes it loaded stay. A failure is left for the main thread to meet again and
 * report in its own words. The thread is a daemon: a run that needs none of it (--help, a usage
 * error) exits without waiting for it.
 */
final class Preload {
  private Preload() {}

  static void start() {
    Thread thread = new Thread(Preload::run, "borrowck-preload");
    thread.setDaemon(true);
    thread.start();
  }

  /** A class with a method: what the first parse of most files needs loaded. */
  private static final String WARM_UP = "class Preload { void run(String s) { if (s != null) { s.length(); } } }";

  private static void run() {
    try {
      JavaSourceParser parser = new JavaSourceParser(JavaSourceParser.newestLevel());
      BuiltinModels.load();
      parser.parse(new SourceFile(Path.of("Preload.java"), "Preload.java", WARM_UP));
      RuleCatalog.descriptors();
    } catch (RuntimeException | Error e) {
      // The main thread does the same and reports what failed.
    }
  }
}
