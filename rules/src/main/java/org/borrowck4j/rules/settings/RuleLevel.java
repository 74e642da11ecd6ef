package org.borrowck4j.rules.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.borrowck4j.analyzer.diagnostics.Severity;

/**
 * What a rule is set to, as Error Prone's {@code -Xep:Name:OFF|WARN|ERROR} and ruff's rule
 * selection: off (the check does not run, its findings are not reported), or the level its
 * findings are reported at.
 */
public enum RuleLevel {
  OFF,
  WARNING,
  ERROR;

  /** The word users write ({@code off}, {@code warning}, {@code error}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level a word names, in any case; empty for anything else. */
  public static Optional<RuleLevel> named(String word) {
    return Arrays.stream(values()).filter(l -> l.word().equalsIgnoreCase(word.strip())).findFirst();
  }

  /** The words, for messages: {@code off, warning, error}. */
  public static String words() {
    return String.join(", ", Arrays.stream(values()).map(RuleLevel::word).toList());
  }

  /** The level a rule's default severity stands for. */
  public static RuleLevel of(Severity severity) {
    return severity == Severity.ERROR ? ERROR : WARNING;
  }

  /** The severity findings are reported at; only for levels that are on. */
  public Severity severity() {
    if (this == OFF) {
      throw new IllegalStateException("a rule that is off reports nothing");
    }
    return this == ERROR ? Severity.ERROR : Severity.WARNING;
  }
}
