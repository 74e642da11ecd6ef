package org.borrowck4j.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.borrowck4j.analyzer.parse.JavaSourceParser;
import org.borrowck4j.analyzer.parse.ParsedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input is parsed once, even when another file needed its declarations first. */
class ParsedFilesTest {
  @TempDir Path dir;

  private List<InputFile> files(int n) throws IOException {
    List<InputFile> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path p = dir.resolve("C" + i + ".java");
      Files.writeString(p, "class C" + i + " { int x = " + i + "; }\n", StandardCharsets.UTF_8);
      out.add(new InputFile(p, "C" + i + ".java"));
    }
    return out;
  }

  private static ParsedFiles parsedFiles(List<InputFile> inputs, long capacity) {
    return new ParsedFiles(inputs, new JavaSourceParser(JavaSourceParser.newestLevel()), StandardCharsets.UTF_8, capacity);
  }

  @Test
  void aFileParsedEarlyIsHandedOutNextWithItsTree() throws IOException {
    List<InputFile> inputs = files(5);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertEquals(0, parsed.next());
    ParsedFile first = parsed.parse(0);
    ParsedFile early = parsed.parseEarly(inputs.get(3).path()); // C0 needs C3's declarations
    assertNotNull(early);
    assertEquals(3, parsed.next(), "the file whose tree is kept goes next");
    assertSame(early, parsed.parse(3), "and is not parsed again");
    parsed.done(3);
    assertEquals(1, parsed.next());
    parsed.parse(1);
    assertEquals(2, parsed.next());
    parsed.parse(2);
    assertEquals(4, parsed.next(), "3 is not handed out twice");
    parsed.parse(4);
    assertEquals(-1, parsed.next());
    assertEquals(5, parsed.parseCount());
    assertTrue(first.ok());
  }

  @Test
  void aThreadWaitingForAnotherThreadsParseParsesTheNextFilesMeanwhile() throws Exception {
    List<InputFile> inputs = files(6);
    StringBuilder big = new StringBuilder("class C0 {\n");
    for (int i = 0; i < 10_000; i++) {
      big.append("  int f").append(i).append("(int a) { return a + ").append(i).append("; }\n");
    }
    Files.writeString(inputs.get(0).path(), big.append("}\n"), StandardCharsets.UTF_8);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertEquals(0, parsed.next());
    ParsedFile[] own = new ParsedFile[1];
    Thread analysing = new Thread(() -> {
      try {
        own[0] = parsed.parse(0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    analysing.start();
    while (!parsed.started(0)) {
      Thread.onSpinWait();
    }
    ParsedFile shared = parsed.parseEarly(inputs.get(0).path()); // another file needs C0: wait
    assertTrue(parsed.parseCount() > 1, "files parsed ahead while waiting: " + (parsed.parseCount() - 1));
    analysing.join();
    assertSame(own[0], shared, "C0 itself is parsed once");
    Set<Integer> handedOut = new HashSet<>();
    for (int i = parsed.next(); i >= 0; i = parsed.next()) {
      assertTrue(handedOut.add(i));
      assertTrue(parsed.parse(i).ok());
      parsed.done(i);
    }
    assertEquals(Set.of(1, 2, 3, 4, 5), handedOut);
    assertEquals(6, parsed.parseCount(), "and the files parsed ahead are not parsed again");
  }

  @Test
  void parsingAheadPassesOverFilesAlreadyStartedHoweverMany() throws IOException {
    List<InputFile> inputs = files(40);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertEquals(0, parsed.next());
    parsed.parse(0);
    // Inference asked for the declarations of the next thirty files before their turn.
    for (int i = 1; i <= 30; i++) {
      parsed.parseEarly(inputs.get(i).path());
    }
    assertFalse(parsed.started(31));
    assertTrue(parsed.parseAhead(), "a file further on is still to parse");
    assertTrue(parsed.started(31), "the first file nobody started, past the thirty that were");
    assertEquals(32, parsed.parseCount(), "each file parsed once");
  }

  @Test
  void parsingAheadStopsWhenNoTreeFits() throws IOException {
    List<InputFile> inputs = files(4);
    ParsedFiles parsed = parsedFiles(inputs, 10); // room for no tree
    assertEquals(0, parsed.next());
    assertFalse(parsed.parseAhead(), "nothing parsed that would be dropped at once");
    assertEquals(0, parsed.parseCount());
  }

  @Test
  void pastTheCapacityTreesAreDroppedAndParsedAgain() throws IOException {
    List<InputFile> inputs = files(3);
    ParsedFiles parsed = parsedFiles(inputs, 0);
    assertEquals(0, parsed.next());
    assertNotNull(parsed.parseEarly(inputs.get(2).path()), "the declarations are still read");
    assertEquals(1, parsed.next(), "nothing kept, so the order is the input order");
    assertEquals(2, parsed.next());
    parsed.parse(2);
    assertEquals(2, parsed.parseCount());
  }

  @Test
  void anAnalysedFilesTreeServesInferenceUntilRoomRunsOut() throws IOException {
    List<InputFile> inputs = files(3);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertEquals(0, parsed.next());
    ParsedFile own = parsed.parse(0);
    parsed.done(0);
    assertFalse(parsed.started(0), "the analysis' own hold on the tree is let go");
    assertSame(own, parsed.parseEarly(inputs.get(0).path()), "inference reads the analysed tree, not a new parse");
    assertEquals(1, parsed.parseCount());

    ParsedFiles none = parsedFiles(inputs, 0);
    assertEquals(0, none.next());
    none.parse(0);
    none.done(0);
    assertNotNull(none.parseEarly(inputs.get(0).path()));
    assertEquals(2, none.parseCount(), "with no room, the file is parsed again");
  }

  @Test
  void treesCarryNoTokensButKeepTheirRanges() throws IOException {
    List<InputFile> inputs = files(1);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    ParsedFile file = parsed.parse(parsed.next());
    for (com.github.javaparser.ast.Node n : file.unit().findAll(com.github.javaparser.ast.Node.class)) {
      assertTrue(n.getTokenRange().isEmpty(), n.getClass().getSimpleName() + " keeps its tokens");
      assertTrue(n.getRange().isPresent(), n.getClass().getSimpleName() + " lost its range");
    }
  }

  @Test
  void aFileAlreadyHandedOutIsNotKept() throws IOException {
    List<InputFile> inputs = files(2);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertEquals(0, parsed.next());
    assertEquals(1, parsed.next());
    parsed.parseEarly(inputs.get(1).path());
    ParsedFile own = parsed.parse(1);
    assertTrue(own.ok());
    assertEquals(-1, parsed.next());
  }

  @Test
  void unreadableOrBrokenFilesGiveNoTreeButStillTheirOwnResult() throws IOException {
    Path broken = dir.resolve("Broken.java");
    Files.writeString(broken, "class Broken {", StandardCharsets.UTF_8);
    List<InputFile> inputs = List.of(new InputFile(broken, "Broken.java"));
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertTrue(!parsed.parseEarly(broken).ok(), "no declarations from a file that does not parse");
    assertNull(parsed.parseEarly(dir.resolve("Missing.java")));
    assertEquals(0, parsed.next());
    assertTrue(!parsed.parse(0).ok(), "its analysis reports the syntax error");
    assertEquals(1, parsed.parseCount(), "the failed early parse is handed over too");
  }

  @Test
  void aFileBeingParsedForItsAnalysisIsSharedNotParsedAgain() throws Exception {
    List<InputFile> inputs = files(2);
    ParsedFiles parsed = parsedFiles(inputs, ParsedFiles.DEFAULT_CAPACITY_CHARS);
    assertEquals(0, parsed.next());
    ParsedFile own = parsed.parse(0);
    ParsedFile early = parsed.parseEarly(inputs.get(1).path());
    assertEquals(1, parsed.next());
    assertSame(early, parsed.parse(1));
    assertTrue(own.ok());
    assertEquals(2, parsed.parseCount());
  }

  @Test
  void concurrentWorkersHandOutEveryFileExactlyOnceAndParseItOnce() throws Exception {
    List<InputFile> inputs = files(200);
    ParsedFiles parsed = parsedFiles(inputs, 200 * 40);
    Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Set<Path> declared = java.util.concurrent.ConcurrentHashMap.newKeySet(); // what SourceIndex knows
    List<Integer> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
    Runnable worker =
        () -> {
          java.util.Random random = new java.util.Random(Thread.currentThread().getId());
          for (int i = parsed.next(); i >= 0; i = parsed.next()) {
            if (!seen.add(i)) {
              duplicates.add(i);
            }
            try {
              parsed.parse(i);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            for (int k = 0; k < 3; k++) {
              Path other = inputs.get(random.nextInt(inputs.size())).path();
              // Asked for at most once, as SourceIndex keeps what it read; racing askers share.
              if (declared.add(other)) {
                parsed.parseEarly(other);
              }
            }
            // done(i) is left for the end: a file whose analysis is over is no longer asked for
            // (its declarations are known), which this stand-in for SourceIndex cannot promise.
          }
        };
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(worker);
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), duplicates);
    assertEquals(new HashSet<>(java.util.stream.IntStream.range(0, 200).boxed().toList()), seen);
    assertEquals(200, parsed.parseCount(), "early parses are shared, and the capacity holds every kept tree here");
    for (int i = 0; i < 200; i++) {
      parsed.done(i);
    }
  }
}
