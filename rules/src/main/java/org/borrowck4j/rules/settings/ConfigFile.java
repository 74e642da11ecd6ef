package org.borrowck4j.rules.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borrowck4j.analyzer.io.OsReason;
import org.borrowck4j.rules.RuleCatalog;

/**
 * The project's {@code borrowck.toml}, read alike by every front end (decision 100):
 *
 * <pre>
 * source-level = 17
 * stubs = ["config/borrowck"]
 * strict = false
 * infer = true
 * baseline = "borrowck-baseline.json"
 * cache = ".borrowck-cache"
 * source-path = ["src/main/java"]
 *
 * [rules]
 * conflicting-borrow = "warning"   # id or code: "off", "warning" or "error"
 * BC006 = "off"
 *
 * [files]
 * include = ["src/**"]
 * exclude = ["**&#47;generated/**"]
 * </pre>
 *
 * Paths and globs are relative to the file's directory. A key or level it does not know is an
 * error naming the file, the line and the key, never silently ignored: a misspelt setting would
 * otherwise change nothing and say nothing. Each key is one entry of {@link #KEYS}, so a setting
 * is added by adding its reader there.
 */
public final class ConfigFile {
  public static final String NAME = "borrowck.toml";

  private final Path path;
  private final String text;
  private final TomlLines lines;
  private final Path dir;
  private final Set<String> given = new LinkedHashSet<>();

  private ConfigFile(Path path, String text) {
    this.path = path;
    this.text = text;
    this.lines = new TomlLines(text);
    this.dir = path.toAbsolutePath().normalize().getParent();
  }

  /** What reading one top-level key does to the settings. */
  @FunctionalInterface
  private interface Key {
    void read(ConfigFile file, String key, JsonNode value, Settings.Builder into) throws InvalidSettings;
  }

