package org.borrowck4j.analyzer.facts;

import java.util.HashMap;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * What the conditions of a body tell on each branch, and the constants that make them tell it:
 * which local boolean flag a branch tests ({@code if (release)}), which literal a declaration or
 * assignment stores in a flag ({@code release = false}), and which variable a branch shows to be
 * {@code null} ({@code if (x == null)}) or to hold what a field or a parameter holds. Keyed by CFG
 * node.
 */
public final class Conditions {
  public static final Conditions NONE = new Conditions(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  private final Map<Integer, Variable> flagTested;
  private final Map<Integer, Boolean> flagValue;
  private final Map<Integer, Boolean> constantStored;
  private final Map<Integer, Variable> holdingNothing;
  private final Map<Integer, Variable> knownNull;
  private final Map<Integer, Variable> narrowed;

  private Conditions(
      Map<Integer, Variable> flagTested,
      Map<Integer, Boolean> flagValue,
      Map<Integer, Boolean> constantStored,
      Map<Integer, Variable> holdingNothing,
      Map<Integer, Variable> knownNull,
      Map<Integer, Variable> narrowed) {
    this.flagTested = flagTested;
    this.flagValue = flagValue;
    this.constantStored = constantStored;
    this.holdingNothing = holdingNothing;
    this.knownNull = knownNull;
    this.narrowed = narrowed;
  }

  /** The local boolean an {@code ASSUME_TRUE}/{@code ASSUME_FALSE} node tests, or null. */
  public Variable flagTestedBy(CfgNode branch) {
    return flagTested.get(branch.id());
  }

  /**
   * The value the tested flag has on the branch an {@code ASSUME_*} node takes: {@code true} on
   * the true branch of {@code if (ok)}, {@code false} on the true branch of {@code if (ok ==
   * false)}.
   */
  public boolean flagValueOn(CfgNode branch) {
    return flagValue.getOrDefault(branch.id(), true);
  }

  /**
   * The constant a declaration or assignment node stores in a flag, or null: the literal {@code
   * true} or {@code false}; for a reference, whether it is non-null ({@code null} stores false, a
   * new object true).
   */
  public Boolean constantStoredBy(CfgNode node) {
    return constantStored.get(node.id());
  }

  /**
   * The variable known to hold nothing of its own on the branch an {@code ASSUME_*} node takes:
   * {@code null} ({@code x == null}), a shared constant a static field holds ({@code x ==
   * Unpooled.EMPTY_BUFFER}, decision 248), or what a field or a parameter holds ({@code os ==
   * jarStream}, decision 300); or null.
   */
  public Variable holdingNothingOn(CfgNode branch) {
    return holdingNothing.get(branch.id());
  }

  /** The variable known to be {@code null} on the branch an {@code ASSUME_*} node takes, or null. */
  public Variable nullOn(CfgNode branch) {
    return knownNull.get(branch.id());
  }

  /**
   * The variable known, from this node on (the branch where {@code x instanceof String} holds,
   * the read of {@code x} in {@code (String) x}), to hold a value of a type that holds nothing to
   * release (decision 191), or null.
   */
  public Variable narrowedToNothingToRelease(CfgNode node) {
    return narrowed.get(node.id());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final Map<Integer, Variable> flagTested = new HashMap<>();
    private final Map<Integer, Boolean> flagValue = new HashMap<>();
    private final Map<Integer, Boolean> constantStored = new HashMap<>();
    private final Map<Integer, Variable> holdingNothing = new HashMap<>();
    private final Map<Integer, Variable> knownNull = new HashMap<>();
    private final Map<Integer, Variable> narrowed = new HashMap<>();

    /** The branch is taken when {@code flag} has the value {@code value}. */
    public Builder flagTested(CfgNode branch, Variable flag, boolean value) {
      flagTested.put(branch.id(), flag);
      flagValue.put(branch.id(), value);
      return this;
    }

    public Builder constantStored(CfgNode node, boolean value) {
      constantStored.put(node.id(), value);
      return this;
    }

    public Builder holdsNothing(CfgNode branch, Variable v) {
      holdingNothing.put(branch.id(), v);
      return this;
    }

    /** The branch is taken when {@code v} is {@code null}: it holds nothing, not even a borrow. */
    public Builder isNull(CfgNode branch, Variable v) {
      knownNull.put(branch.id(), v);
      return holdsNothing(branch, v);
    }

    public Builder narrowedToNothingToRelease(CfgNode node, Variable v) {
      narrowed.put(node.id(), v);
      return this;
    }

    public Conditions build() {
      if (flagTested.isEmpty() && constantStored.isEmpty() && holdingNothing.isEmpty() && narrowed.isEmpty()) {
        return NONE;
      }
      return new Conditions(
          Map.copyOf(flagTested),
          Map.copyOf(flagValue),
          Map.copyOf(constantStored),
          Map.copyOf(holdingNothing),
          Map.copyOf(knownNull),
          Map.copyOf(narrowed));
    }
  }
}
