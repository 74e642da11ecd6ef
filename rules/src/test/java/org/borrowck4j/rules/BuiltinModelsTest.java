package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borrowck4j.analyzer.io.AtomicWriter;
import org.borrowck4j.analyzer.io.CannotWrite;
import org.borrowck4j.analyzer.io.WriteFaults;
import org.borrowck4j.analyzer.model.ClasspathContracts;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.MethodContract;
import org.borrowck4j.analyzer.model.SourceIndex;
import org.borrowck4j.analyzer.model.StubLoader;
import org.borrowck4j.analyzer.types.TypeRef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in models parse, and every type and method they model exists in the JDK the tests run
 * on with the parameter types written (types this JDK lacks — java.lang.foreign before 22, Netty,
 * SequencedCollection before 21 — are skipped and listed).
 */
class BuiltinModelsTest {

  @Test
  void everyModelFileParsesAndDeclaresTypes() throws Exception {
    assertFalse(BuiltinModels.files().isEmpty());
    for (String name : BuiltinModels.files()) {
      List<Declared.FileDeclarations> files =
          StubLoader.load(name, BuiltinModels.text(name), Declared.Origin.Kind.BUILTIN_MODEL);
      assertFalse(files.stream().allMatch(f -> f.types().isEmpty()), name + " declares no types");
    }
  }

  /** What a run reads is what the stubs say: the form the build compiled, not a stale one. */
  @Test
  void compiledModelsAreTheParsedStubs() throws Exception {
    List<String> names = BuiltinModels.files();
    List<String> texts = names.stream().map(BuiltinModels::text).toList();
    try (java.io.InputStream in = BuiltinModels.class.getResourceAsStream("models/" + BuiltinModels.COMPILED)) {
      org.junit.jupiter.api.Assertions.assertNotNull(in, "the build compiles the models (exec-maven-plugin in rules/pom.xml)");
      List<Declared.FileDeclarations> compiled =
          org.borrowck4j.analyzer.model.DeclarationCodec.decode(in, BuiltinModels.digest(names, texts)).orElseThrow();
      assertEquals(BuiltinModels.parse(names, texts), compiled);
      assertEquals(compiled, BuiltinModels.load());
    }
  }

