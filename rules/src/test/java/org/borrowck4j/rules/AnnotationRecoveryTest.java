package org.borrowck4j.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.engine.Analyzer;
import org.borrowck4j.analyzer.engine.InferredContract;
import org.borrowck4j.analyzer.engine.InputFile;
import org.borrowck4j.analyzer.model.MethodContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many of the contracts written on testdata APIs the inference recovers from the bodies alone (the
 * issue's anchor: the Checker Framework's resource-specification inference recovers 85.5 % of
 * hand-written annotations). Every annotation D23 infers — a result {@code @Owned} or
 * {@code @Borrowed(from)}, a parameter {@code @Owned}, {@code @Retained} or {@code @MustCallAlias} —
 * on a method with a body that the project calls (an API: a test method's own annotations are its
 * premise, not something its body shows) is blanked out (same length, so lines stay put), the stripped projects
 * are inferred, and each blanked annotation is compared with what was inferred at its place. A
 * parameter written {@code @Owned} that the body releases counts as recovered: for its callers
 * the two contracts are the same (the caller's value is gone); so does an annotation a supertype's
 * contract already gives the method (an override of the modelled {@code Iterable.iterator()}):
 * without it, a call gets the same contract ({@link Analyzer#contractsAtCalls}). The per-annotation table goes to
 * {@code target/annotation-recovery.txt}.
 */
class AnnotationRecoveryTest {
  private static final Set<String> INFERABLE = Set.of("Owned", "Borrowed", "Retained", "MustCallAlias");

  /** One written annotation: where, on what, and what it says. */
  record Written(String file, int line, String method, int param, String annotation, String from) {
    String where() {
      return file + ":" + line + " " + method + (param < 0 ? " result" : " parameter " + param);
    }
  }

  @Test
  void inferenceRecoversTheWrittenContracts(@TempDir Path tmp) throws IOException, InterruptedException {
    List<Written> written = new ArrayList<>();
    List<InputFile> stripped = new ArrayList<>();
    Path root = Testdata.root();
    for (Path project : Testdata.projects()) {
      if (project.getFileName().toString().equals("annotation-misuse")) {
        continue; // annotations there are wrong on purpose
      }
      Set<String> called = calledNames(project);
      for (Path f : Testdata.javaFiles(project)) {
        String display = root.relativize(f).toString().replace('\\', '/');
        String text = Files.readString(f, StandardCharsets.UTF_8);
        StringBuilder blanked = new StringBuilder(text);
        CompilationUnit unit = parse(text);
        for (CallableDeclaration<?> d : unit == null ? List.<CallableDeclaration>of() : unit.findAll(CallableDeclaration.class)) {
          boolean hasBody =
              d instanceof ConstructorDeclaration || (d instanceof MethodDeclaration m && m.getBody().isPresent());
          String calledAs = d instanceof ConstructorDeclaration ? "new " + d.getNameAsString() : d.getNameAsString();
          if (!hasBody || !called.contains(calledAs)) {
            continue; // not an API: a test's own method, whose annotations are its premise
          }
          // Where the declaration begins once its annotations are blanked: the name's line when
          // nothing but blanks precede it there.
          int line = d.getBegin().get().line;
          boolean annotationsFirst = !d.getAnnotations().isEmpty();
          if (annotationsFirst) {
            line = declarationLineAfterBlanking(d);
          }
          String name = d instanceof ConstructorDeclaration ? "<init>" : d.getNameAsString();
          for (AnnotationExpr a : d.getAnnotations()) {
            String n = a.getNameAsString();
            if ((n.equals("Owned") || n.equals("Borrowed")) && d instanceof MethodDeclaration) {
              written.add(new Written(display, line, name, -1, n, from(a)));
              blank(blanked, text, a);
            }
          }
          for (int i = 0; i < d.getParameters().size(); i++) {
            Parameter p = d.getParameter(i);
            for (AnnotationExpr a : p.getAnnotations()) {
              String n = a.getNameAsString();
              if (INFERABLE.contains(n) && !n.equals("Borrowed")) {
                written.add(new Written(display, line, name, i, n, null));
                blank(blanked, text, a);
              }
            }
          }
        }
        Path copy = tmp.resolve(root.relativize(f));
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, blanked, StandardCharsets.UTF_8);
      }
    }
    Map<String, List<InputFile>> byProject = new LinkedHashMap<>();
    try (var files = Files.walk(tmp)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String display = tmp.relativize(p).toString().replace('\\', '/');
        byProject.computeIfAbsent(display.substring(0, display.indexOf('/')), k -> new ArrayList<>()).add(new InputFile(p, display));
      }
    }
    Map<String, MethodContract> inferred = new LinkedHashMap<>();
    for (List<InputFile> project : byProject.values()) {
      for (InferredContract c : new Analyzer(Borrowck.config()).contractsAtCalls(project)) {
        inferred.put(c.file() + ":" + c.contract().origin().line() + " " + c.contract().name(), c.contract());
      }
    }
    int recovered = 0;
    StringBuilder table = new StringBuilder();
    for (Written w : written) {
      MethodContract c = inferred.get(w.file() + ":" + w.line() + " " + w.method());
      boolean ok = c != null && recovers(w, c);
      recovered += ok ? 1 : 0;
      table.append(ok ? "recovered " : "missed    ").append(w.where()).append(" @").append(w.annotation())
          .append(w.from() == null ? "" : "(from = " + w.from() + ")").append('\n');
    }
    double rate = written.isEmpty() ? 0 : 100.0 * recovered / written.size();
    table.append(String.format("%d of %d written contracts recovered (%.1f %%)%n", recovered, written.size(), rate));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/annotation-recovery.txt"), table, StandardCharsets.UTF_8);
    System.out.print(table);
    // A floor, at what is measured today (README, "What borrowck infers"): raise it when more is
    // recovered, never lower it to make a change pass.
    assertTrue(recovered >= 28, table.toString());
  }

  /**
   * The file's tree at the newest language level the analyser reads (records are support types
   * here: a file left out would leave its callers' types unknown), or null if it does not parse
   * (then it is copied as it is).
   */
  private static CompilationUnit parse(String text) {
    var parsed =
        new com.github.javaparser.JavaParser(
                new com.github.javaparser.ParserConfiguration().setLanguageLevel(org.borrowck4j.analyzer.parse.JavaSourceParser.newestLevel()))
            .parse(text);
    return parsed.isSuccessful() ? parsed.getResult().orElse(null) : null;
  }

  /** The names the project's code calls ({@code new Type} for a constructor), outside the callee. */
  private static Set<String> calledNames(Path project) throws IOException {
    Set<String> out = new java.util.HashSet<>();
    for (Path f : Testdata.javaFiles(project)) {
      CompilationUnit unit = parse(Files.readString(f, StandardCharsets.UTF_8));
      if (unit == null) {
        continue;
      }
      for (var call : unit.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
        String name = call.getNameAsString();
        boolean inItself =
            call.findAncestor(MethodDeclaration.class).map(m -> m.getNameAsString().equals(name)).orElse(false);
        if (!inItself) {
          out.add(name);
        }
      }
      for (var creation : unit.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
        out.add("new " + creation.getType().getNameAsString());
      }
      for (var explicit : unit.findAll(com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt.class)) {
        explicit.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).ifPresent(t -> {
          if (!explicit.isThis() && t instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c) {
            c.getExtendedTypes().forEach(e -> out.add("new " + e.getNameAsString()));
          }
        });
      }
    }
    return out;
  }

  /**
   * The line a declaration begins on once its leading annotations are blank: that of its first
   * modifier, type parameter, result type or name.
   */
  private static int declarationLineAfterBlanking(CallableDeclaration<?> d) {
    int line = d.getName().getBegin().get().line;
    for (var m : d.getModifiers()) {
      line = Math.min(line, m.getBegin().get().line);
    }
    for (var t : d.getTypeParameters()) {
      line = Math.min(line, t.getBegin().get().line);
    }
    if (d instanceof MethodDeclaration m) {
      line = Math.min(line, m.getType().getBegin().get().line);
    }
    for (AnnotationExpr a : d.getAnnotations()) {
      if (!INFERABLE.contains(a.getNameAsString())) {
        line = Math.min(line, a.getBegin().get().line); // kept, so still where it begins
      }
    }
    return line;
  }

  private static boolean recovers(Written w, MethodContract c) {
    if (w.param() < 0) {
      return switch (w.annotation()) {
        case "Owned" -> c.returns() == MethodContract.ReturnMode.OWNED;
        case "Borrowed" -> c.returns() == MethodContract.ReturnMode.BORROWED && java.util.Objects.equals(w.from(), c.borrowedFrom());
        default -> false;
      };
    }
    MethodContract.ParamMode m = c.params().get(w.param()).mode();
    return switch (w.annotation()) {
      case "Owned" -> m == MethodContract.ParamMode.OWNED || m == MethodContract.ParamMode.CONSUMES;
      case "Retained" -> m == MethodContract.ParamMode.RETAINED;
      case "MustCallAlias" -> m == MethodContract.ParamMode.ALIAS;
      default -> false;
    };
  }

  private static String from(AnnotationExpr a) {
    if (a instanceof NormalAnnotationExpr n) {
      return n.getPairs().stream().filter(p -> p.getNameAsString().equals("from")).map(p -> p.getValue().asStringLiteralExpr().asString()).findFirst().orElse(null);
    }
    if (a instanceof SingleMemberAnnotationExpr s) {
      return null;
    }
    return null;
  }

  /** Replaces the annotation's text with spaces, keeping every line and column. */
  private static void blank(StringBuilder out, String text, AnnotationExpr a) {
    int start = offset(text, a.getBegin().get().line, a.getBegin().get().column);
    int end = offset(text, a.getEnd().get().line, a.getEnd().get().column);
    for (int i = start; i <= end; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
  }

  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at + column - 1;
  }
}
