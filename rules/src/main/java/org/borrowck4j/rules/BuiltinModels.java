package org.borrowck4j.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.StubLoader;

/**
 * The models of the JDK and Netty that ship with borrowck4j: stub files under {@code models/},
 * listed in {@code models/index.txt}, one file per library area.
 */
public final class BuiltinModels {
  private BuiltinModels() {}

  /** The names of the built-in model files. */
  public static List<String> files() {
    List<String> names = new ArrayList<>();
    try (InputStream in = BuiltinModels.class.getResourceAsStream("models/index.txt")) {
      if (in == null) {
        return names;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** The text of one built-in model file. */
  public static String text(String name) {
    try (InputStream in = BuiltinModels.class.getResourceAsStream("models/" + name)) {
      if (in == null) {
        throw new IllegalStateException("built-in model missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static volatile List<Declared.FileDeclarations> loaded;

  /**
   * Every built-in model, parsed once per JVM (declarations are immutable). A broken built-in
   * model is a bug of ours, hence unchecked.
   */
  public static List<Declared.FileDeclarations> load() {
    List<Declared.FileDeclarations> models = loaded;
    if (models == null) {
      models = List.copyOf(read());
      loaded = models;
    }
    return models;
  }

  private static List<Declared.FileDeclarations> read() {
    List<Declared.FileDeclarations> out = new ArrayList<>();
    for (String name : files()) {
      try {
        out.addAll(StubLoader.load("builtin:" + name, text(name), Declared.Origin.Kind.BUILTIN_MODEL));
      } catch (StubLoader.StubException e) {
        throw new IllegalStateException("broken built-in model: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
