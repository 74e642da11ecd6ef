package uam;

/** Moves in if/else branches, joins, conditions and ternaries. */
public class Branches {
  private final Sink sink;

  public Branches(Sink sink) {
    this.sink = sink;
  }

  // Moved in the then-branch only, used after the join.
  void movedInThenBranch(boolean urgent) {
    Message msg = Message.of("alert");
    if (urgent) {
      sink.publish(msg);
    }
    sink.log(msg.body()); // expect: use-after-move
  }

  // Moved in the else-branch only, used after the join.
  void movedInElseBranch(boolean dryRun) {
    Message msg = Message.of("deploy");
    if (dryRun) {
      sink.log("dry run");
    } else {
      sink.publish(msg);
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Moved in both branches: one finding at the use after the join.
  void movedInBothBranches(boolean primary) {
    Message msg = Message.of("replicate");
    if (primary) {
      sink.publish(msg);
    } else {
      sink.offer(msg);
    }
    sink.log(msg.length()); // expect: use-after-move
  }

  // Negative: the moving branch returns, so the use is only reached unmoved.
  void movedThenReturn(boolean done) {
    Message msg = Message.of("final");
    if (done) {
      sink.publish(msg);
      return;
    }
    sink.log(msg.body());
  }

  // Negative: the moving branch throws.
  void movedThenThrow(boolean invalid) {
    Message msg = Message.of("request");
    if (invalid) {
      sink.publish(msg);
      throw new IllegalStateException("rejected");
    }
    sink.log(msg.body());
  }

  // Path-insensitive (D10): correlated conditions are not tracked.
  void correlatedConditions(boolean forward) {
    Message msg = Message.of("maybe forwarded");
    if (forward) {
      sink.publish(msg);
    }
    if (!forward) {
      sink.log(msg.body()); // expect: use-after-move
    }
  }

  // Negative: used only in the branch that did not move it.
  void useInOtherBranch(boolean forward) {
    Message msg = Message.of("either");
    if (forward) {
      sink.publish(msg);
    } else {
      sink.log(msg.body());
    }
  }

  // Negative: the moving branch re-initialises the variable.
  void reinitialisedInSameBranch(boolean rotate) {
    Message msg = Message.of("v1");
    if (rotate) {
      sink.publish(msg);
      msg = Message.of("v2");
    }
    sink.log(msg.body());
  }

  // Moved deep inside an else-if chain.
  void movedInElseIfChain(int priority) {
    Message msg = Message.of("ticket");
    if (priority > 5) {
      sink.log("high");
    } else if (priority > 2) {
      if (priority == 3) {
        sink.publish(msg);
      }
    } else {
      sink.log("low");
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // The condition of a later if reads the moved value.
  void moveThenTestInCondition() {
    Message msg = Message.of("long message body");
    sink.publish(msg);
    if (msg.length() > 10) { // expect: use-after-move
      sink.log("long");
    }
  }

  // A move on the right of && happens on some path.
  void moveInShortCircuitCondition(boolean ready) {
    Message msg = Message.of("offer");
    if (ready && sink.offer(msg)) {
      sink.log("accepted");
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // A ternary passed to an @Owned parameter moves both possible sources.
  void ternaryMovesBoth(boolean urgent) {
    Message alert = Message.of("alert");
    Message digest = Message.of("digest");
    sink.publish(urgent ? alert : digest);
    sink.log(alert.body()); // expect: use-after-move
    sink.log(digest.body()); // expect: use-after-move
  }

  // Negative: a ternary passed to an unannotated parameter moves nothing.
  void ternaryBorrowed(boolean urgent) {
    Message alert = Message.of("alert");
    Message digest = Message.of("digest");
    sink.log(urgent ? alert : digest);
    sink.log(alert.body());
    sink.log(digest.body());
  }

  // Negative: a null guard before the move, nothing after it.
  void guardedMove(Message maybe) {
    Message msg = maybe == null ? Message.of("empty") : Message.of(maybe.body());
    if (msg != null) {
      sink.publish(msg);
    }
  }
}
