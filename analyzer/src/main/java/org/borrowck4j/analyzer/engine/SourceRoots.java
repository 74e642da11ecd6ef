package org.borrowck4j.analyzer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of the source path that are not among the inputs (decision 136): each input's own
 * source root is where its package's directories begin, as javac finds it ({@code
 * src/main/java/a/b/C.java} in package {@code a.b} has the root {@code src/main/java}); a file
 * whose directories do not spell its package has none. Only directories whose names can be
 * package names are entered ({@code target}, {@code .git} or {@code build-output} cannot hold
 * sources of a package), and the root of a file without a package is read without its
 * sub-directories: it is the directory the file happens to be in (a home directory, a scripts
 * folder), not a source tree. Directories that cannot be read are skipped: their files are
 * simply not known, as in a run that named them.
 */
final class SourceRoots {
  private SourceRoots() {}

  /** The other Java files of the source path, absolute and sorted. */
  static List<Path> extraFiles(List<InputFile> inputs, SourcePath sourcePath) {
    if (sourcePath.isEmpty()) {
      return List.of();
    }
    Set<Path> roots = new LinkedHashSet<>();
    Set<Path> shallow = new LinkedHashSet<>();
    for (Path r : sourcePath.roots()) {
      roots.add(r.toAbsolutePath().normalize());
    }
    Set<Path> named = new HashSet<>();
    for (InputFile input : inputs) {
      Path file = input.path().toAbsolutePath().normalize();
      named.add(file);
      if (sourcePath.detect()) {
        String pkg = packageOf(file);
        Path root = rootOf(file, pkg);
        if (root != null) {
          (pkg.isEmpty() ? shallow : roots).add(root);
        }
      }
    }
    shallow.removeAll(roots);
    Set<Path> out = new java.util.TreeSet<>();
    for (Path root : roots) {
      collect(root, Integer.MAX_VALUE, named, sourcePath, out);
    }
    for (Path root : shallow) {
      collect(root, 1, named, sourcePath, out);
    }
    return List.copyOf(out);
  }

  private static void collect(Path root, int depth, Set<Path> named, SourcePath sourcePath, Set<Path> out) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          depth,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return d.equals(root) || isPackageName(d.getFileName().toString()) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              Path f = file.toAbsolutePath().normalize();
              if (attrs.isRegularFile() && f.getFileName().toString().endsWith(".java") && !named.contains(f) && sourcePath.selects().test(f)) {
                out.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      // What could be listed is kept.
    }
  }

  private static boolean isPackageName(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The source root of a file from its package declaration, or null. */
  static Path rootOf(Path file) {
    return rootOf(file, packageOf(file));
  }

  private static Path rootOf(Path file, String pkg) {
    Path dir = file.getParent();
    if (pkg == null || dir == null) {
      return null;
    }
    if (pkg.isEmpty()) {
      return dir;
    }
    String[] segments = pkg.split("\\.");
    for (int i = segments.length - 1; i >= 0; i--) {
      if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().equals(segments[i])) {
        return null;
      }
      dir = dir.getParent();
    }
    return dir;
  }

  /** The package a file declares ("" for none), from its first 16 KiB; null when unreadable. */
  static String packageOf(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(16 * 1024);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return packageIn(new String(head, StandardCharsets.UTF_8));
  }

  /**
   * The name after {@code package}, skipping comments and annotations before it (a
   * package-info's); "" when the first declaration is something else.
   */
  static String packageIn(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '@') {
        i = skipAnnotation(text, i + 1);
      } else if (text.startsWith("package", i) && i + 7 < n && !Character.isJavaIdentifierPart(text.charAt(i + 7))) {
        int end = text.indexOf(';', i);
        if (end < 0) {
          return null;
        }
        return stripComments(text.substring(i + 7, end)).replaceAll("\\s+", "");
      } else {
        return "";
      }
    }
    return "";
  }

  private static int skipAnnotation(String text, int i) {
    int n = text.length();
    while (i < n && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    int afterName = i;
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= n || text.charAt(i) != '(') {
      return afterName;
    }
    {
      int depth = 0;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (c == '"') {
          i = text.indexOf('"', i + 1);
          if (i < 0) {
            return n;
          }
        } else if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return i + 1;
        }
      }
    }
    return i;
  }

  private static String stripComments(String s) {
    return s.replaceAll("/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
  }
}
