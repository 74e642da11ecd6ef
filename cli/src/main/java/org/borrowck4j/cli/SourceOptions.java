package org.borrowck4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.rules.settings.Glob;
import org.borrowck4j.rules.settings.Settings;
import picocli.CommandLine.Option;

/**
 * What the sources are and how to read them: the options {@code borrowck} and {@code borrowck
 * infer} share (a picocli mixin), so that both name, describe and apply them alike.
 */
final class SourceOptions {
  @Option(
      names = {"-cp", "--classpath"},
      paramLabel = "PATH",
      split = "${sys:path.separator}",
      description = "Jars and class directories whose types and RUNTIME annotations the analysed code uses.")
  List<Path> classpath = new ArrayList<>();

  @Option(
      names = "--stubs",
      paramLabel = "PATH",
      description = "Model files (.astub) or directories of them, for libraries without annotations.")
  List<Path> stubs = new ArrayList<>();

  @Option(
      names = "--source-level",
      paramLabel = "N",
      description = "Java language level of the sources (8, 11, 17, 21, ...; default: the newest supported).")
  String sourceLevel;

  @Option(names = "--encoding", paramLabel = "CHARSET", description = "Encoding of the source files (default: UTF-8).")
  String encoding;

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Files or directories not to analyse, as a glob relative to the working directory (target, **/generated/**); repeatable, added to borrowck.toml's.")
  List<String> exclude = new ArrayList<>();

  /**
   * The configuration file's settings under these options: those given win, those not given keep
   * the file's values or the defaults; {@code --exclude} adds to the file's excludes (decision 102).
   */
  Settings.Builder over(Settings base, Path workingDirectory) {
    return base.toBuilder()
        .classpath(classpath)
        .stubs(stubs.isEmpty() ? null : stubs)
        .exclude(exclude.stream().map(g -> new Glob(g, workingDirectory, "--exclude")).toList())
        .sourceLevel(sourceLevel)
        .encoding(encoding);
  }
}
