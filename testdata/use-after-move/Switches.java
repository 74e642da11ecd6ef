package uam;

/** Moves in switch statements (fall-through and arrow) and switch expressions. */
public class Switches {
  private final Sink sink;

  public Switches(Sink sink) {
    this.sink = sink;
  }

  // A case that moves falls through into a case that uses.
  void fallThroughIntoUse(int mode) {
    Message msg = Message.of("fall");
    switch (mode) {
      case 1:
        sink.publish(msg);
      case 2:
        sink.log(msg.body()); // expect: use-after-move
        break;
      default:
        break;
    }
  }

  // Negative: break stops the fall-through.
  void breakPreventsFallThrough(int mode) {
    Message msg = Message.of("no fall");
    switch (mode) {
      case 1:
        sink.publish(msg);
        break;
      case 2:
        sink.log(msg.body());
        break;
      default:
        sink.log("unknown");
    }
  }

  // The default case moves; the code after the switch uses.
  void defaultMovesThenUseAfter(int mode) {
    Message msg = Message.of("default");
    switch (mode) {
      case 0:
        sink.log("zero");
        break;
      default:
        sink.publish(msg);
        break;
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Negative: every moving case returns.
  void movingCasesReturn(int mode) {
    Message msg = Message.of("returning");
    switch (mode) {
      case 1:
        sink.publish(msg);
        return;
      case 2:
        sink.offer(msg);
        return;
      default:
        break;
    }
    sink.log(msg.body());
  }

  // Arrow switch: one case moves, the code after the switch uses.
  void arrowCaseMovesThenUseAfter(String command) {
    Message msg = Message.of("arrow");
    switch (command) {
      case "send" -> sink.publish(msg);
      case "log" -> sink.log("logged");
      default -> {}
    }
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: arrow cases never fall through.
  void arrowCasesIndependent(String command) {
    Message msg = Message.of("arrow");
    switch (command) {
      case "send" -> sink.publish(msg);
      case "show" -> sink.log(msg.body());
      default -> sink.log(msg.length());
    }
  }

  // A switch expression arm moves, the code after it uses.
  int switchExpressionMoveThenUse(int kind) {
    Message msg = Message.of("expr");
    int cost =
        switch (kind) {
          case 1 -> {
            sink.publish(msg);
            yield 10;
          }
          default -> 0;
        };
    return cost + msg.length(); // expect: use-after-move
  }

  // Negative: one arm of a switch expression moves, another reads.
  int switchExpressionArms(int kind) {
    Message msg = Message.of("arms");
    return switch (kind) {
      case 1 -> {
        sink.publish(msg);
        yield 0;
      }
      case 2 -> msg.length();
      default -> -1;
    };
  }

  // Negative: old-style switch expression, yield ends each group.
  int colonSwitchExpressionYields(String kind) {
    Message msg = Message.of("colon");
    return switch (kind) {
      case "a":
        sink.publish(msg);
        yield 1;
      case "b":
        yield msg.length();
      default:
        yield 0;
    };
  }

  // Old-style switch expression: a moving group falls through into a reading group.
  int colonSwitchExpressionFallThrough(String kind) {
    Message msg = Message.of("colon fall");
    return switch (kind) {
      case "a":
        sink.publish(msg);
      case "b":
        yield msg.length(); // expect: use-after-move
      default:
        yield 0;
    };
  }

  // The value is moved before the switch and used in one case.
  void movedBeforeSwitchUsedInCase(int mode) {
    Message msg = Message.of("before");
    sink.publish(msg);
    switch (mode) {
      case 1 -> sink.log("one");
      case 2 -> sink.log(msg.body()); // expect: use-after-move
      default -> sink.log("other");
    }
  }
}
