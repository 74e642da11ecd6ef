package inference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A method that passes a parameter of type {@code Object} to an {@code @Owned} parameter hands
 * over whatever it is given (decision 274): {@code @Owned} is inferred, as for a parameter of an
 * owned type. And the overload a call binds to is Java's most specific one (decision 273). A
 * parameter captured by a task handed to code the analysis does not follow is sometimes taken
 * (decision 276).
 */
public class HandedOver {
  /** Sends messages through a channel, and runs tasks once they are flushed. */
  static final class Outbox {
    interface Task {
      void run();
    }

    private final ChannelHandlerContext ctx;
    private final Queue<Task> tasks = new ArrayDeque<>();
    private int sent;

    Outbox(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    /** The write takes the message, whatever it is. */
    void write(Object msg) {
      ctx.writeAndFlush(msg);
    }

    /** Counts the message with a task, then writes it: the task overload is the one called. */
    void send(Object msg) {
      send(new Task() {
        @Override
        public void run() {
          sent++;
        }
      });
      ctx.writeAndFlush(msg);
    }

    void send(Task task) {
      tasks.add(task);
    }

    /** Queues a task that writes the message later: what the queue does is not followed. */
    void later(Object msg) {
      schedule(new Task() {
        @Override
        public void run() {
          ctx.writeAndFlush(msg);
        }
      });
    }

    /** Queues a task that counts, and forgets the message. */
    void countLater(Object msg) {
      schedule(() -> sent++);
    }

    void schedule(Task task) {
      if (task != null) {
        tasks.offer(task);
      }
    }

    /**
     * Releases the message at the end, unless it queued a task that releases it later, through a
     * local naming it (Netty's `SslClientHelloHandler.select`, decision 303).
     */
    void releaseUnlessQueued(ByteBuf msg, boolean queue) {
      try {
        if (queue) {
          final ByteBuf held = msg;
          schedule(() -> held.release());
          msg = null;
        }
      } finally {
        if (msg != null) {
          msg.release();
        }
      }
    }

    /** The same, but the task queued does not capture the message: it is dropped there. */
    void releaseUnlessCounted(ByteBuf msg, boolean queue) {
      try {
        if (queue) {
          schedule(() -> sent++);
          msg = null;
        }
      } finally {
        if (msg != null) {
          msg.release();
        }
      }
    }

    /** Only prints the message: it stays the caller's. */
    void log(Object msg) {
      System.out.println(msg);
    }
  }

  // Negative: the outbox writes the buffer, and the write takes it.
  void written(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    out.write(buf);
  }

  // The nearest bug: the buffer is released again after the write took it.
  void releasedAfterWrite(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    out.write(buf);
    buf.release(); // expect: use-after-move
  }

  // Negative: send calls its task overload, then writes the buffer.
  void sent(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    out.send(buf);
  }

  // The nearest bug: the buffer is read after send took it.
  int readAfterSend(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    out.send(buf);
    return buf.readableBytes(); // expect: use-after-move
  }

  // The nearest bug too: logging the buffer takes nothing, and it is never released.
  void logged(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    buf.writeInt(1);
    out.log(buf);
  }

  // Negative: the task that writes the buffer is queued; no leak is guessed (decision 276).
  void sentLater(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer();
    buf.writeInt(1);
    out.later(buf);
  }

  // Negative: released by the outbox, or by the task it queues through a local (decision 303).
  void releasedOrQueued(Outbox out, ByteBufAllocator alloc, boolean queue) {
    ByteBuf buf = alloc.buffer();
    out.releaseUnlessQueued(buf, queue);
  }

  // The nearest bug: on the queueing path nothing takes the buffer.
  void releasedOrCounted(Outbox out, ByteBufAllocator alloc, boolean queue) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    out.releaseUnlessCounted(buf, queue);
  }

  // The nearest bug: the task queued does not capture the buffer, which is never released.
  void countedLater(Outbox out, ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(); // expect: owned-value-leaked
    buf.writeInt(1);
    out.countLater(buf);
  }
}
