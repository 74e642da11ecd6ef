package org.borrowck4j.analyzer.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Source trees whose declarations (and, with inference, method bodies) the analysis reads on
 * demand, beyond the files it reports on (decision 136): what javac's {@code -sourcepath} is to
 * a compilation. Analysing one file of a project then gives the findings a run over the whole
 * tree gives it; findings are reported only for the files analysed.
 *
 * @param roots source roots given explicitly ({@code --source-path})
 * @param detect also find each input's own root from its {@code package} declaration, as javac
 *     does: the directory its package's directories hang from
 * @param selects which files of those trees take part: the same selection as the inputs, so that
 *     an excluded file is not read on demand either
 */
public record SourcePath(List<Path> roots, boolean detect, Predicate<Path> selects) {
  public static final SourcePath NONE = new SourcePath(List.of(), false, p -> true);

  public SourcePath {
    roots = List.copyOf(roots);
    selects = selects == null ? p -> true : selects;
  }

  public boolean isEmpty() {
    return roots.isEmpty() && !detect;
  }
}
