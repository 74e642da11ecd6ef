package mwb;

import org.borrowck4j.annotations.Owned;

/**
 * A value borrowed by one argument of a call and moved by another (E0505): the call still uses the
 * borrow when the value has moved. Arguments are evaluated before ownership passes (D9), so a
 * borrow that ended before the call is fine.
 */
public class MoveInOneCall {

  // The header borrows the message the same call takes.
  void sendUnderOwnHeader(Sink sink, String body) {
    Message msg = new Message("a", body);
    sink.sendTagged(msg.header(), msg); // expect: move-while-borrowed
  }

  // The same, the message passed by a parameter that owns it.
  void forward(Sink sink, @Owned Message msg) {
    sink.sendTagged(msg.header(), msg); // expect: move-while-borrowed
  }

  // Negative: the header of another message.
  void sendUnderOtherHeader(Sink sink, Message template, String body) {
    Message msg = new Message("a", body);
    sink.sendTagged(template.header(), msg);
  }

  // Negative: the header is read before the call; only a String is passed.
  void sendUnderName(Sink sink, String body) {
    Message msg = new Message("a", body);
    sink.sendNamed(msg.header().get("id"), msg);
  }

  // A message given to its own @Mut method: the call holds `msg` mutably while it takes it.
  void absorbItself(Message msg) {
    msg.absorb(msg); // expect: move-while-borrowed
  }

  // Negative: another message absorbed.
  void absorbOther(Message msg, Message other) {
    msg.absorb(other);
  }
}
