package org.borrowck4j.analyzer.facts;

import com.github.javaparser.ast.Node;
import java.util.List;
import org.borrowck4j.analyzer.cfg.Variable;

/**
 * A borrow of a place (rustc's {@code BorrowData}): created once per site, live while one of its
 * holders is used later (non-lexical lifetimes).
 *
 * @param root the place borrowed from; a borrow of a borrow is a loan on the same root
 * @param through the borrows it was taken through ({@code rs} borrows the connection through the
 *     statement {@code st}): moving or closing one of them ends the loan too
 * @param writeThrough whether the holder may mutate the root through this loan ({@code
 *     it.remove()}): loans that models hand out on plain objects (D7); a write through
 *     it conflicts with every other loan on the root but not with itself
 * @param via the method that created the loan ({@code iterator}), or null
 * @param bindsLate a stream over a JDK collection (model vocabulary {@code @BindsLate}, D22): it
 *     reads the collection only when its terminal operation runs, so a change of the collection
 *     before that conflicts with nothing; what runs during that operation is D22's to check
 * @param liveView a map's view held as such (model vocabulary {@code @LiveView}, decision 278:
 *     {@code ks = map.keySet()}, {@code head = map.headMap(k)}): backed by the map, it stays valid
 *     whatever the map's changes, so a structural change of the map conflicts with nothing; an
 *     iteration over the view is a loan of its own (taken through the view's holder), and that one
 *     conflicts (D7)
 */
public record Loan(
    int index,
    Variable root,
    List<Variable> through,
    Kind kind,
    boolean writeThrough,
    Node createdAt,
    Origin origin,
    String via,
    boolean bindsLate,
    boolean liveView) {

  public Loan(
      int index, Variable root, List<Variable> through, Kind kind, boolean writeThrough, Node createdAt, Origin origin, String via) {
    this(index, root, through, kind, writeThrough, createdAt, origin, via, false, false);
  }

  /**
   * Whether a change of the root conflicts with nothing this loan does: a stream that has not read
   * its collection yet ({@code bindsLate}, D22), or a map's view that shows the change ({@code
   * liveView}, decision 278). What iterates either takes a loan of its own.
   */
  public boolean allowsChangesOfRoot() {
    return bindsLate || liveView;
  }

  // Identity, not the record's structural equality: each loan is created once, and a JavaParser
  // node hashes its whole subtree (and equals another node with the same text).
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Whether moving, consuming or dropping {@code place} ends this loan. */
  public boolean dependsOn(Variable place) {
    return root == place || through.contains(place);
  }

  public enum Kind {
    SHARED,
    MUT
  }

  public enum Origin {
    /** The implicit iterator of a for-each loop: live for the whole loop. */
    FOR_EACH,
    /** The result of a {@code @Borrowed} method. */
    METHOD,
    /** An explicit {@code @Borrowed} or {@code @Mut} local. */
    EXPLICIT,
    /**
     * The result of a consuming operation that returns a new owner ({@code lines.filter(f)},
     * {@code lines.iterator()}): it carries its receiver's resource and ends with it (D6).
     */
    DERIVED
  }
}
