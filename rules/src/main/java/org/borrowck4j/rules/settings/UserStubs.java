package org.borrowck4j.rules.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.StubLoader;

/** The user's model files ({@code .astub}), named one by one or by the directories holding them. */
final class UserStubs {
  private UserStubs() {}

  /**
   * The declarations of every stub, in the order given; a directory's stubs in path order, so
   * the contracts (and what wins when two stubs model the same method) never depend on the order
   * the file system lists them in.
   */
  static List<Declared.FileDeclarations> load(List<Path> paths) throws InvalidSettings {
    List<Declared.FileDeclarations> out = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : stubFiles(path)) {
        out.addAll(parse(file));
      }
    }
    return out;
  }

  /** A file as given (whatever its name), or a directory's {@code .astub} files at any depth. */
  static List<Path> stubFiles(Path path) throws InvalidSettings {
    if (!Files.exists(path)) {
      throw new InvalidSettings("no such stub file or directory: " + path);
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(f -> f.toString().endsWith(".astub") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      // The walk reports a sub-directory it cannot list as an UncheckedIOException.
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new InvalidSettings("cannot read stub directory: " + path + ": " + org.borrowck4j.analyzer.io.OsReason.of(cause), e);
    }
  }

  private static List<Declared.FileDeclarations> parse(Path file) throws InvalidSettings {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidSettings("cannot read stub file: " + file + ": not valid UTF-8 text", e);
    } catch (IOException e) {
      throw new InvalidSettings("cannot read stub file: " + file + ": " + org.borrowck4j.analyzer.io.OsReason.of(e), e);
    }
    try {
      return StubLoader.load(file.toString(), text, Declared.Origin.Kind.USER_STUB);
    } catch (StubLoader.StubException e) {
      // The loader's message starts with file:line:column, so the user can go straight there.
      throw new InvalidSettings("invalid stub file " + e.getMessage(), e);
    }
  }
}
