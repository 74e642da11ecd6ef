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
 * walked for {@code *.java} (hidden directories skipped, symbolic links not followed, so loops are
 * impossible). Paths are shown as the user wrote them, joined with the path inside a directory.
 */
final class InputFiles {
  private InputFiles() {}

  /** A path on the command line that cannot be analysed: reported in one line, exit 2. */
  static final class BadInput extends Exception {
    BadInput(String message) {
      super(message);
    }
  }

  static List<InputFile> collect(List<Path> arguments) throws BadInput {
    Map<Path, InputFile> files = new LinkedHashMap<>();
    for (Path arg : arguments) {
      Path shown = arg.normalize();
      if (!Files.exists(arg)) {
        throw new BadInput("no such file or directory: " + arg);
      }
      if (Files.isDirectory(arg)) {
        List<Path> found = walk(arg);
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

  private static List<Path> walk(Path dir) throws BadInput {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String name = d.getFileName() == null ? "" : d.getFileName().toString();
              return !d.equals(dir) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && f.getFileName().toString().endsWith(".java")) {
                found.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new BadInput("cannot read directory: " + dir + " (" + e.getMessage() + ")");
    }
    return found;
  }
}
