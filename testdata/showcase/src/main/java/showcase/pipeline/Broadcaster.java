package showcase.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends every message to all subscribed transports, dropping the ones that closed. */
public final class Broadcaster {
  private final FramePool pool;
  private final List<Transport> subscribers = new ArrayList<>();

  public Broadcaster(FramePool pool) {
    this.pool = pool;
  }

  public void subscribe(Transport transport) {
    subscribers.add(transport);
  }

  /** Bug 4: removing from the list the for-each loop iterates (ConcurrentModificationException). */
  public void broadcast(String message) {
    for (Transport transport : subscribers) {
      if (!transport.isOpen()) {
        subscribers.remove(transport); // expect: conflicting-borrow
        continue;
      }
      Frame frame = pool.acquire();
      frame.write(message.getBytes(StandardCharsets.UTF_8));
      transport.send(frame);
    }
  }

  /** Correct: the closed transports are removed through removeIf, outside any iteration. */
  public void broadcastAndPrune(String message) {
    subscribers.removeIf(transport -> !transport.isOpen());
    for (Transport transport : subscribers) {
      Frame frame = pool.acquire();
      frame.write(message.getBytes(StandardCharsets.UTF_8));
      transport.send(frame);
    }
  }
}
