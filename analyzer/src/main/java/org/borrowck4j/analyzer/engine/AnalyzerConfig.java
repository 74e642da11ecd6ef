package org.borrowck4j.analyzer.engine;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.model.Declared;

/**
 * How to analyse: the language level, where contracts come from besides the sources (the
 * built-in models are read when the analysis needs them, while the first files parse), the rules
 * to run, how many threads to use, whether to guess strictly (unannotated parameters of owned
 * types are borrows, unknown calls keep what they are given) and whether to report suppressions
 * that suppress nothing, the encoding of the source files, the work one method may take
 * ({@link org.borrowck4j.analyzer.dataflow.Budget}), and whether contracts are inferred from the
 * sources' own method bodies (D23); where results are cached between runs (null: nowhere,
 * decision 130) and which source trees beyond the inputs are read for their contracts ({@link
 * SourcePath}, decision 136).
 */
public record AnalyzerConfig(
    LanguageLevel languageLevel,
    List<Path> classpath,
    List<Declared.FileDeclarations> userStubs,
    java.util.function.Supplier<List<Declared.FileDeclarations>> builtinModels,
    List<Rule> rules,
    int jobs,
    boolean strict,
    boolean reportUnusedSuppressions,
    java.util.function.Predicate<String> knownRule,
    java.nio.charset.Charset encoding,
    long stepBudget,
    boolean infer,
    java.nio.file.Path cacheDir,
    SourcePath sourcePath) {

  public AnalyzerConfig {
    sourcePath = sourcePath == null ? SourcePath.NONE : sourcePath;
    classpath = List.copyOf(classpath);
    userStubs = List.copyOf(userStubs);
    rules = List.copyOf(rules);
    jobs = Math.max(1, jobs);
    encoding = encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : encoding;
    if (stepBudget <= 0) {
      throw new IllegalArgumentException("the analysis budget must be positive: " + stepBudget);
    }
  }

  /** Without cache or source path. */
  public AnalyzerConfig(
      LanguageLevel languageLevel,
      List<Path> classpath,
      List<Declared.FileDeclarations> userStubs,
      java.util.function.Supplier<List<Declared.FileDeclarations>> builtinModels,
      List<Rule> rules,
      int jobs,
      boolean strict,
      boolean reportUnusedSuppressions,
      java.util.function.Predicate<String> knownRule,
      java.nio.charset.Charset encoding,
      long stepBudget,
      boolean infer) {
    this(
        languageLevel, classpath, userStubs, builtinModels, rules, jobs, strict, reportUnusedSuppressions, knownRule, encoding, stepBudget, infer,
        null, SourcePath.NONE);
  }

  /** A configuration that infers contracts from the sources' own bodies (D23). */
  public AnalyzerConfig(
      LanguageLevel languageLevel,
      List<Path> classpath,
      List<Declared.FileDeclarations> userStubs,
      java.util.function.Supplier<List<Declared.FileDeclarations>> builtinModels,
      List<Rule> rules,
      int jobs,
      boolean strict,
      boolean reportUnusedSuppressions,
      java.util.function.Predicate<String> knownRule,
      java.nio.charset.Charset encoding,
      long stepBudget) {
    this(
        languageLevel, classpath, userStubs, builtinModels, rules, jobs, strict, reportUnusedSuppressions, knownRule, encoding, stepBudget, true);
  }

  /** The same configuration reading sources in another encoding. */
  public AnalyzerConfig withEncoding(java.nio.charset.Charset charset) {
    return with(charset, stepBudget, infer, cacheDir, sourcePath);
  }

  /** The same configuration with another analysis budget per method, in steps. */
  public AnalyzerConfig withStepBudget(long steps) {
    return with(encoding, steps, infer, cacheDir, sourcePath);
  }

  /** The same configuration, inferring contracts from the sources' bodies or not (D23). */
  public AnalyzerConfig withInference(boolean on) {
    return with(encoding, stepBudget, on, cacheDir, sourcePath);
  }

  /** The same configuration caching results in {@code dir} (null: no cache). */
  public AnalyzerConfig withCache(Path dir) {
    return with(encoding, stepBudget, infer, dir, sourcePath);
  }

  /** The same configuration reading contracts from these source trees too. */
  public AnalyzerConfig withSourcePath(SourcePath path) {
    return with(encoding, stepBudget, infer, cacheDir, path);
  }

  /** This configuration with the settings the command line and borrowck.toml change after the rest. */
  private AnalyzerConfig with(java.nio.charset.Charset charset, long steps, boolean on, Path dir, SourcePath path) {
    return new AnalyzerConfig(
        languageLevel, classpath, userStubs, builtinModels, rules, jobs, strict, reportUnusedSuppressions, knownRule, charset, steps, on, dir, path);
  }
}
