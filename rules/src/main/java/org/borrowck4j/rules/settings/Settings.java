package org.borrowck4j.rules.settings;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.borrowck4j.analyzer.dataflow.Budget;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.SourcePath;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.rules.Borrowck;

/**
 * Everything that decides what an analysis does, whoever asked for it: command-line options, a
 * POM, later a configuration file or an editor. Values are kept as the user wrote them; {@link
 * #analyzerConfig} is the one place that checks them and turns them into what the engine runs, so
 * that every front end accepts and refuses the same things, in the same words.
 *
 * @param sourceLevel the Java version of the sources as written ({@code 17}, {@code 1.8}); empty
 *     for the newest the parser knows
 * @param stubs model files ({@code .astub}) or directories of them, for libraries without
 *     annotations
 * @param rules which rules are on; also what {@link RuleSelection#applyTo} keeps of a result
 * @param strict the stricter guesses: unannotated parameters of owned types are borrows, calls
 *     into unknown code keep what they are given
 * @param encoding the name of the sources' character set; empty for UTF-8
 * @param jobs files analysed in parallel; empty for one per processor
 * @param analysisBudget the work one method may take, in steps, before it is skipped with a
 *     warning
 * @param classpath jars and class directories whose types and annotations the sources use
 * @param reportUnusedSuppressions report {@code @SuppressWarnings("borrowck…")} that suppress
 *     nothing
 * @param baseline the accepted findings: only findings not in it are reported
 * @param files which of the Java files found are analysed
 * @param infer infer the contracts of the sources' own methods from their bodies (D23)
 * @param cache the directory results are cached in between runs (decision 130); empty: none
 * @param sourcePath source roots whose files are read for their contracts on demand (decision 136)
 * @param detectSourceRoots also read the rest of each input's own source tree, found from its
 *     package declaration: a file analysed alone gets the findings of a whole-tree run
 */
