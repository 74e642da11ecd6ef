package org.borrowck4j.analyzer.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Fingerprints of findings. {@link #lineHashes} is GitHub code scanning's {@code
 * primaryLocationLineHash}, computed exactly as github/codeql-action's {@code fingerprints.ts}
 * does (a rolling hash over the next 100 non-blank characters from the start of each line, with a
 * counter for repeated hashes). {@link #stable} is our own key for baselines: it names the rule,
 * the file, the text of the line and the message, not the line number, so it survives unrelated
 * edits that move the line.
 */
public final class Fingerprints {
  private static final int BLOCK_SIZE = 100;
  private static final long MOD = 37;
  private static final int EOF = 65535;

  private Fingerprints() {}

  /** {@code primaryLocationLineHash} of every line of a file's text, by 1-based line number. */
  public static Map<Integer, String> lineHashes(String text) {
    return new LineHasher().hash(text);
  }

  private static final class LineHasher {
    final int[] window = new int[BLOCK_SIZE];
    final int[] lineNumbers = new int[BLOCK_SIZE];
    final Map<String, Integer> counts = new HashMap<>();
    final Map<Integer, String> out = new HashMap<>();
    final long firstMod;
    long hash;
    int index;
    int lineNumber;
    boolean lineStart = true;
    boolean prevCr;

    LineHasher() {
      java.util.Arrays.fill(lineNumbers, -1);
      long m = 1;
      for (int i = 0; i < BLOCK_SIZE; i++) {
        m *= MOD;
      }
      firstMod = m;
    }

    Map<Integer, String> hash(String text) {
      for (int i = 0; i < text.length(); i++) {
        process(text.charAt(i));
      }
      process(EOF);
      for (int i = 0; i < BLOCK_SIZE; i++) {
        if (lineNumbers[index] != -1) {
          output();
        }
        update(0);
      }
      return out;
    }

    private void output() {
      String value = Long.toUnsignedString(hash, 16);
      int count = counts.merge(value, 1, Integer::sum);
      out.put(lineNumbers[index], value + ":" + count);
      lineNumbers[index] = -1;
    }

    private void update(int current) {
      int begin = window[index];
      window[index] = current;
      hash = MOD * hash + current - firstMod * begin;
      index = (index + 1) % BLOCK_SIZE;
    }

    private void process(int c) {
      int current = c;
      if (current == ' ' || current == '\t' || (prevCr && current == '\n')) {
        prevCr = false;
        return;
      }
      if (current == '\r') {
        current = '\n';
        prevCr = true;
      } else {
        prevCr = false;
      }
      if (lineNumbers[index] != -1) {
        output();
      }
      if (lineStart) {
        lineStart = false;
        lineNumber++;
        lineNumbers[index] = lineNumber;
      }
      if (current == '\n') {
        lineStart = true;
      }
      update(current);
    }
  }

  /**
   * Our stable key: a digest of the rule, the file, the primary line's text (blanks folded) and
   * the message. Identical findings in one file are told apart by their order ({@code :2}).
   */
  public static String stable(String ruleId, String file, String lineText, String message) {
    String normalized = lineText == null ? "" : lineText.strip().replaceAll("\\s+", " ");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest((ruleId + '\u0000' + file + '\u0000' + normalized + '\u0000' + message).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
