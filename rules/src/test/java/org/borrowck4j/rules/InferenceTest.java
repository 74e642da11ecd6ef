package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.AnalyzerConfig;
import org.borrowck4j.analyzer.engine.InferredContract;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.StubLoader;
import org.borrowck4j.analyzer.report.StubWriter;
import org.junit.jupiter.api.Test;

/**
 * Inferred contracts (D23) as a user meets them: the stub {@code borrowck infer} writes for
 * {@code testdata/inference} (pinned), that stub read back meaning what was inferred, and
 * {@code --no-infer} turning the cross-method findings off.
 */
class InferenceTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/inference.astub");

  private static List<InputFile> inputs() {
    Path repository = Testdata.root().getParent();
    return Testdata.javaFiles(Testdata.root().resolve("inference")).stream()
        .map(p -> new InputFile(p, repository.relativize(p).toString().replace('\\', '/')))
        .toList();
  }

  private static String stub() throws InterruptedException {
    List<InferredContract> inferred = new Analyzer(Borrowck.config()).inferContracts(inputs());
    return StubWriter.write(inferred);
  }

  @Test
  void theInferredStubIsAsPinned() throws IOException, InterruptedException {
    String text = stub();
    if (Boolean.getBoolean("borrowck.golden.update")) {
      Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), text);
  }

  @Test
  void theWrittenStubMeansWhatWasInferred() throws Exception {
    List<Declared.FileDeclarations> stub = StubLoader.load("inferred.astub", stub(), Declared.Origin.Kind.USER_STUB);
    AnalyzerConfig declared =
        Borrowck.config(null, List.of(), stub, rule -> true, 1, false, false).withInference(false);
    List<String> inferred = new java.util.ArrayList<>(locations(new Analyzer(Borrowck.config()).analyze(inputs()).findings()));
    List<String> fromStub = new java.util.ArrayList<>(locations(new Analyzer(declared).analyze(inputs()).findings()));
    // One thing no annotation says: a body that sometimes keeps its argument (Keeping.offer).
    // Declared, the caller's duty to release stays, and the leak is reported.
    assertTrue(fromStub.remove("testdata/inference/Keeping.java:79 owned-value-leaked"), fromStub.toString());
    // The same for a body that releases its argument on one path and hands it on on the other
    // (Rebinding.end, decision 243): taken in two ways is "sometimes taken", which no stub says.
    assertTrue(fromStub.remove("testdata/inference/Rebinding.java:20 owned-value-leaked"), fromStub.toString());
    // And for one that passes its argument on to such a body (Keeping.send, decision 272).
    assertTrue(fromStub.remove("testdata/inference/Keeping.java:106 owned-value-leaked"), fromStub.toString());
    // And for one that captures its argument in a task handed to code not followed (decision 276).
    assertTrue(fromStub.remove("testdata/inference/HandedOver.java:147 owned-value-leaked"), fromStub.toString());
    // Also when the task captures it through a local naming it (decision 303).
    assertTrue(fromStub.remove("testdata/inference/HandedOver.java:154 owned-value-leaked"), fromStub.toString());
    // Nor does one say that a helper only closes what it is given (decision 151): declared
    // @Retained, handing it the streams spliterator() consumed is a use of them.
    assertTrue(fromStub.remove("testdata/inference/CloseOnly.java:40 use-after-move"), fromStub.toString());
    assertTrue(fromStub.remove("testdata/inference/CloseOnly.java:40 use-after-move"), fromStub.toString());
    assertTrue(fromStub.remove("testdata/inference/CloseOnly.java:46 use-after-move"), fromStub.toString());
    // An empty close() is inferred to do nothing at the call, not written into the stub (decision 156).
    assertTrue(fromStub.remove("testdata/inference/NothingToClose.java:54 use-after-move"), fromStub.toString());
    // That a known target always throws is read at the call, not written into the stub (decision
    // 241, like decision 156): declared, the code after the call is reached.
    assertTrue(fromStub.remove("testdata/inference/NeverReturns.java:38 use-after-move"), fromStub.toString());
    assertTrue(fromStub.remove("testdata/inference/NeverReturns.java:53 use-after-move"), fromStub.toString());
    assertTrue(fromStub.remove("testdata/inference/NeverReturns.java:83 owned-value-leaked"), fromStub.toString());
    // A stub speaks for a declaration, not for one call of it: what `super.decode` returns when
    // run on a QueryDecoder (its `extractFrame`, decision 201) is no contract of FrameDecoder.decode.
    assertTrue(inferred.remove("testdata/inference/TemplateMethods.java:39 owned-value-leaked"), inferred.toString());
    // Nor is what a call on a field holding an anonymous class runs (decision 236): no type names
    // the class, and `Encoder.encode` itself has no body that says anything.
    assertTrue(inferred.remove("testdata/inference/AnonymousTargets.java:69 owned-value-leaked"), inferred.toString());
    assertTrue(inferred.remove("testdata/inference/AnonymousTargets.java:94 owned-value-leaked"), inferred.toString());
    assertEquals(inferred, fromStub);
  }

  @Test
  void withoutInferenceTheHelpersSayNothing() throws InterruptedException {
    List<String> on = locations(new Analyzer(Borrowck.config()).analyze(inputs()).findings());
    List<String> off = locations(new Analyzer(Borrowck.config().withInference(false)).analyze(inputs()).findings());
    String closedByHelper = "testdata/inference/Callers.java:21 use-after-move";
    assertTrue(on.contains(closedByHelper), on.toString());
    assertFalse(off.contains(closedByHelper), off.toString());
  }

  /**
   * What is inferred does not depend on which file asked first (decision 124): every testdata
   * file analysed in one run by one worker or by four gives the same findings, word for word.
   */
  @Test
  void oneWorkerOrFourFindTheSame() throws InterruptedException {
    Path repository = Testdata.root().getParent();
    List<InputFile> all =
        Testdata.javaFiles(Testdata.root()).stream()
            .map(p -> new InputFile(p, repository.relativize(p).toString().replace('\\', '/')))
            .toList();
    String one = rendered(new Analyzer(Borrowck.config(null, List.of(), List.of(), rule -> true, 1, false, false)).analyze(all).findings());
    String four = rendered(new Analyzer(Borrowck.config(null, List.of(), List.of(), rule -> true, 4, false, false)).analyze(all).findings());
    assertFalse(one.isEmpty());
    assertEquals(one, four);
  }

  private static String rendered(List<Finding> findings) {
    org.borrowck4j.analyzer.report.TextRenderer renderer = new org.borrowck4j.analyzer.report.TextRenderer(false);
    StringBuilder out = new StringBuilder();
    findings.forEach(f -> out.append(renderer.render(f)).append('\n'));
    return out.toString();
  }

  private static List<String> locations(List<Finding> findings) {
    return findings.stream().map(f -> f.file() + ":" + f.primary().beginLine() + " " + f.rule().id()).toList();
  }
}
