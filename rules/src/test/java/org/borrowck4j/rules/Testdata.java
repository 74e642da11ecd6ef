package org.borrowck4j.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code testdata/} folder: each directory directly under it is one project (analysed and
 * compiled as a whole); each line states the findings it expects with {@code // expect: id, id}.
 */
final class Testdata {
  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");
  private static final Pattern EXPECT_WARNING = Pattern.compile("//\\s*expect-warning:\\s*(.*\\S)");
  private static final Pattern REQUIRES = Pattern.compile("//\\s*requires:\\s*java\\s+(\\d+)");

  private Testdata() {}

  static Path root() {
    String configured = System.getProperty("borrowck.testdata");
    Path root = configured != null ? Paths.get(configured) : Paths.get("../testdata");
    return root.toAbsolutePath().normalize();
  }

  /** The projects: directories directly under {@code testdata/}, sorted. */
  static List<Path> projects() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One expected finding: a rule on a line of a file. */
  record Expectation(Path file, int line, String rule) implements Comparable<Expectation> {
    @Override
    public int compareTo(Expectation o) {
      int c = file.compareTo(o.file);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(line, o.line);
      return c != 0 ? c : rule.compareTo(o.rule);
    }

    @Override
    public String toString() {
      return root().getParent().relativize(file) + ":" + line + " " + rule;
    }
  }

  static List<Expectation> expectations(Path file) {
    List<Expectation> out = new ArrayList<>();
    eachMarker(file, EXPECT, (m, line) -> {
      for (String rule : m.group(1).split(",")) {
        out.add(new Expectation(file, line, rule.strip()));
      }
    });
    return out;
  }

  /** Calls {@code atLine} with each line's match of a marker and the line's 1-based number. */
  private static void eachMarker(Path file, Pattern marker, java.util.function.ObjIntConsumer<Matcher> atLine) {
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = marker.matcher(lines.get(i));
      if (m.find()) {
        atLine.accept(m, i + 1);
      }
    }
  }

  /** A tool warning a line expects ({@code // expect-warning: words of its message}). */
  record ExpectedWarning(Path file, int line, String words) {
    @Override
    public String toString() {
      return root().getParent().relativize(file) + ":" + line + " warning containing \"" + words + "\"";
    }
  }

  static List<ExpectedWarning> expectedWarnings(Path file) {
    List<ExpectedWarning> out = new ArrayList<>();
    eachMarker(file, EXPECT_WARNING, (m, line) -> out.add(new ExpectedWarning(file, line, m.group(1))));
    return out;
  }

  /** The Java release a file needs to compile ({@code // requires: java 21}), 17 by default. */
  static int requiredRelease(Path file) {
    for (String line : lines(file)) {
      Matcher m = REQUIRES.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 17;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