public record Settings(
    Optional<String> sourceLevel,
    List<Path> stubs,
    RuleSelection rules,
    boolean strict,
    Optional<String> encoding,
    OptionalInt jobs,
    long analysisBudget,
    List<Path> classpath,
    boolean reportUnusedSuppressions,
    Optional<Path> baseline,
    FileSelection files,
    boolean infer,
    Optional<Path> cache,
    List<Path> sourcePath,
    boolean detectSourceRoots) {

  public Settings {
    Objects.requireNonNull(sourceLevel, "sourceLevel");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(cache, "cache");
    sourcePath = List.copyOf(sourcePath);
    stubs = List.copyOf(stubs);
    classpath = List.copyOf(classpath);
  }

  /** Every rule, the newest language level, UTF-8, one job per processor, no stubs, no classpath. */
  public static final Settings DEFAULTS =
      new Settings(
          Optional.empty(), List.of(), RuleSelection.ALL, false, Optional.empty(), OptionalInt.empty(), Budget.DEFAULT_STEPS, List.of(), false,
          Optional.empty(), FileSelection.ALL, true, Optional.empty(), List.of(), false);

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from these settings, to override some of them (options over a file). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * What the engine runs: the settings checked (rules, level, jobs, budget, encoding, then the
   * stubs, which are read here), with the built-in rules and models.
   *
   * @param names how the user wrote the settings, for the messages
   * @throws InvalidSettings for the first setting that cannot be run
   */
  public AnalyzerConfig analyzerConfig(SettingNames names) throws InvalidSettings {
    rules.checkNames();
    LanguageLevel level = SourceLevels.parse(sourceLevel, names.sourceLevel());
    int threads = jobs.orElse(Runtime.getRuntime().availableProcessors());
    requireAtLeastOne(threads, names.jobs());
    requireAtLeastOne(analysisBudget, names.analysisBudget());
    Charset charset = charset(names.encoding());
    List<Declared.FileDeclarations> userStubs = UserStubs.load(stubs);
    return Borrowck.config(level, classpath, userStubs, rules::isOn, threads, strict, reportUnusedSuppressions)
        .withEncoding(charset)
        .withStepBudget(analysisBudget)
        .withInference(infer)
        .withCache(cache.orElse(null))
        .withSourcePath(new SourcePath(sourcePath, detectSourceRoots, f -> files.leftOut(f).isEmpty()));
  }

  private static void requireAtLeastOne(long value, String settingName) throws InvalidSettings {
    if (value < 1) {
      throw new InvalidSettings(settingName + " must be at least 1");
    }
  }

  private Charset charset(String settingName) throws InvalidSettings {
    if (encoding.isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding.get());
    } catch (IllegalArgumentException e) {
      // Both an illegal name and one this JVM does not support.
      throw new InvalidSettings("unknown " + settingName + ": " + encoding.get(), e);
    }
  }

  /**
   * Settings built one value at a time; what is not set keeps its default (or earlier) value. A
   * setter given null, "not given", keeps it too, so that a front end can lay its options over
   * defaults or a configuration file without testing each one.
   */
  public static final class Builder {
    private Optional<String> sourceLevel;
    private List<Path> stubs;
    private RuleSelection rules;
    private boolean strict;
    private Optional<String> encoding;
    private OptionalInt jobs;
    private long analysisBudget;
    private List<Path> classpath;
    private boolean reportUnusedSuppressions;
    private Optional<Path> baseline;
    private FileSelection files;
    private boolean infer;
    private Optional<Path> cache;
    private List<Path> sourcePath;
    private boolean detectSourceRoots;

    private Builder(Settings from) {
      this.sourceLevel = from.sourceLevel;
      this.stubs = from.stubs;
      this.rules = from.rules;
      this.strict = from.strict;
      this.encoding = from.encoding;
      this.jobs = from.jobs;
      this.analysisBudget = from.analysisBudget;
      this.classpath = from.classpath;
      this.reportUnusedSuppressions = from.reportUnusedSuppressions;
      this.baseline = from.baseline;
      this.files = from.files;
      this.infer = from.infer;
      this.cache = from.cache;
      this.sourcePath = from.sourcePath;
      this.detectSourceRoots = from.detectSourceRoots;
    }

    /** The cache directory; null: not given. */
    public Builder cache(Path dir) {
      if (dir != null) {
        this.cache = Optional.of(dir);
      }
      return this;
    }

    /** No cache, whatever was set before ({@code -Dborrowck.cache=false}). */
    public Builder noCache() {
      this.cache = Optional.empty();
      return this;
    }

    /** More source roots, added to those set before; null: not given. */
    public Builder sourcePath(List<Path> roots) {
      if (roots != null) {
        List<Path> all = new java.util.ArrayList<>(sourcePath);
        all.addAll(roots);
        this.sourcePath = List.copyOf(all);
      }
      return this;
    }

    /** Whether each input's own source tree is found and read on demand; null: not given. */
    public Builder detectSourceRoots(Boolean on) {
      if (on != null) {
        this.detectSourceRoots = on;
      }
      return this;
    }

    /** The Java version as the user wrote it: {@code 17}, {@code 1.8}; null: not given. */
    public Builder sourceLevel(String version) {
      if (version != null) {
        this.sourceLevel = Optional.of(version);
      }
      return this;
    }

    /** Model files or directories; null: not given. Given, they replace those set before. */
    public Builder stubs(List<Path> paths) {
      if (paths != null) {
        this.stubs = List.copyOf(paths);
      }
      return this;
    }

    /** The rule levels; they replace those set before (see {@link #moreRules} to add). */
    public Builder rules(RuleSelection selection) {
      this.rules = Objects.requireNonNull(selection);
      return this;
    }

    /** More rule levels, which win over those set before: the command line's over the file's. */
    public Builder moreRules(RuleSelection later) {
      this.rules = rules.then(later);
      return this;
    }

    /** null: not given. */
    public Builder strict(Boolean on) {
      if (on != null) {
        this.strict = on;
      }
      return this;
    }

    /** Whether contracts are inferred from the sources' bodies (D23); null: not given. */
    public Builder infer(Boolean on) {
      if (on != null) {
        this.infer = on;
      }
      return this;
    }

    /** The name of the sources' character set, as the user wrote it; null: not given. */
    public Builder encoding(String charsetName) {
      if (charsetName != null) {
        this.encoding = Optional.of(charsetName);
      }
      return this;
    }

    /** Files analysed in parallel; null: not given. */
    public Builder jobs(Integer threads) {
      if (threads != null) {
        this.jobs = OptionalInt.of(threads);
      }
      return this;
    }

    /** Steps one method may take; null: not given. */
    public Builder analysisBudget(Long steps) {
      if (steps != null) {
        this.analysisBudget = steps;
      }
      return this;
    }

    public Builder classpath(List<Path> entries) {
      this.classpath = List.copyOf(entries);
      return this;
    }

    /** null: not given. */
    public Builder reportUnusedSuppressions(Boolean on) {
      if (on != null) {
        this.reportUnusedSuppressions = on;
      }
      return this;
    }

    /** The baseline file; null: not given. */
    public Builder baseline(Path file) {
      if (file != null) {
        this.baseline = Optional.of(file);
      }
      return this;
    }

    /** Which files are analysed; replaces the selection set before. */
    public Builder files(FileSelection selection) {
      this.files = Objects.requireNonNull(selection);
      return this;
    }

    /** More excludes, added to those set before: {@code --exclude} adds to the file's. */
    public Builder exclude(List<Glob> globs) {
      this.files = files.excluding(globs);
      return this;
    }

    public Settings build() {
      return new Settings(
          sourceLevel, stubs, rules, strict, encoding, jobs, analysisBudget, classpath, reportUnusedSuppressions, baseline, files, infer,
          cache, sourcePath, detectSourceRoots);
    }
  }
}
