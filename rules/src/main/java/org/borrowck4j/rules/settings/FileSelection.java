package org.borrowck4j.rules.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which Java files are analysed: those matching an include (every file when there is none) and no
 * exclude. Excludes apply to files named one by one too, as ruff's {@code force-exclude}: a
 * pre-commit hook or {@code borrowck $(git ls-files '*.java')} names generated files, and the
 * project said it does not want them (decision 101).
 */
public record FileSelection(List<Glob> include, List<Glob> exclude) {
  /** Every file. */
  public static final FileSelection ALL = new FileSelection(List.of(), List.of());

  public FileSelection {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** These patterns and more excludes (the command line's {@code --exclude} adds to the file's). */
  public FileSelection excluding(List<Glob> more) {
    List<Glob> all = new ArrayList<>(exclude);
    all.addAll(more);
    return new FileSelection(include, all);
  }

  /** Why the file is not analysed ({@code excluded by --exclude "target"}), or empty when it is. */
  public Optional<String> leftOut(Path file) {
    for (Glob g : exclude) {
      if (g.matches(file)) {
        return Optional.of("excluded by " + g.describe());
      }
    }
    if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(file))) {
      return Optional.of("not included by " + include.get(0).origin());
    }
    return Optional.empty();
  }

  /** Whether nothing in the directory can be analysed: an exclude matches it, so it is not read. */
  public boolean prunes(Path directory) {
    return exclude.stream().anyMatch(g -> g.matchesAllIn(directory));
  }
}
