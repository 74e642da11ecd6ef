package org.borrowck4j.analyzer.facts;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * The owners of a body that must be released (D11): each obligated variable, and the
 * declarations and assignments at which it takes on a value of its own to release (a fresh owner,
 * or any value for one declared {@code @Owned}; never {@code null} or an alias).
 */
public final class Obligations {
  public static final Obligations NONE = new Obligations(List.of(), new BitSet(), new BitSet(), Map.of(), new BitSet());

  /**
   * One variable that must be released; {@code closeOnly} when only closing discharges it;
   * {@code inheritedFrom} the method a parameter inherits {@code @Owned} from (decision 190), or
   * null.
   */
  /**
   * @param closeOnly only closing discharges it (an IO-backed value a model marks at its producer,
   *     or a wrapper of one made right there): reading it to its end does not
   * @param stream a {@code java.util.stream} stream, whose terminal operation users take for a close
   */
  public record Obligation(int index, Variable variable, boolean closeOnly, String inheritedFrom, boolean stream) {
    public Obligation(int index, Variable variable, boolean closeOnly) {
      this(index, variable, closeOnly, null, false);
    }
  }

  private final List<Obligation> all;
  private final Map<Variable, Obligation> byVariable = new IdentityHashMap<>();
  private final BitSet takesOn;
  private final BitSet overwrites;
  private final BitSet keeps;
  private final Map<Variable, Obligation> aliases;

  /**
   * @param takesOn the nodes (by id) whose declaration or assignment gives an obligated variable
   *     a value to release
   * @param overwrites the nodes that assign an obligated variable (rather than declare it): the old
   *     value is lost there
   * @param aliases locals that only name an obligated parameter inheriting {@code @Owned}, with
   *     its obligation: releasing or handing one on discharges it (decision 192)
   * @param keeps the nodes that give an obligated variable a wrapper of its own value ({@code in =
   *     new BufferedInputStream(in)}): the duty goes on with the new value (D19, decision 256)
   */
  public Obligations(
      List<Obligation> all, BitSet takesOn, BitSet overwrites, Map<Variable, Obligation> aliases, BitSet keeps) {
    this.keeps = (BitSet) keeps.clone();
    this.aliases = aliases.isEmpty() ? Map.of() : new IdentityHashMap<>(aliases);
    this.all = List.copyOf(all);
    this.takesOn = (BitSet) takesOn.clone();
    this.overwrites = (BitSet) overwrites.clone();
    for (Obligation o : all) {
      byVariable.put(o.variable(), o);
    }
  }

  public List<Obligation> all() {
    return all;
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** The obligation of a variable, or null. */
  public Obligation of(Variable v) {
    return byVariable.get(v);
  }

  /**
   * The obligation that releasing, moving or handing on the variable discharges: its own, or
   * that of the parameter it names (decision 192); null when none.
   */
  public Obligation dischargedBy(Variable v) {
    Obligation o = byVariable.get(v);
    return o != null ? o : aliases.get(v);
  }

  /** Whether the node gives its obligated variable a value of its own to release. */
  public boolean takesOn(CfgNode node) {
    return takesOn.get(node.id());
  }

  /** Whether the node assigns an obligated variable, losing what it held. */
  public boolean overwrites(CfgNode node) {
    return overwrites.get(node.id());
  }

  /** Whether the node gives its obligated variable a wrapper of the value it holds: nothing is lost. */
  public boolean keeps(CfgNode node) {
    return keeps.get(node.id());
  }
}
