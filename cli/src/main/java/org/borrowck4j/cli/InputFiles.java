package org.borrowck4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.engine.InputFile;

/**
 * Turns the paths on the command line into the Java files to analyse: files as given, directories
 * walked for {@code *.java} (hidden directories skipped). Symbolic links are followed, so nothing
 * linked in is lost; a link that loops back to a directory above it, or leads nowhere, is skipped
 * with a warning. A file reached twice (through a link) is analysed once. Paths are shown as the
 * user wrote them, joined with the path inside a directory.
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
    return collect(arguments, warning -> {});
  }

  /** @param warnings told about what was skipped inside directories (link loops, broken links) */
  static List<InputFile> collect(List<Path> arguments, java.util.function.Consumer<String> warnings) throws BadInput {
    Map<Path, InputFile> files = new LinkedHashMap<>();
    for (Path arg : arguments) {
      Path shown = arg.normalize();
      if (!Files.exists(arg)) {
        throw new BadInput("no such file or directory: " + arg);
      }
      if (Files.isDirectory(arg)) {
        List<Path> found = walk(arg, warnings);
        if (found.isEmpty()) {
          throw new BadInput("no Java files in directory: " + arg);
        }
        for (Path p : found) {
          add(files, p, shown.resolve(arg.relativize(p)).normalize());
        }
      } else {
        if (!arg.getFileName().toString().endsWith(".java")) {
          throw new BadInput("not a Java source file: " + arg);
        }
        if (!Files.isReadable(arg)) {
          throw new BadInput("cannot read file: " + arg);
        }
        add(files, arg, shown);
      }
    }
    List<InputFile> out = new ArrayList<>(files.values());
    out.sort(Comparator.comparing(InputFile::displayPath));
    return out;
  }

  private static void add(Map<Path, InputFile> files, Path path, Path shown) throws BadInput {
    Path key;
    try {
      key = path.toRealPath();
    } catch (IOException e) {
      throw new BadInput("cannot read file: " + path);
    }
    files.putIfAbsent(key, new InputFile(path, shown.toString()));
  }

  private static List<Path> walk(Path dir, java.util.function.Consumer<String> warnings) throws BadInput {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String name = d.getFileName() == null ? "" : d.getFileName().toString();
              return !d.equals(dir) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              boolean java = f.getFileName().toString().endsWith(".java");
              if (attrs.isRegularFile() && java) {
                found.add(f);
              } else if (attrs.isSymbolicLink() && java) {
                // Links are followed: a link whose attributes are its own leads nowhere.
                warnings.accept("skipping broken symbolic link: " + f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              if (e instanceof java.nio.file.FileSystemLoopException) {
                warnings.accept("skipping symbolic link that loops back to a directory above it: " + f);
                return FileVisitResult.CONTINUE;
              }
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new BadInput("cannot read directory: " + dir + " (" + e.getMessage() + ")");
    }
    return found;
  }
}
