package org.borrowck4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.borrowck4j.rules.settings.ConfigFile;
import org.borrowck4j.rules.settings.InvalidSettings;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by the command and {@code borrowck rules}. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The project's configuration file (default: the nearest borrowck.toml in the working directory or above).")
  Path file;

  /** The file named, else the nearest {@code borrowck.toml} from the working directory up; or none. */
  Optional<ConfigFile> load(Environment env) throws InvalidSettings {
    if (file != null) {
      Path named = file.isAbsolute() ? file : env.workingDirectory().resolve(file);
      if (!Files.isRegularFile(named)) {
        throw new InvalidSettings("no such configuration file: " + file);
      }
      return Optional.of(ConfigFile.read(named));
    }
    Optional<Path> found = ConfigFile.find(env.workingDirectory(), null);
    return found.isEmpty() ? Optional.empty() : Optional.of(ConfigFile.read(found.get()));
  }
}
