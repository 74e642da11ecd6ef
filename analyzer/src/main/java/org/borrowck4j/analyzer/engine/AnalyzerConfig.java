package org.borrowck4j.analyzer.engine;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.model.Declared;

/**
 * How to analyse: the language level, where contracts come from besides the sources, the rules
 * to run, how many threads to use, whether to guess strictly (unannotated parameters of owned
 * types are borrows, unknown calls keep what they are given) and whether to report suppressions
 * that suppress nothing, and the encoding of the source files.
 */
public record AnalyzerConfig(
    LanguageLevel languageLevel,
    List<Path> classpath,
    List<Declared.FileDeclarations> userStubs,
    List<Declared.FileDeclarations> builtinModels,
    List<Rule> rules,
    int jobs,
    boolean strict,
    boolean reportUnusedSuppressions,
    java.util.function.Predicate<String> knownRule,
    java.nio.charset.Charset encoding) {

  public AnalyzerConfig {
    classpath = List.copyOf(classpath);
    userStubs = List.copyOf(userStubs);
    builtinModels = List.copyOf(builtinModels);
    rules = List.copyOf(rules);
    jobs = Math.max(1, jobs);
    encoding = encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : encoding;
  }

  /** The same configuration reading sources in another encoding. */
  public AnalyzerConfig withEncoding(java.nio.charset.Charset charset) {
    return new AnalyzerConfig(
        languageLevel, classpath, userStubs, builtinModels, rules, jobs, strict, reportUnusedSuppressions, knownRule, charset);
  }
}
