package org.borrowck4j.rules.settings;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.util.Optional;
import org.borrowck4j.analyzer.parse.JavaSourceParser;

/** Java versions as people write them ({@code 17}, {@code 1.8}) turned into the parser's levels. */
final class SourceLevels {
  private SourceLevels() {}

  /**
   * @param written the version as the user wrote it; empty for the newest level the parser knows
   * @param settingName how the user named the setting, for the message
   */
  static LanguageLevel parse(Optional<String> written, String settingName) throws InvalidSettings {
    if (written.isEmpty()) {
      return JavaSourceParser.newestLevel();
    }
    String version = written.get().strip();
    // javac still accepts the old spelling of Java 5 to 8, and so do POMs written for it.
    if (version.startsWith("1.")) {
      version = version.substring(2);
    }
    int release;
    try {
      release = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new InvalidSettings(settingName + " takes a Java version number such as 17, not: " + written.get());
    }
    return JavaSourceParser.levelFor(release)
        .orElseThrow(() -> new InvalidSettings("unsupported " + settingName + ": " + written.get()));
  }
}
