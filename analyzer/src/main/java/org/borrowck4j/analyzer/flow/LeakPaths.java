package org.borrowck4j.analyzer.flow;

import java.util.BitSet;
import java.util.Set;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.cfg.Edge;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.MoveCause;

/**
 * The paths on which a value still held is lost (D11, decisions 160-161): normal control flow, and
 * an exception a handler of the body catches before the method goes on normally — a failure the
 * code expects, thrown by work rather than by a close. The method then goes on as if nothing
 * happened, so what the throw skipped is on a normal path too ({@code try { d = encode();
 * decode(d); d.release(); } catch (IOException e) { log(e); }}); paths that end in the method
 * throwing are not followed. The leak check follows these paths, and so
 * does inference when it asks whether every path ends a parameter: a path the leak check never
 * follows ({@code catch (Exception e)} around code that throws nothing checked) is not one on which
 * a helper fails to take what it is given.
 */
public final class LeakPaths {
  private final Predicate<Edge> follow;
  private final Predicate<Edge> caught;

  private LeakPaths(Predicate<Edge> follow, Predicate<Edge> caught) {
    this.follow = follow;
    this.caught = caught;
  }

  /** Normal control flow only (what explains a leak found only through a handler). */
  public static LeakPaths normalOnly() {
    return new LeakPaths(e -> e.kind() != Edge.Kind.EXCEPTION, e -> false);
  }

  /** Normal control flow and exceptions caught by handlers that complete normally. */
  public static LeakPaths throughHandlers(BodyAnalyses analyses) {
    BodyFacts facts = analyses.facts();
    BitSet normal = analyses.reachableFromEntry(e -> e.kind() != Edge.Kind.EXCEPTION);
    // A close that fails is not where a leak is looked for (decision 260): `finally { a.close();
    // b.close(); }` under a handler that logs is the pre-Java-7 idiom, and when closing one file
    // fails the I/O has already failed; the handler is entered from the work, not the cleanup.
    BitSet closing = closingNodes(facts);
    // Handlers are entered only where they catch a failure the code expects (a checked
    // exception): a `catch (Throwable t)` that reports and returns guards against bugs, and what a
    // bug leaves unreleased is not the leak to report (decision 161).
    BitSet completes = analyses.reachingExit(facts::catchesExpectedFailure);
    Feasibility feasible = analyses.feasibility();
    // A leak found only because code nobody declared might throw a checked exception is a
    // finding from a guess (decision 261): `new Manager(data.getContext(), fos)` in a lambda
    // whose `data` has no known type.
    Set<Edge> guessed = facts.guessedHandlerEdges();
    Predicate<Edge> notALeakPath =
        e -> e.kind() == Edge.Kind.EXCEPTION && (closing.get(e.from()) || guessed.contains(e));
    Predicate<Edge> caught = e -> (e.kind() == Edge.Kind.EXCEPTION || !normal.get(e.from()))
        && completes.get(e.to())
        && !notALeakPath.test(e)
        && feasible.follows(e);
    Predicate<Edge> follow = e -> e.kind() == Edge.Kind.EXCEPTION || !normal.get(e.from())
        ? completes.get(e.to()) && !notALeakPath.test(e)
        : true;
    return new LeakPaths(follow, caught);
  }

  /** The edges followed (feasibility aside). */
  public Predicate<Edge> follows() {
    return follow;
  }

  /**
   * Whether the edge is an exception (or a step of its unwinding) that a handler of the body
   * catches before the method goes on normally: one the node it leaves may throw (D9).
   */
  public boolean isCaughtException(Edge e) {
    return caught.test(e);
  }

  /** The nodes that close something ({@code in.close()}: an idempotent consumption). */
  private static BitSet closingNodes(BodyFacts facts) {
    BitSet closing = new BitSet();
    for (CfgNode node : facts.body().cfg().nodes()) {
      for (Event e : facts.events(node)) {
        if (e instanceof Event.Move m && m.cause().kind() == MoveCause.Kind.CONSUMED && m.cause().idempotent()) {
          closing.set(node.id());
        }
      }
    }
    return closing;
  }
}
