package org.borrowck4j.cli;

import static org.borrowck4j.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User stubs (--stubs) and contracts read from bytecode (--classpath), ours and the Checker Framework's. */
class StubsAndClasspathTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** A library compiled from one source file into {@code lib/}, as a jar's classes would be. */
  private Path compiledLibrary(String file, String text, String classpath) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path src = write("libsrc/" + file, text);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", lib.toString(), "-cp", classpath, src.toString()));
    return lib;
  }

  /** A run over {@code app/} with the library on the classpath, uncached, with the options given. */
  private CommandLineTest.Run onApp(Path lib, String... options) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--no-cache"));
    args.addAll(java.util.List.of(options));
    args.addAll(java.util.List.of("--classpath", lib.toString(), dir.resolve("app").toString()));
    return run(args.toArray(String[]::new));
  }

  /** Each finding's first line, as far as its level: {@code App.java:8:21: warning}. */
  private static java.util.List<String> findingHeads(String out) {
    return out.lines()
        .filter(l -> l.matches(".*App\\.java:\\d+:\\d+: (warning|error):.*"))
        .map(l -> l.replaceAll(".*(App\\.java:\\d+:\\d+: (warning|error)).*", "$1"))
        .toList();
  }

  private static String jarOf(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** An unannotated library type, and code that hands an owned value to it. */
  private Path app() throws IOException {
    write("app/acme/Mailer.java", "package acme;\npublic class Mailer { public void send(Object message) {} }\n");
    return write(
        "app/App.java",
        "import org.borrowck4j.annotations.Owned;\n"
            + "class App {\n"
            + "  void m(acme.Mailer mailer, @Owned Object message) {\n"
            + "    mailer.send(message);\n"
            + "    message.hashCode();\n"
            + "  }\n"
            + "}\n");
  }

  @Test
  void aUserStubGivesAnUnannotatedLibraryItsContract() throws IOException {
    app();
    assertEquals(0, run(dir.resolve("app").toString()).exit(), "without a model: optimistic");
    Path stub =
        write(
            "stubs/acme.astub",
            "import org.borrowck4j.annotations.*;\n\npackage acme;\n\npublic class Mailer {\n  void send(@Owned Object message);\n}\n");
    CommandLineTest.Run r = run("--stubs", stub.toString(), dir.resolve("app").toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("App.java:5:5: error: use of moved value `message`"), r.out());
    assertTrue(r.out().contains("(parameter `message` of `Mailer.send` is @Owned)"), r.out());
    CommandLineTest.Run fromDirectory = run("--stubs", dir.resolve("stubs").toString(), dir.resolve("app").toString());
    assertEquals(1, fromDirectory.exit(), "a directory of stubs works too");
  }

  @Test
  void checkerFrameworkAnnotationsWorkInStubs() throws IOException {
    app();
    Path stub =
        write(
            "stubs/acme.astub",
            "import org.checkerframework.checker.mustcall.qual.Owning;\npackage acme;\n"
                + "public class Mailer { void send(@Owning Object message); }\n");
    assertEquals(1, run("--stubs", stub.toString(), dir.resolve("app").toString()).exit());
  }

  @Test
  void aMalformedStubIsOneLineNamingFileAndLineAndExitTwo() throws IOException {
    app();
    Path stub = write("stubs/broken.astub", "package acme;\n\npublic class Mailer {\n  void send(@Owned Object message;\n}\n");
    CommandLineTest.Run r = run("--stubs", stub.toString(), dir.resolve("app").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("borrowck: error: invalid stub file " + stub + ":4:"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aStubMethodThatDoesNotExistIsAWarning() throws IOException {
    app();
    Path stub =
        write(
            "stubs/jdk.astub",
            "import org.borrowck4j.annotations.*;\npackage java.util;\n\npublic interface List<E> {\n  @Mut void frobnicate(int times);\n}\n");
    CommandLineTest.Run r = run("--stubs", stub.toString(), dir.resolve("app").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err().contains("borrowck: warning: " + stub + ":5: stub models a method `frobnicate` with 1 parameter that `java.util.List` does not have"),
        r.err());
  }

  @Test
  void checkerFrameworkAnnotationsAreReadFromBytecode() throws Exception {
    String checker = jarOf(org.checkerframework.checker.mustcall.qual.Owning.class);
    Path lib =
        compiledLibrary(
            "lib/Pool.java",
            "package lib;\nimport org.checkerframework.checker.mustcall.qual.Owning;\n"
                + "public class Pool { public void giveBack(@Owning Object c) {} }\n",
            checker);
    write(
        "app/App.java",
        "import org.checkerframework.checker.mustcall.qual.Owning;\n"
            + "class App { void m(lib.Pool p, @Owning Object c) { p.giveBack(c); c.hashCode(); } }\n");
    CommandLineTest.Run r = run("--classpath", lib + File.pathSeparator + checker, dir.resolve("app").toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("use of moved value `c`"), r.out());
  }

  /**
   * A close helper in a jar (another artifact of the project, a dependency) is read from its class
   * file as the same method in the sources is read from its body (decision 318).
   */
  @Test
  void aCloseHelperOnTheClasspathIsReadFromItsClassFile() throws Exception {
    Path lib =
        compiledLibrary(
            "lib/Streams.java",
            "package lib;\n"
                + "public final class Streams {\n"
                + "  public static void closeQuietly(java.io.Closeable c) {\n"
                + "    if (c != null) { try { c.close(); } catch (java.io.IOException e) { } }\n"
                + "  }\n"
                + "  public static int first(java.io.InputStream in) throws java.io.IOException {\n"
                + "    return in.read();\n"
                + "  }\n"
                + "}\n",
            "");
    write(
        "app/App.java",
        "import java.io.*;\n"
            + "class App {\n"
            + "  static int closedInFinally(File f) throws IOException {\n"
            + "    FileInputStream in = new FileInputStream(f);\n"
            + "    try { return in.read(); } finally { lib.Streams.closeQuietly(in); }\n"
            + "  }\n"
            + "  static int onlyRead(File f) throws IOException {\n"
            + "    FileInputStream in = new FileInputStream(f);\n"
            + "    int b = in.read();\n"
            + "    lib.Streams.first(in);\n"
            + "    return b;\n"
            + "  }\n"
            + "  static int readAfterClosing(File f) throws IOException {\n"
            + "    FileInputStream in = new FileInputStream(f);\n"
            + "    lib.Streams.closeQuietly(in);\n"
            + "    return in.read();\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = onApp(lib);
    assertEquals(1, r.exit(), r.out() + r.err());
    assertEquals(
        java.util.List.of("App.java:8:21: warning", "App.java:16:12: error"),
        findingHeads(r.out()),
        "closed in a finally: clean; only read by the helper: a leak; read after closing: a use after close\n" + r.out());
    assertTrue(
        r.out().contains(
            "note: `Streams.closeQuietly` declares no contract; from its class file borrowck inferred"
                + " `void closeQuietly(@Consumes(idempotent = true) Closeable)` (--no-infer turns inference off)"),
        r.out());
    CommandLineTest.Run off = onApp(lib, "--no-infer");
    assertTrue(off.out().contains("App.java:4:21: warning"), "without inference the helper is unknown: " + off.out());
  }

  /**
   * A dependency's stream is a JDK stream for what the JDK documents (a write after close fails)
   * and its own for what it adds: a counter read after close is no use of the closed stream
   * (decision 323).
   */
  @Test
  void aDependencysOwnMethodsAreNotTheJdksWord() throws Exception {
    Path lib =
        compiledLibrary(
            "lib/Counting.java",
            "package lib;\n"
                + "public class Counting extends java.io.FilterOutputStream {\n"
                + "  long n;\n"
                + "  public Counting(java.io.OutputStream o) { super(o); }\n"
                + "  public long getByteCount() { return n; }\n"
                + "}\n",
            "");
    write(
        "app/App.java",
        "import java.io.*;\n"
            + "class App {\n"
            + "  static long counted(OutputStream out) throws IOException {\n"
            + "    lib.Counting c = new lib.Counting(out);\n"
            + "    c.close();\n"
            + "    return c.getByteCount();\n"
            + "  }\n"
            + "  static void writtenAfterClose(OutputStream out) throws IOException {\n"
            + "    lib.Counting c = new lib.Counting(out);\n"
            + "    c.close();\n"
            + "    c.write(2);\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = onApp(lib);
    assertEquals(
        java.util.List.of("App.java:11:5: error"),
        findingHeads(r.out()),
        r.out());
  }

  /**
   * A library's wrapper — its constructor keeps the stream in a field its {@code close()} closes,
   * through {@code this(…)} and a {@code BufferedWriter}, or hands it to a JDK filter's {@code
   * super(out)} — is a second handle on it, read from the class file (decision 327); one whose
   * {@code close()} leaves the stream open is not.
   */
  @Test
  void aLibraryWrapperIsReadFromItsClassFile() throws Exception {
    Path lib =
        compiledLibrary(
            "lib/Writers.java",
            "package lib;\n"
                + "import java.io.*;\n"
                + "public final class Writers {\n"
                + "  public abstract static class Base implements Closeable {\n"
                + "    protected final Writer out;\n"
                + "    protected Base(Writer w, int columns) { this(w, columns, true); }\n"
                + "    protected Base(Writer w, int columns, boolean buffered) { this.out = buffered ? new BufferedWriter(w) : w; }\n"
                + "    @Override public void close() throws IOException { out.close(); }\n"
                + "  }\n"
                + "  public static class Csv extends Base {\n"
                + "    public Csv(Writer w, int columns) { super(w, columns); }\n"
                + "    public void row(String s) throws IOException { out.write(s); }\n"
                + "  }\n"
                + "  public static class Report implements Closeable {\n"
                + "    private final Writer out;\n"
                + "    private boolean done;\n"
                + "    public Report(Writer w) { this.out = w; }\n"
                + "    public void line(String s) throws IOException { out.write(s); }\n"
                + "    @Override public void close() { done = true; }\n"
                + "  }\n"
                + "  public static class Counting extends FilterOutputStream {\n"
                + "    public Counting(OutputStream o) { super(o); }\n"
                + "  }\n"
                + "}\n",
            "");
    write(
        "app/App.java",
        "import java.io.*;\n"
            + "import lib.Writers.*;\n"
            + "class App {\n"
            + "  static void csv(OutputStream out) throws IOException {\n"
            + "    try (Csv w = new Csv(new OutputStreamWriter(out), 2)) { w.row(\"a\"); }\n"
            + "  }\n"
            + "  static void csvToFile(File f) throws IOException { csv(new FileOutputStream(f)); }\n"
            + "  static void report(OutputStream out) throws IOException {\n"
            + "    try (Report r = new Report(new OutputStreamWriter(out))) { r.line(\"a\"); }\n"
            + "  }\n"
            + "  static void reportToFile(File f) throws IOException { report(new FileOutputStream(f)); }\n"
            + "  static void counted(OutputStream out) throws IOException {\n"
            + "    try (Counting c = new Counting(out)) { c.write(1); }\n"
            + "  }\n"
            + "  static void countedToFile(File f) throws IOException { counted(new FileOutputStream(f)); }\n"
            + "  static void writtenAfterClose(Writer w) throws IOException {\n"
            + "    Csv c = new Csv(w, 1);\n"
            + "    c.close();\n"
            + "    w.write(1);\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = onApp(lib);
    assertEquals(
        java.util.List.of("App.java:11:64: warning", "App.java:19:5: error"),
        findingHeads(r.out()),
        "Csv and Counting close what they wrap, Report does not; closing the Csv closed w\n" + r.out());
    CommandLineTest.Run off = onApp(lib, "--no-infer");
    assertEquals(
        java.util.List.of(),
        findingHeads(off.out()),
        "without inference neither the helpers nor the wrappers say anything: closing the Csv closes nothing known: " + off.out());
  }

  /**
   * A library's reference-counted object built around a reference-counted argument it keeps —
   * through {@code super(…)}, its {@code release()} going through a getter — is a second handle on
   * it (decision 333, Netty's MQTT messages around the caller's payload); one that only reads its
   * argument is an object of its own.
   */
  @Test
  void aLibraryHolderKeepingABufferSharesItsCount() throws Exception {
    Path lib =
        compiledLibrary(
            "lib/Counted.java",
            "package lib;\n"
                + "public interface Counted { boolean release(); }\n"
                + "class Buf implements Counted {\n"
                + "  public boolean release() { return true; }\n"
                + "  public int size() { return 0; }\n"
                + "}\n"
                + "class Message {\n"
                + "  private final Object payload;\n"
                + "  Message(Object payload) { this.payload = payload; }\n"
                + "  Object payload() { return payload; }\n"
                + "}\n"
                + "class Publish extends Message implements Counted {\n"
                + "  Publish(Buf payload) { super(payload); }\n"
                + "  Buf content() { return (Buf) payload(); }\n"
                + "  public boolean release() { return content().release(); }\n"
                + "}\n"
                + "class Header implements Counted {\n"
                + "  private final int size;\n"
                + "  Header(Buf b) { this.size = b.size(); }\n"
                + "  public boolean release() { return true; }\n"
                + "}\n",
            "");
    Path stub =
        write(
            "stubs/lib.astub",
            "import org.borrowck4j.annotations.*;\nimport org.borrowck4j.model.*;\n\npackage lib;\n\n"
                + "@Owned @MustRelease public interface Counted {\n  @Consumes boolean release();\n}\n");
    write(
        "app/App.java",
        "package lib;\n"
            + "class App {\n"
            + "  static int aroundTheCallers(Buf payload) {\n"
            + "    Publish m = new Publish(payload);\n"
            + "    return m.content().size();\n"
            + "  }\n"
            + "  static void releasedTwice(Buf payload) {\n"
            + "    Publish m = new Publish(payload);\n"
            + "    m.release();\n"
            + "    payload.release();\n"
            + "  }\n"
            + "  static int dropped(Buf payload) {\n"
            + "    Header h = new Header(payload);\n"
            + "    return payload.size();\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = onApp(lib, "--stubs", stub.toString());
    assertEquals(
        java.util.List.of("App.java:10:5: error", "App.java:13:12: warning"),
        findingHeads(r.out()),
        "the Publish is the caller's buffer again: releasing it released payload; a Header keeps nothing of it, and is its own to release\n" + r.out());
    CommandLineTest.Run off = onApp(lib, "--stubs", stub.toString(), "--no-infer");
    assertEquals(
        java.util.List.of("App.java:4:13: warning", "App.java:13:12: warning"),
        findingHeads(off.out()),
        "without reading the class files a Publish is an object of its own, never released: " + off.out());
  }

  /**
   * A dependency's own closeable returned closed is the caller's to use as its own code allows
   * (decision 340: OkHttp's {@code Response}, read for its status after the close); one of the
   * JDK's streams returned closed is handed over (decision 220).
   */
  @Test
  void aDependencysClosedResponseMayBeReturned() throws Exception {
    Path lib =
        compiledLibrary(
            "lib/Http.java",
            "package lib;\n"
                + "public final class Http {\n"
                + "  public static final class Response implements java.io.Closeable {\n"
                + "    private boolean closed;\n"
                + "    public int code() { return 200; }\n"
                + "    @Override public void close() { closed = true; }\n"
                + "  }\n"
                + "  public static final class Body extends java.io.InputStream {\n"
                + "    @Override public int read() { return -1; }\n"
                + "  }\n"
                + "  public static Response execute() { return new Response(); }\n"
                + "  public static Body body() { return new Body(); }\n"
                + "}\n",
            "");
    write(
        "app/App.java",
        "import lib.Http;\n"
            + "class App {\n"
            + "  static Http.Response fetched() {\n"
            + "    Http.Response response = Http.execute();\n"
            + "    try {\n"
            + "      return response;\n"
            + "    } finally {\n"
            + "      response.close();\n"
            + "    }\n"
            + "  }\n"
            + "  static java.io.InputStream read() throws java.io.IOException {\n"
            + "    Http.Body body = Http.body();\n"
            + "    try {\n"
            + "      return body;\n"
            + "    } finally {\n"
            + "      body.close();\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = onApp(lib);
    assertEquals(
        java.util.List.of("App.java:16:7: error"),
        findingHeads(r.out()),
        "the response's status is its own code's to give after the close; a closed stream is no stream to read\n" + r.out());
  }

  /** A dependency's in-memory stream whose {@code close()} is empty is not closed by it (decision 324). */
  @Test
  void anEmptyCloseInAJarDoesNothing() throws Exception {
    Path lib =
        compiledLibrary(
            "lib/Memory.java",
            "package lib;\n"
                + "public class Memory extends java.io.OutputStream {\n"
                + "  final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();\n"
                + "  @Override public void write(int b) { bytes.write(b); }\n"
                + "  @Override public void close() { }\n"
                + "}\n",
            "");
    write(
        "app/App.java",
        "import java.io.*;\n"
            + "class App {\n"
            + "  static void writtenAfterClose(lib.Memory m) throws IOException {\n"
            + "    m.write(1);\n"
            + "    m.close();\n"
            + "    m.write(2);\n"
            + "  }\n"
            + "}\n");
    CommandLineTest.Run r = onApp(lib);
    assertEquals(java.util.List.of(), findingHeads(r.out()), r.out());
    CommandLineTest.Run off = onApp(lib, "--no-infer");
    assertEquals(java.util.List.of("App.java:6:5: error"), findingHeads(off.out()), "without reading the class file the close is Closeable's: " + off.out());
  }

  @Test
  void strictModeGuessesMore() throws IOException {
    write(
        "strict/Cache.java",
        "import java.util.stream.Stream;\n"
            + "class Cache {\n"
            + "  Object kept;\n"
            + "  void keep(Stream<String> lines) { this.kept = lines; }\n"
            + "  void pass(@org.borrowck4j.annotations.Borrowed Object o) { unknown(o); }\n"
            + "  static native void unknown(Object o);\n"
            + "}\n");
    assertEquals(0, run(dir.resolve("strict").toString()).exit(), "by default unannotated parameters are not guessed at");
    CommandLineTest.Run strict = run("--strict", dir.resolve("strict").toString());
    assertEquals(1, strict.exit(), strict.out());
    assertTrue(strict.out().contains("Cache.java:4:37: error: the borrowed `lines` is stored in the field `kept`"), strict.out());
    assertTrue(strict.out().contains("Cache.java:5:70: error: the borrowed `o` is passed to `unknown`, which keeps it"), strict.out());
  }
}
