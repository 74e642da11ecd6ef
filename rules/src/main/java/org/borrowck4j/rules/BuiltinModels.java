package org.borrowck4j.rules;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.model.DeclarationCodec;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.StubLoader;

/**
 * The models of the JDK and Netty that ship with borrowck4j: stub files under {@code models/},
 * listed in {@code models/index.txt}, one file per library area. The build compiles them into
 * {@code models/models.bin} ({@link DeclarationCodec}), which is what a run reads.
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

  private static List<Declared.FileDeclarations> loaded;

  /**
   * Every built-in model, read once per JVM (declarations are immutable). A broken built-in
   * model is a bug of ours, hence unchecked. Synchronized: the command line starts reading them
   * on a thread of its own at start-up (decision 210), and a run that asks meanwhile waits for
   * that read rather than making a second one.
   */
  public static synchronized List<Declared.FileDeclarations> load() {
    if (loaded == null) {
      loaded = List.copyOf(read());
    }
    return loaded;
  }

  /**
   * The models as the build compiled them ({@link #main}), or, when that form is missing or was
   * made from other model text (a run from an IDE after editing a model), parsed from the stubs.
   */
  private static List<Declared.FileDeclarations> read() {
    List<String> names = files();
    List<String> texts = names.stream().map(BuiltinModels::text).toList();
    try (InputStream in = BuiltinModels.class.getResourceAsStream("models/" + COMPILED)) {
      if (in != null) {
        Optional<List<Declared.FileDeclarations>> compiled =
            DeclarationCodec.decode(new BufferedInputStream(in), digest(names, texts));
        if (compiled.isPresent()) {
          return compiled.get();
        }
      }
    } catch (IOException | RuntimeException e) {
      // A damaged resource: parse instead.
    }
    return parse(names, texts);
  }

  /** The name of the compiled form beside the stubs. */
  static final String COMPILED = "models.bin";

  static List<Declared.FileDeclarations> parse(List<String> names, List<String> texts) {
    List<Declared.FileDeclarations> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      try {
        out.addAll(StubLoader.load("builtin:" + names.get(i), texts.get(i), Declared.Origin.Kind.BUILTIN_MODEL));
      } catch (StubLoader.StubException e) {
        throw new IllegalStateException("broken built-in model: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Identifies the model text a compiled form was made from. */
  static long digest(List<String> names, List<String> texts) {
    CRC32 crc = new CRC32();
    for (int i = 0; i < names.size(); i++) {
      crc.update((names.get(i) + '\0' + texts.get(i) + '\0').getBytes(StandardCharsets.UTF_8));
    }
    return crc.getValue();
  }

  /**
   * Compiles the models into {@code args[0]}: run by the build (exec-maven-plugin in
   * rules/pom.xml, phase process-classes), so every jar carries the form of its own models.
   */
  public static void main(String[] args) throws IOException {
    compile(Path.of(args[0]), new AtomicWriter(System.err::println));
  }

  /**
   * Writes the compiled form of the models to {@code target}, whole or not at all: a build
   * stopped half-way leaves the previous file, which a run would still recognise by its digest.
   */
  static void compile(Path target, AtomicWriter writer) throws IOException {
    List<String> names = files();
    List<String> texts = names.stream().map(BuiltinModels::text).toList();
    writer.replace(target, DeclarationCodec.encode(parse(names, texts), digest(names, texts)));
  }
}
