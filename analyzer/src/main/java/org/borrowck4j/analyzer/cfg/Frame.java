package org.borrowck4j.analyzer.cfg;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a jump or an exception crosses on its way out of a construct: the frames from the current
 * point up to the body, innermost first.
 */
abstract class Frame {
  final Frame parent;

  Frame(Frame parent) {
    this.parent = parent;
  }

  /** The body itself: an exception that gets here leaves by the exceptional exit. */
  static final class BodyFrame extends Frame {
    BodyFrame() {
      super(null);
    }
  }

  static final class ScopeFrame extends Frame {
    final Scope scope;
    final Map<String, Variable> names = new HashMap<>();

    ScopeFrame(Frame parent, Scope scope) {
      super(parent);
      this.scope = scope;
    }
  }

  static final class FinallyFrame extends Frame {
    final BlockStmt block;

    FinallyFrame(Frame parent, BlockStmt block) {
      super(parent);
      this.block = block;
    }
  }

  static final class HandlerFrame extends Frame {
    final List<Integer> catchEntries;
    final boolean catchesAll;

    HandlerFrame(Frame parent, List<Integer> catchEntries, boolean catchesAll) {
      super(parent);
      this.catchEntries = catchEntries;
      this.catchesAll = catchesAll;
    }
  }

  static final class ResourceFrame extends Frame {
    final Node resource;
    final Variable variable;

    ResourceFrame(Frame parent, Node resource, Variable variable) {
      super(parent);
      this.resource = resource;
      this.variable = variable;
    }
  }

  static final class JumpFrame extends Frame {
    final String label;
    final int breakTarget;
    final int continueTarget;
    final boolean isLoop;
    final boolean isSwitchStatement;
    final boolean isSwitchExpression;
    final boolean continueIsBackEdge;

    JumpFrame(
        Frame parent,
        String label,
        int breakTarget,
        int continueTarget,
        boolean isLoop,
        boolean isSwitchStatement,
        boolean isSwitchExpression,
        boolean continueIsBackEdge) {
      super(parent);
      this.label = label;
      this.breakTarget = breakTarget;
      this.continueTarget = continueTarget;
      this.isLoop = isLoop;
      this.isSwitchStatement = isSwitchStatement;
      this.isSwitchExpression = isSwitchExpression;
      this.continueIsBackEdge = continueIsBackEdge;
    }
  }
}
