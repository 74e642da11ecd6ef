package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.borrowck4j.analyzer.cfg.Frame.BodyFrame;
import org.borrowck4j.analyzer.cfg.Frame.FinallyFrame;
import org.borrowck4j.analyzer.cfg.Frame.HandlerFrame;
import org.borrowck4j.analyzer.cfg.Frame.JumpFrame;
import org.borrowck4j.analyzer.cfg.Frame.ResourceFrame;
import org.borrowck4j.analyzer.cfg.Frame.ScopeFrame;

/**
 * The CFG of one body while it is built: its nodes and edges, the frontier (the nodes control may
 * be leaving at the current point; none where the point is unreachable) and the frames the point
 * is inside. Control that leaves a construct early (break, continue, return, yield, a throw)
 * unwinds the frames it crosses: scopes end, try-with-resources resources close in reverse order,
 * finally blocks run (each exit gets its own copy of the finally block, as javac inlines them).
 * An exception has a way to each catch clause of the try statements around it, and one out of the
 * body (unless a clause catches {@code Throwable}): exceptions from one frame share the landing
 * pad of each way, and the edge from the node that throws to it is that node's own, so the
 * analyses can tell which clauses a call can really reach (D9: a checked exception only from a call
 * that may throw it).
 */
final class FlowGraph {
  private final Consumer<BlockStmt> finallyBlock;
  private final List<CfgNode> nodes = new ArrayList<>();
  /** By frame, then by catch clause entry (-1: out of the body). */
  private final Map<Frame, Map<Integer, Integer>> landingPads = new IdentityHashMap<>();
  /** The catch clause each landing pad leads to, by the pad's node. */
  private final Map<Integer, CatchClause> handlers = new HashMap<>();
  private final BodyFrame root = new BodyFrame();
  private List<Integer> frontier = new ArrayList<>();
  private Frame frame = root;
  private int entry;
  private int exit;
  private int exceptionalExit;

  /**
   * @param finallyBlock translates a finally block where control stands, once more for each way
   *     out through it
   */
  FlowGraph(Consumer<BlockStmt> finallyBlock) {
    this.finallyBlock = finallyBlock;
  }

  void start(Node declaration) {
    entry = newNode(CfgNode.Kind.ENTRY, declaration);
    exit = newNode(CfgNode.Kind.EXIT, declaration);
    exceptionalExit = newNode(CfgNode.Kind.EXCEPTIONAL_EXIT, declaration);
    frontier.add(entry);
  }

  /** Control that reaches the end of the body leaves it normally. */
  Cfg finish() {
    if (!frontier.isEmpty()) {
      unwindTo(root);
      connectAll(frontier, exit, Edge.Kind.NORMAL);
    }
    return new Cfg(nodes, entry, exit, exceptionalExit, handlers);
  }

  // ---- the frontier ----

  /** The live list: callers keep it to join it later, or add the ends of other paths to it. */
  List<Integer> frontier() {
    return frontier;
  }

  void setFrontier(List<Integer> frontier) {
    this.frontier = frontier;
  }

  void resumeAt(int node) {
    frontier = new ArrayList<>(List.of(node));
  }

  /** Nothing falls through to what comes next. */
  void cut() {
    frontier = new ArrayList<>();
  }

  boolean isReachable() {
    return !frontier.isEmpty();
  }

  // ---- frames ----

  Frame frame() {
    return frame;
  }

  /** {@code inner} (whose parent is the current frame) becomes the current frame. */
  <F extends Frame> F enter(F inner) {
    frame = inner;
    return inner;
  }

  void leave(Frame inner) {
    frame = inner.parent;
  }

  void restore(Frame saved) {
    frame = saved;
  }

  /** The innermost loop, switch or labelled statement {@code wanted} accepts, or null. */
  JumpFrame findJump(Predicate<JumpFrame> wanted) {
    for (Frame f = frame; f != null; f = f.parent) {
      if (f instanceof JumpFrame jf && wanted.test(jf)) {
        return jf;
      }
    }
    return null;
  }

  // ---- nodes and edges ----

  /** Adds a node that nothing leads to yet. */
  int newNode(CfgNode.Kind kind, Node ast) {
    return newNode(kind, ast, null, null, null);
  }

  int newNode(CfgNode.Kind kind, Node ast, Variable v, List<Variable> vars, Node value) {
    int id = nodes.size();
    nodes.add(new CfgNode(id, kind, ast, v, vars, value));
    return id;
  }

  int emit(CfgNode.Kind kind, Node ast) {
    return emit(kind, ast, null, null, null);
  }

  /** Adds a node after the current frontier; it becomes the frontier. */
  int emit(CfgNode.Kind kind, Node ast, Variable v, List<Variable> vars, Node value) {
    int id = newNode(kind, ast, v, vars, value);
    connectAll(frontier, id, Edge.Kind.NORMAL);
    frontier = new ArrayList<>(2);
    frontier.add(id);
    return id;
  }

