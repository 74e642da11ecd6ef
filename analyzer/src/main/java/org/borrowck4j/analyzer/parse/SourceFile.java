package org.borrowck4j.analyzer.parse;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Java source file as the user named it: its path as displayed in findings and its text.
 * Line access is for rendering snippets; it is computed on first use.
 */
public final class SourceFile {
  private final Path path;
  private final String displayPath;
  private final String text;
  private int[] lineStarts;

  public SourceFile(Path path, String displayPath, String text) {
    this.path = path;
    this.displayPath = displayPath;
    // A byte-order mark is not part of the program text (javac skips it too).
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Reads a file as UTF-8, refusing malformed input instead of silently replacing it. */
  public static SourceFile read(Path path, String displayPath) throws IOException {
    return read(path, displayPath, StandardCharsets.UTF_8);
  }

  /** Reads a file in the given encoding, refusing malformed input instead of replacing it. */
  public static SourceFile read(Path path, String displayPath, java.nio.charset.Charset encoding) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try {
      String text =
          encoding
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return new SourceFile(path, displayPath, text);
    } catch (CharacterCodingException e) {
      throw new IOException("not valid " + encoding.name() + " text (set the source encoding)", e);
    }
  }

  public Path path() {
    return path;
  }

  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  /** The text of 1-based line {@code line} without its line terminator, or "" past the end. */
  public synchronized String line(int line) {
    if (lineStarts == null) {
      lineStarts = computeLineStarts(text);
    }
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  private static int[] computeLineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        starts.add(i + 1);
      } else if (c == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
