package org.borrowck4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.SourceFile;

/**
 * The benchmark's yardstick (bench/run.py): parses the same files as an analysis would, at the same
 * language level and with the same number of threads, as JavaParser parses at that level (its
 * language-level validators included), and does nothing else. {@code --as-analysed} parses them as
 * the analysis does, without the validators (decision 245), to show what the analysis adds to
 * its own parse.
 * {@code java -cp borrowck.jar org.borrowck4j.cli.ParseOnly [--jobs N] [--as-analysed] PATH...}
 */
public final class ParseOnly {
  private ParseOnly() {}

  public static void main(String[] args) throws Exception {
    int jobs = Runtime.getRuntime().availableProcessors();
    List<Path> paths = new ArrayList<>();
    boolean asAnalysed = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--jobs")) {
        jobs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--as-analysed")) {
        asAnalysed = true;
      } else {
        paths.add(Path.of(args[i]));
      }
    }
    long start = System.nanoTime();
    List<InputFile> files = InputFiles.collect(paths);
    JavaSourceParser parser =
        asAnalysed
            ? new JavaSourceParser(JavaSourceParser.newestLevel())
            : JavaSourceParser.validating(JavaSourceParser.newestLevel());
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    List<Future<?>> work = new ArrayList<>();
    for (InputFile f : files) {
      work.add(
          pool.submit(
              () -> {
                try {
                  if (!parser.parse(SourceFile.read(f.path(), f.displayPath())).ok()) {
                    failed.incrementAndGet();
                  }
                } catch (IOException e) {
                  failed.incrementAndGet();
                }
              }));
    }
    for (Future<?> w : work) {
      w.get();
    }
    pool.shutdown();
    System.out.printf("parsed %d files (%d failed) in %.3f s%n", files.size(), failed.get(), (System.nanoTime() - start) / 1e9);
  }
}
