package org.borrowck4j.analyzer.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.cache.Digest;

/**
 * What identifies the code and data a result was made with, for the result cache (decision 134):
 * each jar or class directory the analyser, the rules and the built-in models were loaded from,
 * by size and modification time (every file's, for a directory), so that a rebuilt tool never
 * reads what an older one cached, whatever version it calls itself. Classpath entries of the
 * analysed project are identified the same way.
 */
final class ToolIdentity {
  private static final Map<String, String> CODE = new ConcurrentHashMap<>();

  private ToolIdentity() {}

  /** The identity of the jar or directory a class was loaded from; remembered (code does not change under a running JVM). */
  static String ofCode(Class<?> type) {
    CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown:" + type.getName();
    }
    String location = source.getLocation().toString();
    return CODE.computeIfAbsent(location, l -> {
      try {
        return of(Path.of(source.getLocation().toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        return "unknown:" + l;
      }
    });
  }

  /** A file by path, size and modification time; a directory by those of every file below it. */
  static String of(Path entry) {
    Digest d = new Digest().add(entry.toAbsolutePath().normalize().toString());
    try {
      BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class);
      if (!a.isDirectory()) {
        return d.add(a.size()).add(a.lastModifiedTime().toMillis()).hex();
      }
      try (Stream<Path> files = Files.walk(entry)) {
        files.sorted().forEach(f -> {
          try {
            BasicFileAttributes fa = Files.readAttributes(f, BasicFileAttributes.class);
            d.add(entry.relativize(f).toString()).add(fa.size()).add(fa.lastModifiedTime().toMillis());
          } catch (IOException | RuntimeException e) {
            d.add("unreadable " + f);
          }
        });
      }
      return d.hex();
    } catch (IOException | RuntimeException e) {
      return d.add("missing").hex();
    }
  }
}
