package org.borrowck4j.rules.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the pipeline's arrows one way: {@code AST + contracts → facts → analyses → checks →
 * diagnostics → report}. Each layer reads only the typed output of the ones before it; the
 * analyses and the checks never go back to the syntax tree or to a file-level oracle. The last
 * test shows each rule failing on a class that points the wrong way (test fixtures under
 * {@code wrongway}), so a rule that has quietly stopped matching anything cannot pass.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.borrowck4j");
    // The rules below say nothing if nothing was imported: both modules must be there.
    assertTrue(main.containPackage("org.borrowck4j.analyzer.flow") && main.containPackage("org.borrowck4j.rules.checks"));
    assertTrue(main.size() > 100, () -> "imported only " + main.size() + " classes");
  }

  /** Who may use whom, from the bottom (parsing) to the top (what front ends call). */
  static ArchRule layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("io").definedBy("org.borrowck4j.analyzer.io..")
        .layer("cache").definedBy("org.borrowck4j.analyzer.cache..")
        .layer("parse").definedBy("org.borrowck4j.analyzer.parse..")
        .layer("cfg").definedBy("org.borrowck4j.analyzer.cfg..")
        .layer("dataflow").definedBy("org.borrowck4j.analyzer.dataflow..")
        .layer("types").definedBy("org.borrowck4j.analyzer.types..")
        .layer("bytecode").definedBy("org.borrowck4j.analyzer.bytecode..")
        .layer("model").definedBy("org.borrowck4j.analyzer.model..")
        .layer("facts").definedBy("org.borrowck4j.analyzer.facts..")
        .layer("flow").definedBy("org.borrowck4j.analyzer.flow..")
        .layer("infer").definedBy("org.borrowck4j.analyzer.infer..")
        .layer("findings").definedBy("org.borrowck4j.analyzer.diagnostics..")
        .layer("engine").definedBy("org.borrowck4j.analyzer.engine..")
        .layer("report").definedBy("org.borrowck4j.analyzer.report..")
        .layer("checks").definedBy("org.borrowck4j.rules.checks..")
        .layer("words").definedBy("org.borrowck4j.rules.diagnostics..")
        .layer("assembly").definedBy("org.borrowck4j.rules", "org.borrowck4j.rules.settings..")
        .whereLayer("assembly").mayNotBeAccessedByAnyLayer()
        // The one writer of files: for the outputs (report) and the compiled models (assembly);
        // its OsReason also words the engine's messages about files it cannot read; the result
        // cache's entries are published through it.
        .whereLayer("io").mayOnlyBeAccessedByLayers("report", "assembly", "engine", "cache")
        // The store of cache entries knows bytes and names; the engine decides what they hold.
        .whereLayer("cache").mayOnlyBeAccessedByLayers("engine")
        .whereLayer("report").mayOnlyBeAccessedByLayers("assembly")
        .whereLayer("checks").mayOnlyBeAccessedByLayers("assembly")
        .whereLayer("words").mayOnlyBeAccessedByLayers("checks")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("checks", "report", "assembly")
        // Inference (D23) runs the analyses over the callee's body; only the engine sets it up.
        .whereLayer("infer").mayOnlyBeAccessedByLayers("engine")
        .whereLayer("flow").mayOnlyBeAccessedByLayers("checks", "words", "engine", "infer")
        .whereLayer("facts").mayOnlyBeAccessedByLayers("flow", "checks", "words", "engine", "infer")
        // Contracts are written out as text too: in notes (words) and stub files (report).
        .whereLayer("model").mayOnlyBeAccessedByLayers("facts", "checks", "words", "engine", "infer", "report", "assembly")
        .whereLayer("types").mayOnlyBeAccessedByLayers("model", "facts", "engine", "infer")
        // Class files are read for contracts only (decision 318): what they show becomes a contract.
        .whereLayer("bytecode").mayOnlyBeAccessedByLayers("model")
        .whereLayer("dataflow").mayOnlyBeAccessedByLayers("flow", "engine", "assembly", "infer")
        .whereLayer("cfg").mayOnlyBeAccessedByLayers("types", "dataflow", "facts", "flow", "checks", "words", "engine", "infer")
        .whereLayer("findings").mayOnlyBeAccessedByLayers("engine", "report", "checks", "words", "assembly");
  }

  /** The analyses and checks read facts, not syntax: a node is at most an opaque key or a span. */
  static ArchRule analysesAndChecksReadNoSyntax() {
    return noClasses()
        .that().resideInAnyPackage("org.borrowck4j.analyzer.flow..", "org.borrowck4j.rules.checks..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.github.javaparser.ast.expr..", "com.github.javaparser.ast.stmt..", "com.github.javaparser.ast.body..")
        .because("what a check needs of the code is a fact or an analysis result (facts/, flow/)");
  }

  /** Nor do they ask the per-file oracles the facts are gathered with. */
  static ArchRule analysesAndChecksAskNoFileOracle() {
    return noClasses()
        .that().resideInAnyPackage("org.borrowck4j.analyzer.flow..", "org.borrowck4j.rules.checks..")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.borrowck4j.analyzer.facts.FileFacts")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.borrowck4j.analyzer.types.ExpressionTypes")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.borrowck4j.analyzer.cfg.FileBodies")
        .because("facts are gathered once, in facts/; later layers read BodyFacts");
  }

  /**
   * The writer of files stands alone: it knows bytes and paths, nothing of what they say, so that
   * every layer that writes can use it without an arrow pointing back up.
   */
  static ArchRule theWriterStandsAlone() {
    return noClasses()
        .that().resideInAPackage("org.borrowck4j.analyzer.io..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.borrowck4j.analyzer.io..", "java..")
        .because("every file borrowck writes goes through analyzer.io, whatever layer produced it");
  }

  /**
   * Files are written by that writer alone, whole or not at all (decision 52): a plain write
   * elsewhere would truncate the old file first, and a run killed then would leave half of it.
   */
  static ArchRule onlyTheWriterWritesFiles() {
    return noClasses()
        .that().resideOutsideOfPackage("org.borrowck4j.analyzer.io..")
        .should().callMethodWhere(
            JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(java.nio.file.Files.class))
                .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching("write.*|newOutputStream|newBufferedWriter|move|copy"))))
        .orShould().dependOnClassesThat().belongToAnyOf(java.io.FileOutputStream.class, java.io.FileWriter.class, java.io.RandomAccessFile.class)
        .because("every file borrowck writes goes through analyzer.io.AtomicWriter");
  }

  /** No two packages use each other. */
  static ArchRule noPackageCycles() {
    return slices().matching("org.borrowck4j.(**)").should().beFreeOfCycles();
  }

  static List<ArchRule> all() {
    return List.of(layers(), analysesAndChecksReadNoSyntax(), analysesAndChecksAskNoFileOracle(), theWriterStandsAlone(), onlyTheWriterWritesFiles(), noPackageCycles());
  }

  @Test
  void theLayersDependOnlyDownwards() {
    layers().check(main);
  }

  @Test
  void analysesAndChecksReadNoSyntaxTree() {
    analysesAndChecksReadNoSyntax().check(main);
  }

  @Test
  void analysesAndChecksAskNoFileLevelOracle() {
    analysesAndChecksAskNoFileOracle().check(main);
  }

  @Test
  void theWriterOfFilesStandsAlone() {
    theWriterStandsAlone().check(main);
  }

  @Test
  void onlyTheWriterOfFilesWritesFiles() {
    onlyTheWriterWritesFiles().check(main);
  }

  @Test
  void packagesHaveNoCycles() {
    noPackageCycles().check(main);
  }

  /** Each rule fails when an arrow is added the wrong way (the fixtures in {@code wrongway}). */
  @Test
  void eachRuleCatchesAnArrowTheWrongWay() {
    JavaClasses withFacts = withFixture(org.borrowck4j.analyzer.facts.WrongWayFactsUsingFlow.class);
    assertThrows(AssertionError.class, () -> layers().check(withFacts));
    assertThrows(AssertionError.class, () -> noPackageCycles().check(withFacts));
    JavaClasses withFlow = withFixture(org.borrowck4j.analyzer.flow.WrongWayAnalysisReadingSyntax.class);
    assertThrows(AssertionError.class, () -> analysesAndChecksReadNoSyntax().check(withFlow));
    assertThrows(AssertionError.class, () -> analysesAndChecksAskNoFileOracle().check(withFlow));
    JavaClasses withAnalyzer = withFixture(org.borrowck4j.analyzer.engine.WrongWayEngineUsingRules.class);
    assertThrows(AssertionError.class, () -> layers().check(withAnalyzer));
    JavaClasses withWriter = withFixture(org.borrowck4j.analyzer.io.WrongWayWriterUsingReport.class);
    assertThrows(AssertionError.class, () -> theWriterStandsAlone().check(withWriter));
    assertThrows(AssertionError.class, () -> layers().check(withWriter));
    JavaClasses withPlainWrite = withFixture(org.borrowck4j.analyzer.report.WrongWayReportWritingAFile.class);
    assertThrows(AssertionError.class, () -> onlyTheWriterWritesFiles().check(withPlainWrite));
  }

  private static JavaClasses withFixture(Class<?> fixture) {
    return new ClassFileImporter()
        .withImportOption(location -> !location.contains("/test-classes/") || location.contains(fixture.getSimpleName()))
        .importPackages("org.borrowck4j");
  }
}