  /** A build stopped while it writes models.bin leaves the previous one, byte for byte. */
  @Test
  void compilingThatFailsHalfWayLeavesThePreviousModelsBinByteIdentical(@TempDir Path dir) throws Exception {
    byte[] previous;
    try (InputStream in = BuiltinModels.class.getResourceAsStream("models/" + BuiltinModels.COMPILED)) {
      previous = in.readAllBytes();
    }
    Path target = Files.write(dir.resolve(BuiltinModels.COMPILED), previous);
    AtomicWriter failing = new AtomicWriter(w -> {}, WriteFaults.failingAfter(previous.length / 2, "No space left on device"));

    assertThrows(CannotWrite.class, () -> BuiltinModels.compile(target, failing));

    assertArrayEquals(previous, Files.readAllBytes(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyModelledMethodExistsInTheJdk() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : BuiltinModels.files()) {
      tests.add(DynamicTest.dynamicTest(name, () -> checkAgainstJdk(name)));
    }
    return tests.stream();
  }

  /**
   * The same check on the newest JDK installed beside the default one (Temurin 25 here), which
   * has java.lang.foreign and SequencedCollection: run in a child JVM.
   */
  @Test
  void modelsMatchTheNewestInstalledJdkToo() throws Exception {
    java.util.Optional<java.nio.file.Path> javac = TestdataCompilesTest.newerJavac(22);
    org.junit.jupiter.api.Assumptions.assumeTrue(javac.isPresent(), "no JDK 22+ under /usr/lib/jvm");
    java.nio.file.Path javaExe = javac.get().resolveSibling("java");
    Process p =
        new ProcessBuilder(javaExe.toString(), "-cp", System.getProperty("java.class.path"), BuiltinModelsTest.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    assertTrue(output.contains("checked on Java"), output);
    assertFalse(output.contains("java.lang.foreign.Arena"), "Arena must exist on a JDK 22+: " + output);
  }

  /** Checks every model against the running JDK; exit status 1 on a problem. */
  public static void main(String[] args) throws Exception {
    List<String> all = new ArrayList<>();
    for (String model : BuiltinModels.files()) {
      try {
        checkAgainstJdk(model);
      } catch (AssertionError e) {
        all.add(e.getMessage());
      }
    }
    System.out.println("checked on Java " + Runtime.version());
    all.forEach(System.out::println);
    System.exit(all.isEmpty() ? 0 : 1);
  }

  private static void checkAgainstJdk(String model) throws Exception {
    List<String> problems = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Declared.FileDeclarations file :
        StubLoader.load(model, BuiltinModels.text(model), Declared.Origin.Kind.BUILTIN_MODEL)) {
      for (Declared.TypeDeclaration type : file.types()) {
        Class<?> c;
        try {
          c = Class.forName(type.qualifiedName(), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
          skipped.add(type.qualifiedName());
          continue;
        }
        for (Declared.Method m : type.methods()) {
          if (!exists(c, m, type)) {
            problems.add(model + ":" + m.line() + " " + type.qualifiedName() + "." + m.name() + "(" + paramTypes(m) + ")");
          }
        }
      }
    }
    if (!skipped.isEmpty()) {
      System.out.println(model + ": not in this JDK, checked by name only: " + skipped);
    }
    assertTrue(problems.isEmpty(), "modelled methods that do not exist:\n  " + String.join("\n  ", problems));
  }

  private static String paramTypes(Declared.Method m) {
    return String.join(", ", m.params().stream().map(Declared.Param::type).toList());
  }

  private static boolean exists(Class<?> c, Declared.Method m, Declared.TypeDeclaration type) {
    List<Executable> candidates = new ArrayList<>();
    if (m.isConstructor()) {
      candidates.addAll(List.of(c.getDeclaredConstructors()));
    } else {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        candidates.addAll(List.of(k.getDeclaredMethods()));
      }
      candidates.addAll(List.of(c.getMethods()));
    }
    for (Executable e : candidates) {
      if (!(e instanceof Constructor<?>) && !((Method) e).getName().equals(m.name())) {
        continue;
      }
      if (e.getParameterCount() != m.params().size()) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < m.params().size() && same; i++) {
        same = sameErasure(m.params().get(i).type(), e.getParameterTypes()[i], type, m);
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** Whether a type as written in the stub erases to the reflected parameter type. */
  private static boolean sameErasure(String written, Class<?> actual, Declared.TypeDeclaration type, Declared.Method m) {
    String w = written;
    String a = actual.getSimpleName();
    while (w.endsWith("[]") && a.endsWith("[]")) {
      w = w.substring(0, w.length() - 2);
      a = a.substring(0, a.length() - 2);
    }
    if (type.typeVariables().contains(w) || m.typeVariables().contains(w)) {
      return !actual.isPrimitive(); // a type variable erases to its bound
    }
    String simple = w.substring(w.lastIndexOf('.') + 1);
    return simple.equals(a);
  }

  @Test
  void modelsAnswerTheQuestionsTheRulesAsk() {
    ContractIndex index =
        ContractIndex.of(new SourceIndex(List.of(), p -> null), List.of(), BuiltinModels.load(), new ClasspathContracts(List.of()));
    assertTrue(index.isOwnedType(TypeRef.of("java.util.stream.Stream")));
    assertTrue(index.isOwnedType(TypeRef.of("java.util.stream.IntStream")));
    assertFalse(index.isOwnedType(TypeRef.of("java.util.ArrayList")));
    assertFalse(index.isOwnedType(TypeRef.of("java.io.FileInputStream")), "IO resources are not owned types (D4)");

    MethodContract filter = index.method(TypeRef.of("java.util.stream.Stream"), "filter", 1, List::of);
    assertEquals(MethodContract.ReceiverMode.CONSUMES, filter.receiver());
    assertEquals(MethodContract.ReturnMode.OWNED, filter.returns());

    // Supertype matching: ArrayList gets List's and Collection's contracts, FileInputStream Closeable's.
    MethodContract add = index.method(TypeRef.of("java.util.ArrayList"), "add", 1, List::of);
    assertEquals(MethodContract.ReceiverMode.MUT, add.receiver());
    assertEquals(MethodContract.ParamMode.RETAINED, add.params().get(0).mode());
    MethodContract stream = index.method(TypeRef.of("java.util.ArrayList"), "stream", 0, List::of);
    assertEquals(MethodContract.ReturnMode.BORROWED, stream.returns());
    MethodContract close = index.method(TypeRef.of("java.io.FileInputStream"), "close", 0, List::of);
    assertEquals(MethodContract.ReceiverMode.CONSUMES, close.receiver());
    assertTrue(close.idempotent(), "Closeable.close() is idempotent (D5)");

    // Overloads are told apart by parameter types: List.remove(int) and remove(Object) are both @Mut.
    assertEquals(
        MethodContract.ReceiverMode.MUT,
        index.method(TypeRef.of("java.util.List"), "remove", 1, () -> List.of(TypeRef.of("int"))).receiver());

    // Models by name without the library: Netty's context is an outbound invoker (D13).
    MethodContract write = index.method(TypeRef.of("io.netty.channel.ChannelHandlerContext"), "write", 1, List::of);
    assertEquals(MethodContract.ParamMode.OWNED, write.params().get(0).mode());
    assertTrue(index.isOwnedType(TypeRef.of("io.netty.buffer.ByteBuf")));
    assertTrue(index.isOwnedType(TypeRef.of("io.netty.buffer.CompositeByteBuf")));
    assertFalse(index.method(TypeRef.of("io.netty.buffer.ByteBuf"), "release", 0, List::of).idempotent());
    assertEquals(
        MethodContract.ReturnMode.BORROWED,
        index.method(TypeRef.of("io.netty.buffer.ByteBuf"), "slice", 0, List::of).returns());

    // A user event fired down the pipeline is handed on with its count (decision 322): without
    // Netty on the classpath the call binds to nothing, with it to a method that says nothing.
    for (String invoker : List.of("io.netty.channel.ChannelHandlerContext", "io.netty.channel.ChannelPipeline", "io.netty.channel.ChannelInboundInvoker")) {
      MethodContract fired = index.method(TypeRef.of(invoker), "fireUserEventTriggered", 1, List::of);
      assertEquals(MethodContract.ParamMode.OWNED, fired.params().get(0).mode(), invoker);
    }

    // The process keeps the standard streams (decision 320); removeAll and retainAll are
    // documented for the collection itself (decision 320); the fixed collections' factories make
    // their arguments elements (decision 319).
    assertEquals(
        MethodContract.ParamMode.RETAINED,
        index.method(TypeRef.of("java.lang.System"), "setOut", 1, List::of).params().get(0).mode());
    assertTrue(index.method(TypeRef.of("java.util.ArrayList"), "removeAll", 1, List::of).params().get(0).mayBeReceiver());
    assertFalse(index.method(TypeRef.of("java.util.ArrayList"), "addAll", 1, () -> List.of(TypeRef.of("java.util.Collection"))).params().get(0).mayBeReceiver());
    assertTrue(index.method(TypeRef.of("java.util.Arrays"), "asList", 1, List::of).params().get(0).becomesElement());
    assertTrue(index.method(TypeRef.of("java.util.List"), "of", 2, List::of).params().get(1).becomesElement());

    // A handler's channelRead inherits the message (decision 190); which types may hold one to
    // release (decision 191): the model's message hierarchy, without Netty.
    MethodContract channelRead =
        index.overriddenWithParamMode(
            "io.netty.channel.ChannelDuplexHandler",
            true,
            "channelRead",
            List.of(TypeRef.of("io.netty.channel.ChannelHandlerContext"), TypeRef.of("java.lang.Object")),
            1);
    assertEquals(MethodContract.ParamMode.OWNED, channelRead.params().get(1).mode());
    assertTrue(index.mayHoldMustRelease(TypeRef.of("java.lang.Object")));
    assertTrue(index.mayHoldMustRelease(TypeRef.of("io.netty.handler.codec.http.HttpRequest")));
    assertTrue(index.mayHoldMustRelease(TypeRef.of("io.netty.handler.codec.memcache.binary.FullBinaryMemcacheResponse")));
    assertTrue(index.mayHoldMustRelease(TypeRef.of("io.netty.util.ReferenceCounted")));
    assertFalse(index.mayHoldMustRelease(TypeRef.of("java.lang.String")));
    assertFalse(index.mayHoldMustRelease(TypeRef.of("java.util.List")));
    assertFalse(index.mayHoldMustRelease(TypeRef.of("com.example.NobodyDeclaresThis")));

    // Arena: non-idempotent close, allocations borrow (D5, model table).
    assertFalse(index.method(TypeRef.of("java.lang.foreign.Arena"), "close", 0, List::of).idempotent());
    assertEquals(
        MethodContract.ReturnMode.BORROWED,
        index.method(TypeRef.of("java.lang.foreign.Arena"), "allocate", 1, List::of).returns());

    // JDBC (D17) and the must-release vocabulary (D11).
    assertEquals(
        MethodContract.ReturnMode.BORROWED,
        index.method(TypeRef.of("java.sql.Connection"), "prepareStatement", 1, List::of).returns());
    assertTrue(index.method(TypeRef.of("java.nio.file.Files"), "lines", 1, List::of).returnsMustRelease());
    assertTrue(index.isMustReleaseType(TypeRef.of("java.util.jar.JarFile")));
    assertTrue(index.isWeaklyConsistent(TypeRef.of("java.util.concurrent.ConcurrentHashMap")));
    assertFalse(index.isWeaklyConsistent(TypeRef.of("java.util.HashMap")));

    // Executors keep their tasks.
    assertEquals(
        MethodContract.ParamMode.RETAINED,
        index.method(TypeRef.of("java.util.concurrent.ThreadPoolExecutor"), "execute", 1, List::of).params().get(0).mode());
  }
}
