package api;

import org.borrowck4j.annotations.Owned;

/** Messages are owned values. */
@Owned
public class Message {
  public int size() {
    return 0;
  }
}
