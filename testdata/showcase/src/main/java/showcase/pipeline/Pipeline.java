package showcase.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/** Encodes messages into frames and sends them. Three bugs are waiting here. */
public final class Pipeline {
  private static final Logger LOG = Logger.getLogger("pipeline");
  private final FramePool pool;
  private final Transport transport;

  public Pipeline(FramePool pool, Transport transport) {
    this.pool = pool;
    this.transport = transport;
  }

  /** Bug 1: the frame is logged after the transport took (and released) it. */
  public void publish(String message) {
    Frame frame = pool.acquire();
    frame.write(message.getBytes(StandardCharsets.UTF_8));
    transport.send(frame);
    LOG.fine("sent " + frame.length() + " bytes"); // expect: use-after-move
  }

  /**
   * Bug 2: one frame for the whole batch: the second iteration sends a frame it gave away, and an
   * empty batch never releases the frame at all.
   */
  public void publishAll(List<String> messages) {
    Frame frame = pool.acquire(); // expect: owned-value-leaked
    for (String message : messages) {
      frame.write(message.getBytes(StandardCharsets.UTF_8)); // expect: use-after-move
      transport.send(frame);
    }
  }

  /** Bug 3: when sending succeeded, the finally block releases a frame the transport owns. */
  public void publishCarefully(String message) {
    Frame frame = pool.acquire();
    try {
      frame.write(message.getBytes(StandardCharsets.UTF_8));
      transport.trace(frame);
      transport.send(frame);
    } finally {
      frame.release(); // expect: use-after-move
    }
  }

  /** Correct: a fresh frame per message, traced (borrowed) before it is sent (moved). */
  public void publishEach(List<String> messages) {
    for (String message : messages) {
      Frame frame = pool.acquire();
      frame.write(message.getBytes(StandardCharsets.UTF_8));
      transport.trace(frame);
      int length = frame.length();
      transport.send(frame);
      LOG.fine("sent " + length + " bytes");
    }
  }

  /** Correct: the frame is released only on the path where it was not sent. */
  public void publishIfNotEmpty(String message) {
    Frame frame = pool.acquire();
    if (message.isEmpty()) {
      frame.release();
      return;
    }
    frame.write(message.getBytes(StandardCharsets.UTF_8));
    transport.send(frame);
  }
}
