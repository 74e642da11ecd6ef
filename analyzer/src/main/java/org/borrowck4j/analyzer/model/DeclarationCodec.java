package org.borrowck4j.analyzer.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borrowck4j.analyzer.types.ImportContext;

/**
 * A compact binary form of {@link Declared} declarations. The built-in models are parsed once at
 * build time and read back at start-up in a few milliseconds, instead of being parsed with
 * JavaParser by every run (which cost a tenth of a second of CPU before any file was analysed).
 *
 * <p>The form carries a digest of the text it was made from: a reader given a different digest
 * (models edited since the last build) gets nothing and parses the text instead, so a stale file
 * can cost time but never change a result. Output is deterministic (sets and maps written
 * sorted, strings in order of first use), so a build reproduces it byte for byte.
 */
public final class DeclarationCodec {
  private static final int MAGIC = 0x42434b4d; // "BCKM"
  /** Bump whenever the layout or {@link Declared} changes. */
  private static final int FORMAT = 3;

  private DeclarationCodec() {}

  /** The encoded form of {@code files}, stamped with {@code sourceDigest}. */
  public static byte[] encode(List<Declared.FileDeclarations> files, long sourceDigest) {
    Writer body = new Writer();
    try {
      body.files(files);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeLong(sourceDigest);
      out.writeInt(body.table.size());
      for (String s : body.table.keySet()) {
        out.writeUTF(s);
      }
      body.bytes.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
  }

  /**
   * The declarations encoded in {@code in}, or empty when it was made by another format version
   * or from text whose digest is not {@code expectedDigest}.
   */
  public static Optional<List<Declared.FileDeclarations>> decode(InputStream in, long expectedDigest) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != MAGIC || data.readInt() != FORMAT || data.readLong() != expectedDigest) {
      return Optional.empty();
    }
    String[] table = new String[data.readInt()];
    for (int i = 0; i < table.length; i++) {
      table[i] = data.readUTF();
    }
    return Optional.of(new Reader(data, table).files());
  }

  private static final class Writer {
    /** Every string written, by its index in the table that precedes the body. */
    final Map<String, Integer> table = new LinkedHashMap<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final DataOutputStream out = new DataOutputStream(bytes);

    void files(List<Declared.FileDeclarations> files) throws IOException {
      out.writeInt(files.size());
      for (Declared.FileDeclarations f : files) {
        string(f.file());
        out.writeByte(f.origin().ordinal());
        imports(f.imports());
        out.writeInt(f.types().size());
        for (Declared.TypeDeclaration t : f.types()) {
          type(t);
        }
      }
    }

    void imports(ImportContext imports) throws IOException {
      string(imports.packageName());
      map(imports.singleImports());
      strings(imports.onDemandImports());
      map(imports.staticImports());
      strings(imports.staticOnDemandImports());
      strings(new TreeSet<>(imports.declaredTypes()));
    }

    void type(Declared.TypeDeclaration t) throws IOException {
      string(t.qualifiedName());
      out.writeBoolean(t.isInterface());
      strings(t.ownTypeVariables());
      strings(t.typeVariables());
      strings(t.supertypes());
      annotations(t.annotations());
      out.writeInt(t.methods().size());
      for (Declared.Method m : t.methods()) {
        method(m);
      }
      out.writeInt(t.fields().size());
      for (Declared.Field f : t.fields()) {
        string(f.name());
        string(f.type());
        annotations(f.annotations());
        string(f.allocated() == null ? "" : f.allocated());
      }
      out.writeInt(t.line());
    }

    void method(Declared.Method m) throws IOException {
      string(m.name());
      out.writeBoolean(m.isConstructor());
      out.writeBoolean(m.isStatic());
      out.writeBoolean(m.isAbstract());
      strings(m.typeVariables());
      out.writeInt(m.params().size());
      for (Declared.Param p : m.params()) {
        string(p.name());
        string(p.type());
        annotations(p.annotations());
        out.writeBoolean(p.varargs());
      }
      string(m.returnType());
      annotations(m.annotations());
      annotations(m.receiverAnnotations());
      // A stub's silence (null) is not an empty throws clause.
      out.writeBoolean(m.thrown() != null);
      if (m.thrown() != null) {
        strings(m.thrown());
      }
      out.writeInt(m.line());
    }

    void annotations(List<Declared.Annotation> annotations) throws IOException {
      out.writeInt(annotations.size());
      for (Declared.Annotation a : annotations) {
        string(a.name());
        out.writeInt(a.values().size());
        // In the order written: values are as the annotation spells them.
        for (Map.Entry<String, String> e : a.values().entrySet()) {
          string(e.getKey());
          string(e.getValue());
        }
      }
    }

    void map(Map<String, String> map) throws IOException {
      Map<String, String> sorted = new TreeMap<>(map);
      out.writeInt(sorted.size());
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        string(e.getKey());
        string(e.getValue());
      }
    }

    void strings(Collection<String> values) throws IOException {
      out.writeInt(values.size());
      for (String s : values) {
        string(s);
      }
    }

    /** Strings by index into the table; -1 for null. */
    void string(String s) throws IOException {
      out.writeInt(s == null ? -1 : table.computeIfAbsent(s, k -> table.size()));
    }
  }

  private static final class Reader {
    private static final Declared.Origin.Kind[] KINDS = Declared.Origin.Kind.values();
    final DataInputStream in;
    final String[] table;

    Reader(DataInputStream in, String[] table) {
      this.in = in;
      this.table = table;
    }

    List<Declared.FileDeclarations> files() throws IOException {
      int n = in.readInt();
      List<Declared.FileDeclarations> files = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String file = string();
        Declared.Origin.Kind origin = KINDS[in.readUnsignedByte()];
        ImportContext imports = imports();
        int types = in.readInt();
        List<Declared.TypeDeclaration> declared = new ArrayList<>(types);
        for (int t = 0; t < types; t++) {
          declared.add(type());
        }
        files.add(new Declared.FileDeclarations(file, origin, imports, declared));
      }
      return files;
    }

    ImportContext imports() throws IOException {
      String pkg = string();
      Map<String, String> single = map();
      List<String> onDemand = strings();
      Map<String, String> statics = map();
      List<String> staticOnDemand = strings();
      return new ImportContext(pkg, single, onDemand, statics, staticOnDemand, new HashSet<>(strings()));
    }

    Declared.TypeDeclaration type() throws IOException {
      String name = string();
      boolean isInterface = in.readBoolean();
      List<String> ownTypeVariables = strings();
      List<String> typeVariables = strings();
      List<String> supertypes = strings();
      List<Declared.Annotation> annotations = annotations();
      int methodCount = in.readInt();
      List<Declared.Method> methods = new ArrayList<>(methodCount);
      for (int i = 0; i < methodCount; i++) {
        methods.add(method());
      }
      int fieldCount = in.readInt();
      List<Declared.Field> fields = new ArrayList<>(fieldCount);
      for (int i = 0; i < fieldCount; i++) {
        String fieldName = string();
        String fieldType = string();
        List<Declared.Annotation> fieldAnnotations = annotations();
        String allocated = string();
        fields.add(new Declared.Field(fieldName, fieldType, fieldAnnotations, allocated.isEmpty() ? null : allocated));
      }
      return new Declared.TypeDeclaration(
          name, isInterface, ownTypeVariables, typeVariables, supertypes, annotations, methods, fields, in.readInt());
    }

    Declared.Method method() throws IOException {
      String name = string();
      boolean isConstructor = in.readBoolean();
      boolean isStatic = in.readBoolean();
      boolean isAbstract = in.readBoolean();
      List<String> typeVariables = strings();
      int paramCount = in.readInt();
      List<Declared.Param> params = new ArrayList<>(paramCount);
      for (int i = 0; i < paramCount; i++) {
        params.add(new Declared.Param(string(), string(), annotations(), in.readBoolean()));
      }
      String returnType = string();
      List<Declared.Annotation> annotations = annotations();
      List<Declared.Annotation> receiverAnnotations = annotations();
      List<String> thrown = in.readBoolean() ? strings() : null;
      return new Declared.Method(
          name, isConstructor, isStatic, isAbstract, typeVariables, params, returnType, annotations, receiverAnnotations, thrown, in.readInt());
    }

    List<Declared.Annotation> annotations() throws IOException {
      int n = in.readInt();
      if (n == 0) {
        return List.of();
      }
      List<Declared.Annotation> annotations = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = string();
        int values = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int v = 0; v < values; v++) {
          map.put(string(), string());
        }
        annotations.add(new Declared.Annotation(name, map));
      }
      return annotations;
    }

    Map<String, String> map() throws IOException {
      int n = in.readInt();
      Map<String, String> map = new HashMap<>();
      for (int i = 0; i < n; i++) {
        map.put(string(), string());
      }
      return map;
    }

    List<String> strings() throws IOException {
      int n = in.readInt();
      if (n == 0) {
        return List.of();
      }
      List<String> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(string());
      }
      return values;
    }

    String string() throws IOException {
      int index = in.readInt();
      return index < 0 ? null : table[index];
    }
  }
}
