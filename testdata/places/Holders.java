package places;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Places (DESIGN "places", D23): loans and moves on a field of {@code this} ({@code items},
 * {@code this.items}), on a field of a local or parameter ({@code order.lines}), and on the field a
 * getter returns ({@code order.getLines()} is {@code order.lines}), within one method.
 */
public class Holders {

  static final class Line {
    boolean cancelled;
    int quantity;
  }

  static class Order {
    final List<Line> lines = new ArrayList<>();
    ByteBuf payload;

    List<Line> getLines() {
      return lines;
    }

    // A defensive copy: iterating it while changing the order is fine.
    List<Line> snapshot() {
      return new ArrayList<>(lines);
    }

    ByteBuf getPayload() {
      return payload;
    }

    void reset() {
      payload = null;
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private ByteBuf pending;

  List<Line> getLines() {
    return lines;
  }

  // The loop iterates the order's list through its getter and removes from it.
  void dropCancelled(Order order) {
    for (Line l : order.getLines()) {
      if (l.cancelled) {
        order.getLines().remove(l); // expect: conflicting-borrow
      }
    }
  }

  // The same through the field itself.
  void dropEmpty(Order order) {
    for (Line l : order.lines) {
      if (l.quantity == 0) {
        order.lines.remove(l); // expect: conflicting-borrow
      }
    }
  }

  // The getter and the field name the same place.
  void dropZero(Order order) {
    for (Line l : order.getLines()) {
      if (l.quantity == 0) {
        order.lines.remove(l); // expect: conflicting-borrow
      }
    }
  }

  // This class's own field, iterated as `this.lines` and changed as `lines`.
  void purge() {
    for (Line l : this.lines) {
      if (l.cancelled) {
        lines.remove(l); // expect: conflicting-borrow
      }
    }
  }

  // This class's own getter is the field too.
  void purgeThroughGetter() {
    for (Line l : getLines()) {
      if (l.cancelled) {
        lines.add(new Line()); // expect: conflicting-borrow
      }
    }
  }

  // Negative: iterating the order's defensive copy while changing the order.
  void dropCancelledFromCopy(Order order) {
    for (Line l : order.snapshot()) {
      if (l.cancelled) {
        order.getLines().remove(l);
      }
    }
  }

  // Negative: iterating a copy of the field.
  void dropEmptyFromCopy(Order order) {
    for (Line l : new ArrayList<>(order.lines)) {
      if (l.quantity == 0) {
        order.lines.remove(l);
      }
    }
  }

  // Negative: the idiom, removeIf.
  void dropCancelledWithRemoveIf(Order order) {
    order.getLines().removeIf(l -> l.cancelled);
  }

  // Negative: another order's list is changed.
  void moveCancelled(Order from, Order to) {
    for (Line l : from.lines) {
      if (l.cancelled) {
        to.lines.add(l);
      }
    }
  }

  // Negative: the loop stops right after the change.
  void removeFirstCancelled(Order order) {
    for (Line l : order.getLines()) {
      if (l.cancelled) {
        order.getLines().remove(l);
        break;
      }
    }
  }

  // Negative: a method of the order may give it a new list; what was known about its field is
  // forgotten (decision 140), so nothing is guessed.
  void dropAfterReset(Order order) {
    for (Line l : order.lines) {
      order.reset();
      order.lines.remove(l);
    }
  }

  // The order's buffer written (Netty owns it from then on) and read afterwards.
  int sendPayload(ChannelHandlerContext ctx, Order order) {
    ctx.write(order.payload);
    return order.payload.readableBytes(); // expect: use-after-move
  }

  // The same through the getter.
  int sendPayloadThroughGetter(ChannelHandlerContext ctx, Order order) {
    ctx.write(order.getPayload());
    return order.getPayload().readableBytes(); // expect: use-after-move
  }

  // This class's own buffer written and read afterwards.
  int flushPending(ChannelHandlerContext ctx) {
    ctx.write(this.pending);
    return this.pending.readableBytes(); // expect: use-after-move
  }

  // Negative: the field is cleared once its buffer is handed on, the usual Java idiom.
  void flushAndForget(ChannelHandlerContext ctx) {
    ctx.write(pending);
    pending = null;
  }

  // Negative: the field gets a new buffer between the hand-off and the use.
  void flushAndRefill(ChannelHandlerContext ctx, ByteBufAllocator alloc) {
    ctx.write(this.pending);
    this.pending = alloc.buffer();
    this.pending.writeInt(0);
  }

  // Negative: the order's field gets a new buffer before it is read again.
  int sendAndRefill(ChannelHandlerContext ctx, Order order, ByteBufAllocator alloc) {
    ctx.write(order.payload);
    order.payload = alloc.buffer();
    return order.payload.writableBytes();
  }

  // Negative: the local names another order before its field is read again.
  int sendEach(ChannelHandlerContext ctx, List<Order> orders) {
    int n = 0;
    for (Order order : orders) {
      n += order.payload.readableBytes();
      ctx.write(order.payload);
    }
    return n;
  }
}