  /** Every top-level key there is, in the order messages list them. */
  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("source-level", (f, k, v, b) -> b.sourceLevel(f.sourceLevel(k, v)));
    KEYS.put("stubs", (f, k, v, b) -> b.stubs(f.strings("", k, v).stream().map(f::resolve).toList()));
    KEYS.put("strict", (f, k, v, b) -> b.strict(f.bool("", k, v)));
    KEYS.put("infer", (f, k, v, b) -> b.infer(f.bool("", k, v)));
    KEYS.put("baseline", (f, k, v, b) -> b.baseline(f.resolve(f.string("", k, v))));
    KEYS.put("cache", (f, k, v, b) -> b.cache(f.resolve(f.string("", k, v))));
    KEYS.put("source-path", (f, k, v, b) -> b.sourcePath(f.strings("", k, v).stream().map(f::resolve).toList()));
    KEYS.put("rules", (f, k, v, b) -> b.rules(f.rules(f.table(k, v))));
    KEYS.put("files", (f, k, v, b) -> b.files(f.files(f.table(k, v))));
  }

  /**
   * The nearest {@code borrowck.toml}: in {@code from} or a directory above it, up to {@code top}
   * (the reactor root for Maven; null: up to the file-system root).
   */
  public static Optional<Path> find(Path from, Path top) {
    Path stop = top == null ? null : top.toAbsolutePath().normalize();
    for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (dir.equals(stop)) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Reads the file; every problem is one line naming the file, the line and the key. */
  public static ConfigFile read(Path file) throws InvalidSettings {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettings("cannot read " + file + ": " + OsReason.of(e), e);
    }
    return new ConfigFile(file, text);
  }

  public Path path() {
    return path;
  }

  /** Whether the file sets this top-level key ({@code source-level}). */
  public boolean sets(String key) {
    return given.contains(key);
  }

  /** How messages name a key of this file: {@code source-level in borrowck.toml}. */
  public String name(String key) {
    return key + " in " + path;
  }

  /** The file's settings over the defaults. */
  public Settings settings() throws InvalidSettings {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InvalidSettings(path + (line > 0 ? ":" + line : "") + ": not valid TOML: " + e.getOriginalMessage(), e);
    }
    Settings.Builder builder = Settings.builder();
    given.clear();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      Key key = KEYS.get(e.getKey());
      if (key == null) {
        throw problem("", e.getKey(), "unknown key (keys: " + String.join(", ", KEYS.keySet()) + ")");
      }
      key.read(this, e.getKey(), e.getValue(), builder);
      given.add(e.getKey());
    }
    return builder.build();
  }

  private String sourceLevel(String key, JsonNode value) throws InvalidSettings {
    if (!value.isTextual() && !value.isIntegralNumber()) {
      throw problem("", key, "must be a Java version such as 17");
    }
    try {
      SourceLevels.parse(Optional.of(value.asText()), key);
    } catch (InvalidSettings e) {
      throw problem("", key, e.getMessage().replace(" " + key, "").replace(key + " ", ""));
    }
    return value.asText();
  }

  private RuleSelection rules(JsonNode table) throws InvalidSettings {
    List<RuleSelection.Setting> settings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      if (RuleCatalog.find(e.getKey()).isEmpty()) {
        throw problem("rules", e.getKey(), RuleCatalog.unknownRuleMessage(e.getKey()).replaceFirst(": [^(]*\\(", " ("));
      }
      JsonNode value = e.getValue();
      RuleLevel level =
          (value.isTextual() ? RuleLevel.named(value.asText()) : Optional.<RuleLevel>empty())
              .orElseThrow(() -> problem("rules", e.getKey(), "unknown level " + value + " (levels: " + RuleLevel.words() + ")"));
      settings.add(new RuleSelection.Setting(e.getKey(), level));
    }
    return new RuleSelection(settings);
  }

  private FileSelection files(JsonNode table) throws InvalidSettings {
    List<Glob> include = new ArrayList<>();
    List<Glob> exclude = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      List<Glob> into =
          switch (e.getKey()) {
            case "include" -> include;
            case "exclude" -> exclude;
            default -> throw problem("files", e.getKey(), "unknown key (keys: include, exclude)");
          };
      for (String pattern : strings("files", e.getKey(), e.getValue())) {
        into.add(new Glob(pattern, dir, path.getFileName() + " [files] " + e.getKey()));
      }
    }
    return new FileSelection(include, exclude);
  }

  private JsonNode table(String key, JsonNode value) throws InvalidSettings {
    if (!value.isObject()) {
      throw problem("", key, "must be a table: [" + key + "]");
    }
    return value;
  }

  private boolean bool(String table, String key, JsonNode value) throws InvalidSettings {
    if (!value.isBoolean()) {
      throw problem(table, key, "must be true or false");
    }
    return value.asBoolean();
  }

  private String string(String table, String key, JsonNode value) throws InvalidSettings {
    if (!value.isTextual() || value.asText().isBlank()) {
      throw problem(table, key, "must be a non-empty string");
    }
    return value.asText();
  }

  /** A string or an array of strings. */
  private List<String> strings(String table, String key, JsonNode value) throws InvalidSettings {
    if (value.isTextual()) {
      return List.of(string(table, key, value));
    }
    if (!value.isArray()) {
      throw problem(table, key, "must be a string or an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : value) {
      if (!v.isTextual() || v.asText().isBlank()) {
        throw problem(table, key, "must be an array of non-empty strings");
      }
      out.add(v.asText());
    }
    return out;
  }

  private Path resolve(String relative) {
    return dir.resolve(relative).normalize();
  }

  /** {@code borrowck.toml:7: rules.BC003: unknown level "warn" (levels: off, warning, error)}. */
  private InvalidSettings problem(String table, String key, String what) {
    String full = table.isEmpty() ? key : table + "." + key;
    return new InvalidSettings(path + ":" + lines.of(table, key) + ": " + full + ": " + what);
  }
}
