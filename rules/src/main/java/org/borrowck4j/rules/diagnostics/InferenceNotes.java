package org.borrowck4j.rules.diagnostics;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borrowck4j.analyzer.diagnostics.Finding;
import org.borrowck4j.analyzer.diagnostics.Label;
import org.borrowck4j.analyzer.diagnostics.Note;
import org.borrowck4j.analyzer.diagnostics.Span;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.model.ContractText;
import org.borrowck4j.analyzer.model.Declared;
import org.borrowck4j.analyzer.model.MethodContract;

/**
 * What a finding owes to an inferred contract (D23): a call on one of its lines whose contract
 * was inferred from the callee's body is named, with the contract as a stub would declare it, so
 * the reader sees why borrowck believes what it says about a method nobody annotated.
 */
public final class InferenceNotes {
  private InferenceNotes() {}

  public static Finding explain(Finding f, BodyFacts facts) {
    Map<Node, MethodContract> inferred = facts.inferredCalls();
    if (inferred.isEmpty()) {
      return f;
    }
    Set<Integer> lines = new LinkedHashSet<>();
    lines.add(f.primary().beginLine());
    for (Label l : f.labels()) {
      lines.add(l.span().beginLine());
    }
    Set<String> said = new LinkedHashSet<>();
    for (Map.Entry<Node, MethodContract> e : inferred.entrySet()) {
      Span call = Span.of(e.getKey());
      if (lines.contains(call.beginLine()) || lines.contains(call.endLine())) {
        said.add(note(e.getValue()));
      }
    }
    if (said.isEmpty()) {
      return f;
    }
    List<Note> notes = new ArrayList<>(f.notes());
    // The order of an identity map is not the source's: sorted, the output is deterministic.
    said.stream().sorted().forEach(text -> notes.add(Note.note(text)));
    return f.withNotes(notes);
  }

  static String note(MethodContract c) {
    if (c.resultField() != null && c.returns() == MethodContract.ReturnMode.NONE && !c.hasContract()) {
      // A getter (D23): no annotation says it, so the note says it in words.
      return "`" + c.displayName() + "` declares no contract; from its body borrowck inferred that it returns its field `"
          + c.resultField() + "` (what is done to the result is done to the field; --no-infer turns inference off)";
    }
    String from = c.origin() != null && c.origin().kind() == Declared.Origin.Kind.INFERRED_FROM_CLASS_FILE ? "its class file" : "its body";
    return "`" + c.displayName() + "` declares no contract; from " + from + " borrowck inferred `"
        + ContractText.signature(c) + "` (--no-infer turns inference off)";
  }
}
