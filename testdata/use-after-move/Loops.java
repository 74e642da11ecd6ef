package uam;

import java.util.List;

/** Moves inside loops: earlier iterations, break, continue, labels. */
public class Loops {
  private final Sink sink;

  public Loops(Sink sink) {
    this.sink = sink;
  }

  // Moved in an earlier iteration of a while loop: reported at the move line itself.
  void whileLoopMovesEachIteration(int copies) {
    Message msg = Message.of("broadcast");
    int sent = 0;
    while (sent < copies) {
      sink.publish(msg); // expect: use-after-move
      sent++;
    }
  }

  // For loop: the first use in the next iteration is the log before the move.
  void forLoopUseBeforeMove(int rounds) {
    Message msg = Message.of("round");
    for (int i = 0; i < rounds; i++) {
      sink.log(msg.body()); // expect: use-after-move
      sink.publish(msg);
    }
  }

  // Do-while: the body runs again after the move.
  void doWhileRetries(int retries) {
    Message msg = Message.of("retry");
    int left = retries;
    do {
      sink.publish(msg); // expect: use-after-move
      left--;
    } while (left > 0);
  }

  // For-each over recipients moves the same message once per recipient.
  void forEachRecipients(List<String> recipients) {
    Message msg = Message.of("newsletter");
    for (String recipient : recipients) {
      sink.log(recipient);
      sink.publish(msg); // expect: use-after-move
    }
  }

  // The loop condition reads the value moved in the body.
  void conditionReadsMovedValue() {
    Message msg = Message.of("drain");
    while (msg.length() > 0) { // expect: use-after-move
      sink.publish(msg);
    }
  }

  // Negative: the loop stops right after the move.
  void breakAfterMove(List<String> routes) {
    Message msg = Message.of("first route wins");
    for (String route : routes) {
      if (route.startsWith("eu")) {
        sink.publish(msg);
        break;
      }
      sink.log(msg.topic());
    }
  }

  // Negative: the method returns right after the move inside the loop.
  void returnAfterMoveInLoop(List<String> routes) {
    Message msg = Message.of("deliver once");
    for (String route : routes) {
      sink.log(msg.body());
      if (!route.isEmpty()) {
        sink.publish(msg);
        return;
      }
    }
    sink.log(msg.length());
  }

  // Negative: a fresh owner is declared in each iteration.
  void freshOwnerPerIteration(List<String> lines) {
    for (String line : lines) {
      Message msg = Message.of(line);
      sink.publish(msg);
    }
  }

  // Negative: the variable is re-assigned before each move.
  void reassignedBeforeEachMove(List<String> lines) {
    Message msg = null;
    for (String line : lines) {
      msg = Message.of(line);
      sink.publish(msg);
    }
  }

  // Negative: the variable is re-assigned at the end of each iteration.
  void reassignedAfterEachMove(int count) {
    Message msg = Message.of("seq-0");
    for (int i = 1; i <= count; i++) {
      sink.publish(msg);
      msg = Message.of("seq-" + i);
    }
    sink.log(msg.body());
  }

  // Negative: continue skips the move, and the move is followed by break.
  void continueSkipsMove(List<String> hosts) {
    Message msg = Message.of("ping");
    for (String host : hosts) {
      if (host.isBlank()) {
        continue;
      }
      sink.log(msg.body());
      sink.publish(msg);
      break;
    }
  }

  // Labelled continue of the outer loop after a move in the inner loop.
  void labelledContinue(List<String> groups, List<String> members) {
    Message msg = Message.of("invite");
    outer:
    for (String group : groups) {
      sink.log(msg.topic()); // expect: use-after-move
      for (String member : members) {
        if (member.startsWith(group)) {
          sink.publish(msg);
          continue outer;
        }
      }
    }
  }

  // Labelled break out of both loops after a move, then a use after the loops.
  void labelledBreakThenUse(List<String> groups, List<String> members) {
    Message msg = Message.of("claim");
    search:
    for (String group : groups) {
      for (String member : members) {
        if (member.equals(group)) {
          sink.publish(msg);
          break search;
        }
      }
    }
    sink.log(msg.body()); // expect: use-after-move
  }

  // Negative: the inner loop returns after moving, so the use after the loops is unmoved.
  void nestedLoopsReturnAfterMove(List<String> groups, List<String> members) {
    Message msg = Message.of("claim once");
    for (String group : groups) {
      for (String member : members) {
        if (member.equals(group)) {
          sink.publish(msg);
          return;
        }
      }
    }
    sink.log(msg.body());
  }

  // while (true) left only by a break after the move.
  void infiniteLoopBreakAfterMove(List<String> queue) {
    Message msg = Message.of("job");
    int i = 0;
    while (true) {
      if (queue.get(i).equals("go")) {
        sink.publish(msg);
        break;
      }
      i++;
    }
    sink.log(msg.topic()); // expect: use-after-move
  }

  // Negative: the loop only reads; the move comes after the loop.
  void readInLoopMoveAfter(List<String> tags) {
    Message msg = Message.of("tagged");
    for (String tag : tags) {
      sink.log(tag + msg.topic());
    }
    sink.publish(msg);
  }
}