  /**
   * Joins a frontier grown wide into one node: ifs nested thousands deep would otherwise carry
   * ever longer frontiers outwards, a quadratic cost. Ordinary code never gets this wide.
   */
  void joinIfWide() {
    if (frontier.size() > 32) {
      int join = newNode(CfgNode.Kind.JOIN, null);
      connectAll(frontier, join, Edge.Kind.NORMAL);
      frontier = new ArrayList<>(2);
      frontier.add(join);
    }
  }

  void connect(int from, int to, Edge.Kind kind) {
    Edge e = new Edge(from, to, kind);
    nodes.get(from).successors.add(e);
    nodes.get(to).predecessors.add(e);
  }

  void connectAll(List<Integer> from, int to, Edge.Kind kind) {
    for (int f : from) {
      connect(f, to, kind);
    }
  }

  // ---- leaving frames ----

  /**
   * The node just emitted can throw: an edge to each catch clause around it, innermost first, and
   * one out of the body unless a clause catches everything.
   */
  void mayThrow(int node) {
    for (Frame f = frame; f != null; f = f.parent) {
      if (f instanceof HandlerFrame hf) {
        for (int catchEntry : hf.catchEntries) {
          connect(node, landingPad(frame, catchEntry), Edge.Kind.EXCEPTION);
        }
        if (hf.catchesAll) {
          return;
        }
      }
    }
    connect(node, landingPad(frame, -1), Edge.Kind.EXCEPTION);
  }

  /**
   * @param jump as for {@link #unwindTo(Frame, Node)}; null where control reaches the end of the
   *     scope
   */
  void endScope(ScopeFrame sf, Node jump) {
    if (!frontier.isEmpty() && !sf.scope.variables().isEmpty()) {
      emit(CfgNode.Kind.SCOPE_END, sf.scope.owner(), null, List.copyOf(sf.scope.variables()), jump);
    }
  }

  /** Emits what leaving every frame up to (not including) {@code target} does. */
  void unwindTo(Frame target) {
    unwindTo(target, null);
  }

  /**
   * @param jump the {@code return}, {@code break}, {@code continue} or {@code yield} that leaves,
   *     recorded on the scope ends it causes (diagnostics point at it)
   */
  private void unwindTo(Frame target, Node jump) {
    for (Frame f = frame; f != null && f != target; f = f.parent) {
      if (frontier.isEmpty()) {
        return;
      }
      if (f instanceof ScopeFrame sf) {
        endScope(sf, jump);
      } else if (f instanceof ResourceFrame rf) {
        emit(CfgNode.Kind.CLOSE_RESOURCE, rf.resource, rf.variable, null, null);
      } else if (f instanceof FinallyFrame ff) {
        Frame saved = frame;
        frame = ff.parent;
        finallyBlock.accept(ff.block);
        frame = saved;
      }
    }
  }

  /**
   * Where an exception thrown in frame {@code f} goes on its way to the catch clause entered at
   * {@code catchEntry} (-1: out of the body): what leaving each frame on the way does, then the
   * clause. Made once per frame and way.
   */
  private int landingPad(Frame f, int catchEntry) {
    Map<Integer, Integer> ways = landingPads.computeIfAbsent(f, k -> new HashMap<>(2));
    Integer memo = ways.get(catchEntry);
    if (memo != null) {
      return memo;
    }
    int pad;
    if (f instanceof BodyFrame) {
      pad = exceptionalExit;
    } else if (f instanceof ScopeFrame sf) {
      // The live variable list: later declarations in the scope leave it on this path too.
      pad = newNode(CfgNode.Kind.SCOPE_END, sf.scope.owner(), null, sf.scope.variables(), null);
      connect(pad, landingPad(sf.parent, catchEntry), Edge.Kind.NORMAL);
    } else if (f instanceof ResourceFrame rf) {
      pad = newNode(CfgNode.Kind.CLOSE_RESOURCE, rf.resource, rf.variable, null, null);
      connect(pad, landingPad(rf.parent, catchEntry), Edge.Kind.NORMAL);
    } else if (f instanceof FinallyFrame ff) {
      pad = newNode(CfgNode.Kind.JOIN, ff.block);
      List<Integer> savedFrontier = frontier;
      Frame savedFrame = frame;
      resumeAt(pad);
      frame = ff.parent;
      finallyBlock.accept(ff.block);
      if (!frontier.isEmpty()) {
        connectAll(frontier, landingPad(ff.parent, catchEntry), Edge.Kind.NORMAL);
      }
      frontier = savedFrontier;
      frame = savedFrame;
    } else if (f instanceof HandlerFrame hf && hf.catchEntries.contains(catchEntry)) {
      pad = catchEntry;
    } else {
      pad = landingPad(f.parent, catchEntry); // a jump target, or a try whose clauses are not this way
    }
    ways.put(catchEntry, pad);
    if (catchEntry >= 0) {
      handlers.put(pad, (CatchClause) nodes.get(catchEntry).ast());
    }
    return pad;
  }

  void returnWith(Node ast, Node value) {
    emit(CfgNode.Kind.RETURN, ast, null, null, value);
    unwindTo(root, ast);
    connectAll(frontier, exit, Edge.Kind.NORMAL);
    cut();
  }

  void jump(JumpFrame target, int to, Edge.Kind kind, Node jump) {
    unwindTo(target, jump);
    connectAll(frontier, to, kind);
    cut();
  }
}
