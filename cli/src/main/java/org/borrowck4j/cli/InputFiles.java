package org.borrowck4j.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.io.OsReason;
import org.borrowck4j.rules.settings.FileSelection;

/**
 * Turns the paths on the command line into the Java files to analyse: files as given, directories
 * walked for {@code *.java} (hidden directories skipped), both filtered by the project's include
 * and exclude globs (an excluded directory is not even read). Symbolic links are followed, so
 * nothing linked in is lost; a link that loops back to a directory above it, or leads nowhere, is
 * skipped with a warning, and so is a directory that cannot be read (the rest is analysed) and
 * anything that is not a regular file (a FIFO would block the run forever). A file reached twice
 * (through a link) is analysed once. Paths are shown as the user wrote them, joined with the path
 * inside a directory.
 */
final class InputFiles {
  private InputFiles() {}

  /** A path on the command line that cannot be analysed: reported in one line, exit 2. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  static List<InputFile> collect(List<Path> arguments) throws BadInput {
    return collect(arguments, FileSelection.ALL, warning -> {});
  }

  /** @param warnings told about what was skipped (link loops, broken links, unreadable directories) */
  static List<InputFile> collect(List<Path> arguments, FileSelection selection, Consumer<String> warnings) throws BadInput {
    Map<Path, InputFile> files = new LinkedHashMap<>();
    for (Path arg : arguments) {
      Path shown = arg.normalize();
      if (!Files.exists(arg)) {
        throw new BadInput("no such file or directory: " + arg);
      }
      if (Files.isDirectory(arg)) {
        Walk walk = new Walk(arg, selection, warnings);
        walk.run();
        if (walk.found.isEmpty() && walk.leftOut == 0) {
          throw new BadInput("no Java files in directory: " + arg);
        }
        for (Path p : walk.found) {
          add(files, p, shown.resolve(arg.relativize(p)).normalize());
        }
      } else if (named(arg, selection, warnings)) {
        add(files, arg, shown);
      }
    }
    List<InputFile> out = new ArrayList<>(files.values());
    out.sort(Comparator.comparing(InputFile::displayPath));
    return out;
  }

  /** Whether a file named on the command line is analysed; a wrong one is an error. */
  private static boolean named(Path arg, FileSelection selection, Consumer<String> warnings) throws BadInput {
    if (!arg.getFileName().toString().endsWith(".java")) {
      throw new BadInput("not a Java source file: " + arg);
    }
    if (!Files.isRegularFile(arg)) {
      warnings.accept("skipping " + arg + ": not a regular file");
      return false;
    }
    if (!Files.isReadable(arg)) {
      throw new BadInput("cannot read file: " + arg + ": Permission denied");
    }
    var why = selection.leftOut(arg);
    why.ifPresent(reason -> warnings.accept("skipping " + arg + ": " + reason));
    return why.isEmpty();
  }

  private static void add(Map<Path, InputFile> files, Path path, Path shown) throws BadInput {
    Path key;
    try {
      key = path.toRealPath();
    } catch (IOException e) {
      throw new BadInput("cannot read file: " + path + ": " + OsReason.of(e));
    }
    files.putIfAbsent(key, new InputFile(path, shown.toString()));
  }

  /** One directory's walk. */
  static final class Walk extends SimpleFileVisitor<Path> {
    private final Path dir;
    private final FileSelection selection;
    private final Consumer<String> warnings;
    final List<Path> found = new ArrayList<>();
    private int leftOut;

    Walk(Path dir, FileSelection selection, Consumer<String> warnings) {
      this.dir = dir;
      this.selection = selection;
      this.warnings = warnings;
    }

    void run() throws BadInput {
      try {
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, this);
      } catch (IOException e) {
        throw new BadInput("cannot read directory: " + dir + ": " + OsReason.of(e));
      }
    }

    @Override
    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
      String name = d.getFileName() == null ? "" : d.getFileName().toString();
      if (d.equals(dir)) {
        return FileVisitResult.CONTINUE;
      }
      if (name.startsWith(".")) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (selection.prunes(d)) {
        leftOut++;
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
      if (!f.getFileName().toString().endsWith(".java")) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isRegularFile()) {
        if (selection.leftOut(f).isPresent()) {
          leftOut++;
        } else {
          found.add(f);
        }
      } else if (attrs.isSymbolicLink()) {
        // Links are followed: a link whose attributes are its own leads nowhere.
        warnings.accept("skipping broken symbolic link: " + f);
      } else if (!attrs.isDirectory()) {
        warnings.accept("skipping " + f + ": not a regular file");
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
      if (e instanceof FileSystemLoopException) {
        warnings.accept("skipping symbolic link that loops back to a directory above it: " + f);
        return FileVisitResult.CONTINUE;
      }
      if (f.equals(dir)) {
        throw e; // the directory named on the command line: nothing of it can be analysed
      }
      warnings.accept("skipping " + f + ": " + OsReason.of(e));
      return FileVisitResult.CONTINUE;
    }
  }
}
