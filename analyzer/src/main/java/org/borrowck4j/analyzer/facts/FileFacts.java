package org.borrowck4j.analyzer.facts;

import org.borrowck4j.analyzer.cfg.Body;
import org.borrowck4j.analyzer.cfg.FileBodies;
import org.borrowck4j.analyzer.model.ContractIndex;
import org.borrowck4j.analyzer.types.ExpressionTypes;
import org.borrowck4j.analyzer.types.ImportContext;

/**
 * Where the facts of one compilation unit's bodies come from: its bodies and names, the types of
 * its expressions, the contracts its calls bind to and which of its variables own their values.
 * Only the facts builders of this package see them; what leaves the package is {@link BodyFacts}.
 * Not thread-safe: one per file.
 */
public final class FileFacts {
  final FileBodies bodies;
  final ExpressionTypes types;
  final CallContracts calls;
  final Owners owners;
  final ContractIndex index;

  /**
   * @param strict the stricter mode: unannotated parameters of owned types are borrows, calls into
   *     unknown code keep what they are given
   */
  public FileFacts(FileBodies bodies, ImportContext imports, ContractIndex index, boolean strict) {
    this.bodies = bodies;
    this.index = index;
    this.calls = new CallContracts(bodies, index, imports);
    this.types = new ExpressionTypes(bodies, imports, index, calls::returnType);
    calls.typedBy(types);
    this.owners = new Owners(bodies, types, calls, index, strict);
  }

  /** The facts of one of the file's bodies. */
  public BodyFacts of(Body body) {
    return FactsBuilder.build(body, this);
  }
}
