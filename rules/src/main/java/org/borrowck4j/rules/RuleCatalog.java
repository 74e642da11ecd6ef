package org.borrowck4j.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.borrowck4j.analyzer.diagnostics.RuleInfo;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.Rule;
import org.borrowck4j.analyzer.report.RuleDescriptor;
import org.borrowck4j.rules.checks.AnnotationMisuse;
import org.borrowck4j.rules.checks.BorrowEscapes;
import org.borrowck4j.rules.checks.ConflictingBorrow;
import org.borrowck4j.rules.checks.ExplainsInference;
import org.borrowck4j.rules.checks.MoveWhileBorrowed;
import org.borrowck4j.rules.checks.OutlivesOwner;
import org.borrowck4j.rules.checks.OwnedValueLeaked;
import org.borrowck4j.rules.checks.UseAfterMove;

/**
 * Every rule borrowck4j has: the checks, and the findings the engine makes itself (parse errors).
 * Each rule's long explanation, with a wrong and a right example, lives in {@code
 * explain/<code>.md} beside this class — the one text behind {@code --explain} and SARIF help.
 */
public final class RuleCatalog {
  private RuleCatalog() {}

  /** A fresh instance of every check, in code order. */
  public static List<Rule> checks() {
    return List.of(
        ExplainsInference.of(new UseAfterMove()),
        ExplainsInference.of(new MoveWhileBorrowed()),
        ExplainsInference.of(new ConflictingBorrow()),
        ExplainsInference.of(new BorrowEscapes()),
        ExplainsInference.of(new OutlivesOwner()),
        ExplainsInference.of(new OwnedValueLeaked()),
        new AnnotationMisuse());
  }

  /** Metadata of every rule, including those reported by the engine itself. */
  public static List<RuleInfo> all() {
    List<RuleInfo> out = new ArrayList<>();
    for (Rule r : checks()) {
      out.add(r.info());
    }
    out.add(Analyzer.PARSE_ERROR);
    return List.copyOf(out);
  }

  /** The rule named by id ({@code use-after-move}) or code ({@code BC001}). */
  public static Optional<RuleInfo> find(String name) {
    return all().stream().filter(r -> r.isNamed(name.strip())).findFirst();
  }

  /** The one-line message for a name that is no rule's id or code: the name, and every rule there is. */
  public static String unknownRuleMessage(String name) {
    return "unknown rule: " + name + " (rules: " + String.join(", ", all().stream().map(r -> r.code() + " " + r.id()).toList()) + ")";
  }

  private static List<RuleDescriptor> descriptors;

  /**
   * What reports (SARIF) say about every rule: metadata, summary and the explanation as help. No
   * help URI: the explanation is inline, and there is no published page to point to (decision 110).
   * Read from the jar once per JVM (they never change): the command line starts reading them at
   * start-up on a thread of its own (decision 210), and a report asking meanwhile waits for it.
   */
  public static synchronized List<RuleDescriptor> descriptors() {
    if (descriptors == null) {
      List<RuleDescriptor> out = new ArrayList<>();
      for (RuleInfo r : all()) {
        String explanation = explanation(r);
        out.add(new RuleDescriptor(r, firstParagraph(explanation, r.summary()), explanation, null));
      }
      descriptors = List.copyOf(out);
    }
    return descriptors;
  }

  /** The first paragraph after the title, as plain text on one line. */
  static String firstParagraph(String markdown, String fallback) {
    StringBuilder sb = new StringBuilder();
    for (String line : markdown.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (sb.length() > 0) {
          break;
        }
        continue;
      }
      sb.append(sb.length() > 0 ? " " : "").append(line.strip());
    }
    String text = sb.toString().replace("**", "");
    return text.isEmpty() ? fallback : text;
  }

  /** The long explanation of a rule, in Markdown. */
  public static String explanation(RuleInfo rule) {
    String resource = "explain/" + rule.code() + ".md";
    try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        return rule.summary() + "\n";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return rule.summary() + "\n";
    }
  }
}
